"""The consultation request: the form page patients fill out, and each request it stores."""

import logging
from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    validate_to_address,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.search import index

from practice.localized import localized
from practice.pages import PageMetaMixin
from practice.privacy import protect_form_data
from practice.responses import never_store
from practice.site_url import absolute
from practice.spam import RateLimiter, is_honeypot_filled

from .choices import source_fields

# The form's questions live in form_fields.py and the stored requests in work_queue.py;
# Django and the rest of the app find them here.
from .form_fields import ConsultationFormField  # noqa: F401
from .forms import ConsultationFormBuilder, ConsultationFormPageForm
from .language import in_page_language, page_language
from .regarding import FIELD_NAME as REGARDING_FIELD
from .regarding import regarding_fields, regarding_from_query, regarding_pages
from .work_queue import ConsultationRequest, RequestNote, Status  # noqa: F401

logger = logging.getLogger(__name__)


class ConsultationFormPage(PageMetaMixin, RoutablePageMixin, AbstractEmailForm):
    """Request a consultation: a form staff build in the editor, answered by the front desk."""

    to_address = models.CharField(
        "notify these addresses",
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text=(
            "Told when a new request arrives, with a link to it in the admin; the email never "
            "contains the patient's details. Separate addresses with commas."
        ),
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    submit_button_text = models.CharField(max_length=40, default="Send my request")
    privacy_note = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown under the form: who reads these details and how long they are kept.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The privacy notice, linked from the consent checkbox.",
    )
    thank_you_heading = models.CharField(max_length=120, default="Thank you, we have your request")
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link"])
    next_steps = RichTextField(
        "what happens next", blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    base_form_class = ConsultationFormPageForm
    form_builder = ConsultationFormBuilder
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.POST]

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", heading="Form fields", label="Field"),
        FieldPanel("submit_button_text"),
        MultiFieldPanel(
            [FieldPanel("privacy_note"), PageChooserPanel("privacy_page")],
            heading="Privacy",
        ),
        MultiFieldPanel(
            [
                FieldPanel("thank_you_heading"),
                FieldPanel("thank_you_text"),
                FieldPanel("next_steps"),
            ],
            heading="Thank-you page",
        ),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading="Notification email to the office",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = gettext_lazy("consultation form page")

    def get_submission_class(self):
        return ConsultationRequest

    def get_form_class(self):
        # A translation's choices post the default language's values (choices.py).
        builder = self.form_builder(self.get_form_fields(), source_fields=source_fields(self))
        return builder.get_form_class()

    def get_submissions(self):
        """The requests sent through this page in every language it is translated into: the
        front desk works through one queue, and sees each request's language in it."""
        return ConsultationRequest.objects.filter(page__translation_key=self.translation_key)

    def queue_page(self):
        """The translation whose labels the front desk reads: the site's default language's,
        or this page when it has none."""
        default = self.get_translation_or_none(Locale.get_default())
        return default or self

    # Patient-facing views ------------------------------------------------------------------

    def rate_limiter(self):
        return RateLimiter(
            "consultation",
            limit=settings.CONSULTATION_RATE_LIMIT,
            period=settings.CONSULTATION_RATE_LIMIT_PERIOD,
        )

    def privacy_url(self, request):
        # A translated form page still points at the English notice: its translation in the
        # patient's language (active here, see in_page_language) when there is a live one.
        page = localized(self.privacy_page)
        return page.get_url(request) if page and page.live else None

    def serve(self, request, view=None, args=None, kwargs=None):
        # Called without a route (not through Wagtail's routing): that is the form itself,
        # never FormMixin.serve, which would skip the spam and privacy protections.
        return super().serve(request, view or self.form_view, args, kwargs)

    @path("")
    @in_page_language
    def form_view(self, request):
        protect_form_data(request)
        rate_limited = False
        form_kwargs = {
            "page": self,
            "user": request.user,
            "privacy_url": self.privacy_url(request),
            "regarding": regarding_from_query(request.GET),
        }
        if request.method == "POST":
            if is_honeypot_filled(request.POST):
                # A bot: it gets what a person gets, and nothing is stored.
                return self.redirect_to_thank_you(request)
            form = self.get_form(request.POST, request.FILES, **form_kwargs)
            if form.is_valid():
                if self.rate_limiter().hit(request):
                    self.process_form_submission(form)
                    return self.redirect_to_thank_you(request)
                rate_limited = True
        else:
            form = self.get_form(**form_kwargs)
        context = {
            "form": form,
            "rate_limited": rate_limited,
            # What the patient came from, named above the form in their language: "You are
            # asking about: Sciatica".
            "asking_about": [
                localized(page) for page in regarding_pages(form[REGARDING_FIELD].value()).values()
            ],
        }
        response = self.render(request, context_overrides=context)
        if rate_limited:
            response.status_code = 429
        if form.is_bound or request.user.is_authenticated:
            # What the person typed, or a signed-in person's copy: no cache may keep it. The
            # empty form is the same for every anonymous visitor, and a CDN may share it.
            never_store(response)
        return response

    @path("thank-you/", name="thank_you")
    @in_page_language
    def thank_you_view(self, request):
        if request.method == "POST":  # nothing is ever posted here
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return never_store(self.render(request, template=self.get_landing_page_template(request)))

    def redirect_to_thank_you(self, request):
        # 303 See Other: the browser follows with a GET, so reloading never posts again.
        url = self.get_url(request) + self.reverse_subpage("thank_you").lstrip("/")
        return never_store(HttpResponseRedirect(url, status=303))

    def serve_preview(self, request, mode_name):
        if mode_name == "landing":
            return self.thank_you_view(request)
        return self.form_view(request)

    # Storing and notifying -------------------------------------------------------------------

    def process_form_submission(self, form):
        form_data = dict(form.cleaned_data)
        regarding = regarding_fields(form_data.pop(REGARDING_FIELD, ""))
        submission = self.get_submission_class().objects.create(
            form_data=form_data,
            page=self,
            # The page's language, never anything the patient sent.
            language=page_language(self),
            **regarding,
        )
        if self.to_address:
            self.notify_office(submission)
        return submission

    def notify_office(self, submission):
        """Tell the office a request arrived. The message is queued and the background worker
        sends it (practice/mail.py), so the patient never waits on the mail server. The request
        itself is already stored: nothing about the mail may turn it into an error page, or the
        patient would send it again."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        try:
            # The office reads English, whatever language the patient wrote in.
            with translation.override(settings.LANGUAGE_CODE):
                send_mail(
                    self.subject or "New consultation request",
                    self.render_notification(submission),
                    addresses,
                    self.from_address,
                )
        except Exception:
            logger.exception(
                "Could not email the office about consultation request %s", submission.pk
            )

    def render_notification(self, submission=None):
        """The email's text: that a request arrived, and where to read it. No form data."""
        if submission is not None:
            admin_path = reverse("consultation_requests:detail", args=[submission.pk])
        else:
            admin_path = reverse("wagtailforms:list_submissions", args=[self.pk])
        return render_to_string(
            "consultation/emails/consultation_notification.txt",
            {
                "page": self,
                "submission": submission,
                "admin_url": absolute(admin_path),
            },
        )

    def render_email(self, form):
        # Wagtail's default lists every answer; the office email must carry none of them.
        return self.render_notification()
