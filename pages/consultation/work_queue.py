"""The stored request as the front desk's work item: its status, who has it, and their notes.

Imported by `models` (Django finds the models there). Notes and statuses are internal: they
are never emailed, and the audit log records that they changed, never what a note says.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from wagtail.contrib.forms.models import AbstractFormSubmission

NOTE_MAX_LENGTH = 2000


def language_name(code):
    """The language's English name ("Spanish" for "es"); "" for none, the code if unknown."""
    if not code:
        return ""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    BOOKED = "booked", "Booked"
    NOT_BOOKED = "not_booked", "Not booked"
    CLOSED = "closed", "Closed"


# Requests somebody still has to act on: the dashboard counts these.
OPEN_STATUSES = (Status.NEW, Status.CONTACTED)


class ConsultationRequestQuerySet(models.QuerySet):
    def waiting(self):
        """Requests nobody has answered yet."""
        return self.filter(status=Status.NEW)


def regarding_page_field(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=f"asked about ({verbose_name})",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class ConsultationRequest(AbstractFormSubmission):
    """One patient's request. Only superusers and the Front desk group can read it."""

    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="assigned to",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The language of the form the patient filled in ("es", "en-us"): the page's own, never
    # what the patient sent, so the front desk knows which language to call back in.
    language = models.CharField(max_length=16, blank=True, db_index=True)
    # What the patient was reading when they asked, from the form's address
    # (/consultation/?treatment=12&clinician=5, see regarding.py): one page of each kind, in
    # the site's default language when it has a translation there.
    regarding_topic = regarding_page_field("condition or treatment")
    regarding_clinician = regarding_page_field("clinician")
    regarding_location = regarding_page_field("location")

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "consultation request"
        verbose_name_plural = "consultation requests"
        indexes = [models.Index(fields=["submit_time"], name="consultation_submit_time")]

    def __str__(self):
        # Never the form data: this string ends up in admin messages, logs and error reports.
        return f"Consultation request {self.pk}"

    @property
    def language_name(self):
        """ "Spanish" for "es": the front desk reads the admin in English."""
        return language_name(self.language)

    @property
    def regarding_pages(self):
        """The pages the patient asked about, topic first."""
        pages = (self.regarding_topic, self.regarding_clinician, self.regarding_location)
        return [page for page in pages if page is not None]

    @property
    def local_submit_time(self):
        return timezone.localtime(self.submit_time).replace(second=0, microsecond=0)


class RequestNote(models.Model):
    """An internal note on a request: a call made, a message left, what was agreed."""

    request = models.ForeignKey(ConsultationRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    text = models.TextField(max_length=NOTE_MAX_LENGTH)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "note"

    def __str__(self):
        return f"Note {self.pk} on consultation request {self.request_id}"
