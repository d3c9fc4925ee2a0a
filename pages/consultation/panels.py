"""Dashboard panel for the front desk: how many requests wait for an answer, and for how long."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import ConsultationRequest, Status


def waiting_age(since, now=None):
    """How long the oldest request has waited, in the largest whole unit ('3 days', '5 hours',
    '12 minutes'): the front desk needs the size of the delay, not its exact length."""
    minutes = int(((now or timezone.now()) - since).total_seconds() // 60)
    if minutes < 1:
        return "less than a minute"
    for unit, size in (("day", 24 * 60), ("hour", 60), ("minute", 1)):
        if minutes >= size:
            count = minutes // size
            return f"{count} {unit}{'' if count == 1 else 's'}"


class NewRequestsPanel(Component):
    name = "new_consultation_requests"
    template_name = "consultation/admin/new_requests_panel.html"
    order = 50  # first: a patient is waiting

    def __init__(self, form_pages):
        self.form_pages = form_pages

    def get_context_data(self, parent_context):
        waiting = ConsultationRequest.objects.filter(page__in=self.form_pages).waiting()
        oldest = waiting.order_by("submit_time").values_list("submit_time", flat=True).first()
        return {
            "waiting_count": waiting.count(),
            "oldest_age": waiting_age(oldest) if oldest else "",
            "queue_url": reverse("consultation_requests:index") + f"?status={Status.NEW}",
        }
