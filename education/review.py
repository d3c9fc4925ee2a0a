"""Medical review: who may publish articles, the workflow every article goes through, and what
an approval records. Condition and treatment pages are medical advice too: their sections get
the same workflow and permissions, and an approval records their review the same way.

- Editors write and edit; they submit articles to the "Medical review" workflow. Medical
  reviewers approve (which publishes) or request changes. Nobody but a superuser publishes a
  medical page any other way, whatever their groups' page permissions (publishing.py).
- The roles and the workflow are created by migration 0002; the workflow is attached to the
  article index, and the roles get their page permissions on it, when that page is created
  (see `set_up_article_index`), since on a fresh install it does not exist yet at migration
  time.
- Approving the workflow records the review in the revision that is published: the approver's
  clinician profile becomes the medical reviewer, the review date becomes today and the next
  review moves on by ARTICLE_REVIEW_INTERVAL_MONTHS, unless the editor ticked "minor edit".
"""

import datetime
import logging

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import LogFormatter, log
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from .approval import ReviewerMissing, own_clinician_profile, reviewer_for_approval
from .models import (
    ArticleIndexPage,
    ArticlePage,
    ConditionIndexPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from .publishing import NotApprovedInReview, approved_in_review
from .review_dates import next_review_after

logger = logging.getLogger(__name__)

EDITORS = "Editors"
MEDICAL_REVIEWERS = "Medical reviewers"
MEDICAL_REVIEW_WORKFLOW = "Medical review"
# An article is "due for review" this many days before its next review date.
DUE_SOON_DAYS = 30

# Held by the Medical reviewers group: who may set an article's reviewer and review dates.
RECORD_REVIEW_PERMISSION = "education.record_medical_review"

REVIEW_RECORDED = "education.medical_review"
MINOR_EDIT_PUBLISHED = "education.minor_edit"

# Page permissions each role gets on the sections it works in. Editors may publish clinician
# profiles (not medical advice) but never articles. The reviewers' "publish" lets them take a
# page down or make it private; their approval publishes, never their Publish button
# (publishing.py).
ARTICLE_INDEX_PERMISSIONS = {
    EDITORS: ["add", "change"],
    MEDICAL_REVIEWERS: ["add", "change", "publish", "lock", "unlock"],
}
CLINICIAN_INDEX_PERMISSIONS = {
    EDITORS: ["add", "change", "publish"],
}


# --- Roles and workflow on the sections ---


def grant_page_permissions(page, permissions_by_group):
    """Give each named group the page permissions listed for it on `page` and below. A group
    that has been renamed or deleted is skipped: staff manage roles in Settings → Groups."""
    page_type = ContentType.objects.get_for_model(Page)
    for group_name, permission_types in permissions_by_group.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            logger.warning(
                "No group named %r: page permissions on %s not granted", group_name, page
            )
            continue
        for permission_type in permission_types:
            permission = Permission.objects.get(
                content_type=page_type, codename=f"{permission_type}_page"
            )
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def medical_review_workflow():
    return Workflow.objects.filter(name=MEDICAL_REVIEW_WORKFLOW, active=True).first()


# Pages of medical advice: each goes through medical review before it is published.
REVIEWED_PAGE_TYPES = (ArticlePage, ConditionPage, TreatmentPage)
REVIEWED_SECTION_TYPES = (ArticleIndexPage, ConditionIndexPage, TreatmentIndexPage)


def set_up_article_index(index):
    """Every page below `index` (articles, conditions or treatments) goes through medical
    review; editors and reviewers get their permissions on it. Runs when the index is
    created; safe to run again."""
    workflow = medical_review_workflow()
    if workflow is None:
        logger.warning("No active %r workflow to assign to %s", MEDICAL_REVIEW_WORKFLOW, index)
    elif not WorkflowPage.objects.filter(page=index).exists():
        WorkflowPage.objects.create(page=index, workflow=workflow)
    grant_page_permissions(index, ARTICLE_INDEX_PERMISSIONS)


def set_up_clinician_index(index):
    grant_page_permissions(index, CLINICIAN_INDEX_PERMISSIONS)


def set_up_new_section(sender, instance, created, raw=False, **kwargs):
    """post_save receiver for the index page types (connected in apps.py)."""
    if not created or raw:
        return
    if isinstance(instance, REVIEWED_SECTION_TYPES):
        set_up_article_index(instance)
    else:
        set_up_clinician_index(instance)


# --- What an approval records ---


def today():
    return timezone.localdate()


def record_medical_review(article, reviewer_user=None, on=None):
    """Mark `article` (unsaved) as reviewed on `on` (default today) by `reviewer_user`'s
    clinician profile; without a profile the named reviewer stays as it was."""
    on = on or today()
    profile = own_clinician_profile(reviewer_user)
    if profile is not None:
        article.medical_reviewer = profile
    article.last_reviewed = on
    article.next_review_due = next_review_after(on)


def publish_after_review(workflow_state, user=None):
    """What happens when the last task of a workflow is approved (see workflow_actions.py).
    For an article, condition or treatment, the review is written into the revision before
    it is published (or scheduled, if it has a go-live date in the future), so the live page,
    the scheduled revision and the page history all carry it."""
    revision = workflow_state.content_object.get_latest_revision()
    page = revision.as_object()
    reviewed = isinstance(page, REVIEWED_PAGE_TYPES)
    if reviewed:
        # Raised inside Wagtail's atomic approval: the approval is undone, nothing goes live.
        if not approved_in_review(workflow_state, user):
            raise NotApprovedInReview
        if reviewer_for_approval(page.medical_reviewer, user) is None:
            raise ReviewerMissing
        with transaction.atomic():
            minor = page.minor_edit
            if minor:
                page.minor_edit = False
            else:
                record_medical_review(page, user)
            revision.content = page.serializable_data()
            revision.save(update_fields=["content"])
            log_review(page, revision, user, minor)
    # The approval is the permission: a medical page's Publish is a superuser's alone.
    revision.publish(user=user, skip_permission_checks=reviewed)


def log_review(article, revision, user, minor):
    if minor:
        log(instance=article, action=MINOR_EDIT_PUBLISHED, user=user, revision=revision)
        return
    log(
        instance=article,
        action=REVIEW_RECORDED,
        user=user,
        revision=revision,
        data={
            "reviewer": article.medical_reviewer.display_name if article.medical_reviewer else "",
            "last_reviewed": article.last_reviewed.isoformat(),
            "next_review_due": article.next_review_due.isoformat(),
        },
    )


def clear_minor_edit(sender, instance, revision=None, **kwargs):
    """page_published receiver: "minor edit" describes one change; once that change is live,
    the next edit starts unticked (the published revision is what the editor opens next)."""
    if not getattr(instance, "minor_edit", False):
        return
    type(instance).objects.filter(pk=instance.pk).update(minor_edit=False)
    instance.minor_edit = False
    if revision is not None and revision.content.get("minor_edit"):
        revision.content["minor_edit"] = False
        revision.save(update_fields=["content"])


class MedicalReviewLogFormatter(LogFormatter):
    label = "Medical review recorded"

    def format_message(self, log_entry):
        data = log_entry.data
        reviewer = data.get("reviewer") or "a reviewer without a clinician profile"
        due = datetime.date.fromisoformat(data["next_review_due"])
        return f"Medical review by {reviewer} recorded; next review due {due:%-d %B %Y}."


class MinorEditLogFormatter(LogFormatter):
    label = "Published as a minor edit"
    message = "Published as a minor edit: the medical review dates were kept."
