"""Admin views for consultation requests: every look at them is checked and written to the
audit log."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListFilterSet, SubmissionsListView
from wagtail.models import Locale, Page

from . import audit
from .admin_forms import CHANGE_REQUESTS_PERMISSION, RequestUpdateForm, front_desk_staff
from .choices import AnswerLabels
from .listing import (
    cell,
    display_answer,
    export_answer,
    person_name,
    queue_row,
    time_zone_name,
)
from .models import ConsultationFormPage, ConsultationRequest, Status
from .work_queue import language_name

# The pages a request may name, as the list and the exports head them.
REGARDING_HEADINGS = {
    "regarding_topic": "Condition or treatment",
    "regarding_clinician": "Clinician",
    "regarding_location": "Location",
}
REGARDING_FIELDS = tuple(REGARDING_HEADINGS)


def consultation_pages_for_user(user):
    """Consultation pages whose requests this user may read (see wagtail_hooks)."""
    return get_forms_for_user(user).type(ConsultationFormPage)


def breadcrumbs_to_index(items):
    return items + [
        {"url": reverse("consultation_requests:index"), "label": "Consultation requests"}
    ]


def queue_pages(form_pages):
    """One consultation page per work queue: a page and its translations share one (see
    ConsultationFormPage.get_submissions), shown as the default language's page."""
    default_locale_id = Locale.get_default().pk
    queues = {}
    for page in form_pages.order_by("path"):
        if page.translation_key not in queues or page.locale_id == default_locale_id:
            queues[page.translation_key] = page
    return list(queues.values())


def pages_asked_about(field):
    """The pages patients have asked about in one of the request's fields ("regarding_topic":
    conditions and treatments), to filter on."""
    asked_about = ConsultationRequest.objects.exclude(**{field: None}).values(field)
    return Page.objects.filter(pk__in=asked_about).order_by("title")


def asked_about_filter(label, field):
    return django_filters.ModelChoiceFilter(
        label=label, empty_label="Any", queryset=lambda request: pages_asked_about(field)
    )


def language_choices():
    """The site's languages, and any a stored request has that the site no longer offers."""
    codes = set(Locale.objects.values_list("language_code", flat=True))
    codes |= set(ConsultationRequest.objects.values_list("language", flat=True).distinct())
    choices = [(code, language_name(code)) for code in codes if code]
    return sorted(choices, key=lambda choice: choice[1])


class RequestsFilterSet(SubmissionsListFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=Status.choices, empty_label="Any status"
    )
    assignee = django_filters.ModelChoiceFilter(
        label="Assigned to",
        empty_label="Anyone",
        null_label="Nobody",
        queryset=lambda request: front_desk_staff(),
    )
    language = django_filters.ChoiceFilter(
        label="Language", choices=language_choices, empty_label="Any language"
    )
    regarding_topic = asked_about_filter("Condition or treatment", "regarding_topic")
    regarding_clinician = asked_about_filter("Clinician", "regarding_clinician")
    regarding_location = asked_about_filter("Location", "regarding_location")


class ConsultationRequestsListView(SubmissionsListView):
    """The front desk's work queue: a short row per request (status, who has it, how to reach
    the patient), filters, and CSV/XLSX exports in the practice's time zone. Every list and
    export is written to the audit log."""

    results_template_name = "consultation/admin/consultation_requests_results.html"
    page_title = "Consultation requests"
    filterset_class = RequestsFilterSet
    orderable_fields = ("id", "submit_time", "status")

    def get_breadcrumbs_items(self):
        # The header names what staff look for, not the form's title ("Request a consultation").
        return self.breadcrumbs_items + [{"url": "", "label": "Consultation requests"}]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("assignee", *REGARDING_FIELDS)

    @cached_property
    def form_fields(self):
        return list(self.form_page.get_form_fields())

    @cached_property
    def answer_labels(self):
        return AnswerLabels(self.form_page)

    def get_page_subtitle(self):
        # What staff look for, not the form's title (which the breadcrumbs name).
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            context["rows"] = [
                queue_row(item, self.form_fields, self.answer_labels.for_staff(item.form_data))
                for item in context["submissions"]
            ]
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            self.set_export_columns()
        response = super().render_to_response(context, **response_kwargs)
        ids = [item.pk for item in context["submissions"]]
        if self.is_export:
            audit.log_exported(self.form_page, self.request.user, self.request.GET["export"], ids)
        else:
            audit.log_listed(self.form_page, self.request.user, ids)
        return response

    # Exports ------------------------------------------------------------------------------

    def set_export_columns(self):
        fields = [(field.clean_name, field.label) for field in self.form_fields]
        headings = {
            "id": "Request",
            "submit_time": f"Received ({time_zone_name()} time)",
            "status": "Status",
            "assignee": "Assigned to",
            "language": "Language",
            **REGARDING_HEADINGS,
            **dict(fields),
        }
        self.list_export = list(headings)
        self.export_headings = headings
        self.custom_field_preprocess = {
            # The practice's own clock, to the minute: what the front desk reads on the wall.
            "submit_time": {self.FORMAT_CSV: lambda value: value.strftime("%Y-%m-%d %H:%M")},
        }

    def to_row_dict(self, item):
        data = self.answer_labels.for_staff(item.form_data)
        values = {
            "id": item.pk,
            # Naive local time: spreadsheets have no time zones, and show what they are given.
            "submit_time": timezone.make_naive(item.local_submit_time),
            "status": item.get_status_display(),
            "language": item.language_name,
            "assignee": person_name(item.assignee),
        }
        for name in REGARDING_FIELDS:
            page = getattr(item, name)
            values[name] = page.title if page else ""
        for field in self.form_fields:
            values[field.clean_name] = export_answer(data.get(field.clean_name))
        # In the headings' order: the XLSX writer takes the cells as the dict lists them, so
        # any other order puts them under the wrong headings.
        return {name: values[name] for name in self.list_export}


class ConsultationRequestDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One request, every answer in full, with the labels the form had, and the front desk's
    work on it: status, who has it, and notes (changed by POST, with the change permission)."""

    template_name = "consultation/admin/consultation_request_detail.html"
    header_icon = "form"

    def dispatch(self, request, pk):
        allowed_pages = consultation_pages_for_user(request.user)
        if not allowed_pages.exists():
            raise PermissionDenied
        self.submission = get_object_or_404(
            ConsultationRequest.objects.select_related("page", "assignee", *REGARDING_FIELDS),
            pk=pk,
            page__in=allowed_pages.values("pk"),
        )
        # The labels the front desk reads: the default language's, whichever language the
        # patient filled the form in.
        self.form_page = self.submission.page.specific.queue_page().specific
        self.can_change = request.user.has_perm(CHANGE_REQUESTS_PERMISSION)
        return super().dispatch(request, pk=pk)

    def get(self, request, *args, **kwargs):
        audit.log_viewed(self.submission.page, request.user, self.submission.pk)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.can_change:
            raise PermissionDenied
        form = RequestUpdateForm(request.POST, consultation_request=self.submission)
        if not form.is_valid():
            messages.validation_error(request, "The request was not changed.", form)
            context = self.get_context_data(update_form=form)
            return self.render_to_response(context, status=400)
        if form.has_changes():
            form.save(request.user)
            messages.success(request, f"{self.submission} saved.")
        # 303 See Other: reloading the page afterwards never posts the change again.
        return HttpResponseRedirect(request.path, status=303)

    def get_page_title(self):
        return f"Consultation request {self.submission.pk}"

    def get_page_subtitle(self):
        return self.form_page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        list_url = reverse("wagtailforms:list_submissions", args=[self.form_page.pk])
        return breadcrumbs_to_index(self.breadcrumbs_items) + [
            {"url": list_url, "label": self.form_page.get_admin_display_title()},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, update_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        form_fields = list(self.form_page.get_form_fields())
        labels = AnswerLabels(self.form_page)
        form_data = labels.for_staff(self.submission.form_data)
        answers = []
        for field in form_fields:
            stored = self.submission.form_data.get(field.clean_name)
            patient_saw = labels.for_patient(self.submission.page, field.clean_name, stored)
            answer = {"label": field.label, **cell(field, form_data)}
            if patient_saw != form_data.get(field.clean_name):
                # The words the patient chose, in their language, beside the staff's.
                answer["patient_label"] = display_answer(patient_saw)
            answers.append(answer)
        # Answers to fields that staff have since removed from the form are still shown.
        known = {field.clean_name for field in form_fields}
        answers += [
            {"label": name.replace("_", " ").capitalize(), "text": display_answer(value)}
            for name, value in form_data.items()
            if name not in known
        ]
        if self.can_change and update_form is None:
            update_form = RequestUpdateForm(consultation_request=self.submission)
        context.update(
            submission=self.submission,
            form_page=self.form_page,
            answers=answers,
            notes=self.submission.notes.select_related("author"),
            history=audit.work_history(self.submission),
            update_form=update_form,
            list_url=reverse("wagtailforms:list_submissions", args=[self.form_page.pk]),
        )
        return context


class ConsultationRequestsIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Straight to the requests when there is one consultation page (the usual case)."""

    template_name = "consultation/admin/consultation_requests_index.html"
    page_title = "Consultation requests"
    header_icon = "mail"

    def get(self, request, *args, **kwargs):
        self.form_pages = queue_pages(consultation_pages_for_user(request.user))
        if not self.form_pages:
            raise PermissionDenied
        if len(self.form_pages) == 1:
            # The dashboard links here with filters (?status=new); they go along.
            url = reverse("wagtailforms:list_submissions", args=[self.form_pages[0].pk])
            query = request.GET.urlencode()
            return redirect(f"{url}?{query}" if query else url)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form_pages=self.form_pages, **kwargs)
