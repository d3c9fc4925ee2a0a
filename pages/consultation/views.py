"""Admin views for consultation requests: every look at them is checked and written to the
audit log."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListView

from . import audit
from .models import ConsultationFormPage, ConsultationRequest

# Spreadsheet programs run cells that start with these as formulas; patients type free text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def consultation_pages_for_user(user):
    """Consultation pages whose requests this user may read (see wagtail_hooks)."""
    return get_forms_for_user(user).type(ConsultationFormPage)


def breadcrumbs_to_index(items):
    return items + [
        {"url": reverse("consultation_requests:index"), "label": "Consultation requests"}
    ]


class ConsultationRequestsListView(SubmissionsListView):
    """Wagtail's submissions list and CSV/XLSX export, with audit logging and a link to each
    request."""

    results_template_name = "consultation/admin/consultation_requests_results.html"
    page_title = "Consultation requests"

    def get_breadcrumbs_items(self):
        return breadcrumbs_to_index(self.breadcrumbs_items) + [
            {"url": "", "label": self.form_page.get_admin_display_title()}
        ]

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.is_export:
            ids = context["submissions"].values_list("pk", flat=True)
            audit.log_exported(self.form_page, self.request.user, self.request.GET["export"], ids)
        else:
            ids = [row["model_id"] for row in context.get("data_rows", [])]
            audit.log_listed(self.form_page, self.request.user, ids)
        return response

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value


class ConsultationRequestDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One request, every answer in full, with the labels the form had."""

    template_name = "consultation/admin/consultation_request_detail.html"
    header_icon = "form"

    def dispatch(self, request, pk):
        allowed_pages = consultation_pages_for_user(request.user)
        if not allowed_pages.exists():
            raise PermissionDenied
        self.submission = get_object_or_404(
            ConsultationRequest.objects.select_related("page"),
            pk=pk,
            page__in=allowed_pages.values("pk"),
        )
        self.form_page = self.submission.page.specific
        return super().dispatch(request, pk=pk)

    def get(self, request, *args, **kwargs):
        audit.log_viewed(self.form_page, request.user, self.submission.pk)
        return super().get(request, *args, **kwargs)

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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.submission.get_data()
        answers = [
            {"label": label, "value": display_answer(data.get(name))}
            for name, label in self.form_page.get_data_fields()
            if name != "submit_time"
        ]
        # Answers to fields that staff have since removed from the form are still shown.
        known = {name for name, _label in self.form_page.get_data_fields()}
        answers += [
            {"label": name.replace("_", " ").capitalize(), "value": display_answer(value)}
            for name, value in self.submission.form_data.items()
            if name not in known
        ]
        context.update(
            submission=self.submission,
            form_page=self.form_page,
            answers=answers,
            list_url=reverse("wagtailforms:list_submissions", args=[self.form_page.pk]),
        )
        return context


class ConsultationRequestsIndexView(WagtailAdminTemplateMixin, TemplateView):
    """Straight to the requests when there is one consultation page (the usual case)."""

    template_name = "consultation/admin/consultation_requests_index.html"
    page_title = "Consultation requests"
    header_icon = "mail"

    def get(self, request, *args, **kwargs):
        self.form_pages = list(consultation_pages_for_user(request.user).order_by("path"))
        if not self.form_pages:
            raise PermissionDenied
        if len(self.form_pages) == 1:
            return redirect("wagtailforms:list_submissions", self.form_pages[0].pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(form_pages=self.form_pages, **kwargs)


def display_answer(value):
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if value in (None, "", []):
        return "(no answer)"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
