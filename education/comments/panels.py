"""Dashboard panel for comment moderators: how many comments wait for a decision."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .models import Comment


class CommentsWaitingPanel(Component):
    name = "comments_waiting"
    template_name = "comments/comments_waiting_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        pending = Comment.objects.filter(status=Comment.Status.PENDING)
        oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
        return {
            "pending_count": pending.count(),
            "oldest": oldest,
            "queue_url": reverse("comments:list") + f"?status={Comment.Status.PENDING}",
        }
