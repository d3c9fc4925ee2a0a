"""The "Medical review" task: Wagtail's group approval (Medical reviewers approve or ask for
changes), which refuses, before anything is approved and with a message that says how to fix
it, an approval that would name no medical reviewer (see approval.py). Without it, an approval
from the dashboard was refused only by publish_after_review's exception, which Wagtail shows as
its generic "permission denied" page."""

from django.urls import reverse
from wagtail.models import GroupApprovalTask

from ..approval import approval_names_no_reviewer


class MedicalReviewTask(GroupApprovalTask):
    class Meta:
        proxy = True
        verbose_name = "medical review task"

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            revision = task_state.workflow_state.content_object.get_latest_revision()
            if approval_names_no_reviewer(revision.as_object(), user):
                # Wagtail's action view redirects to what on_action returns: a page that says
                # why, then opens the editor where the reviewer is named.
                return reverse(
                    "education_reviewer_missing", args=[task_state.workflow_state.object_id]
                )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve or ask for changes; an approval must name "
            "the page's medical reviewer."
        )
