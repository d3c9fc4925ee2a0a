"""Medical advice goes live only through medical review.

Articles, conditions and treatments, in every language, are published by a medical reviewer's
approval in the "Medical review" workflow (review.publish_after_review), or by a superuser;
by nobody else, whatever page permissions their groups hold. Groups cannot say so themselves:
a page permission reaches every page below it, and Wagtail's own Moderators group holds
"publish" on the root page so that it can publish the practice's own pages (standard pages,
locations, the home page). The page's permission tester says it instead, and Wagtail asks it
before every publish it offers:

- the editor's Publish, "Revert and publish", the bulk Publish action and its "publish
  subpages", and the publish actions of Wagtail's API ask the page (`can_publish()`);
- creating a page with Publish, copying with "Publish copies" and making an alias ask the
  section the page goes into (`can_publish_subpage()`);
- scheduled publishing publishes only a revision someone who could publish sent live with a
  go-live date in the future.

Taking a page down is not publishing: unpublishing, cancelling a scheduled publication and
making a page private stay with the groups that hold "publish" there (the medical reviewers
on their sections), so a reviewer can pull a page found wrong at once. None of them shows a
patient anything no reviewer approved.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import PagePermissionTester


def publishes_without_review(user):
    """Whether `user` may publish medical advice outside the workflow: only a superuser."""
    return user.is_active and user.is_superuser


class ReviewedPagePermissionTester(PagePermissionTester):
    """What a member of staff may do to an article, a condition or a treatment."""

    def can_publish(self):
        return publishes_without_review(self.user) and super().can_publish()

    # Wagtail asks can_publish() for these too; they publish nothing (see above).
    def can_unschedule(self):
        return super().can_publish()

    def can_set_view_restrictions(self):
        return super().can_publish()


class ReviewedSectionPermissionTester(PagePermissionTester):
    """What a member of staff may do in a section of medical pages: its pages are created,
    copied and aliased as drafts, except by a superuser."""

    def can_publish_subpage(self):
        return publishes_without_review(self.user) and super().can_publish_subpage()


class PublishedThroughReview:
    """Mixin for the page types of medical advice."""

    def permissions_for_user(self, user):
        return ReviewedPagePermissionTester(user, self)


class SectionOfReviewedPages:
    """Mixin for the sections that hold them (the article, condition and treatment indexes)."""

    def permissions_for_user(self, user):
        return ReviewedSectionPermissionTester(user, self)


def approved_in_review(workflow_state, user):
    """Whether the workflow ends with `user`'s approval of a task that lets them approve (for
    "Medical review", a member of the Medical reviewers group, or a superuser). Wagtail's
    workflow views refuse anyone else; this also refuses an approval made in code, and a
    workflow that finishes with no task at all (one that has none), which would otherwise
    publish as soon as an editor submitted."""
    task_state = workflow_state.current_task_state
    if user is None or task_state is None:
        return False
    if task_state.status != task_state.STATUS_APPROVED or task_state.finished_by_id != user.pk:
        return False
    page = workflow_state.content_object
    actions = task_state.task.specific.get_actions(page, user)
    return any(name == "approve" for name, *_ in actions)


class NotApprovedInReview(PermissionDenied):
    """A medical page's workflow finished without an approval that may publish it."""

    def __init__(self):
        super().__init__("A medical page is published only by a medical reviewer's approval.")
