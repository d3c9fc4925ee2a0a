"""The stored request as the front desk's work item: its status, who has it, and their notes.

Imported by `models` (Django finds the models there). Notes and statuses are internal: they
are never e-mailed, and the audit log records that they changed, never what a note says.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.contrib.forms.models import AbstractFormSubmission

NOTE_MAX_LENGTH = 2000


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
    # What the patient was reading when they asked (a condition, treatment, clinician or
    # location page), from the form's address: /consultation/?condition=12.
    regarding = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ConsultationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "consultation request"
        verbose_name_plural = "consultation requests"
        indexes = [models.Index(fields=["submit_time"], name="consultation_submit_time")]

    def __str__(self):
        # Never the form data: this string ends up in admin messages, logs and error reports.
        return f"Consultation request {self.pk}"

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
