"""What posts and pages share: WordPress's status kept, the dates carried over, the rule that
a page edited in Wagtail since it was imported is never overwritten by a later run, and the
rule that nothing goes live hollow: an item with no title or no text comes in as a draft to
check, even when WordPress had it public."""

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from . import redirects
from .records import plain_text
from .report import Outcome, Skip

LIVE, DRAFT, SCHEDULED = "live", "draft", "scheduled"
NO_TITLE = "it has no title in WordPress: give it one, then publish it"
NO_TEXT = "it has no text in WordPress: write some, then publish it"


def plan_for(item):
    """(what the page becomes, a note or None) for the item's WordPress status."""
    status = item.status
    if status == "trash":
        raise Skip("it is in the WordPress trash")
    if status in ("auto-draft", "inherit"):
        raise Skip(f"WordPress's {status} items are not content")
    if status == "publish" and item.password:
        return DRAFT, "password-protected in WordPress: imported as a draft, never public"
    if status == "publish":
        return LIVE, None
    if status == "future":
        return SCHEDULED, None
    if status == "private":
        return DRAFT, "private in WordPress: imported as a draft, never public"
    if status in ("draft", "pending"):
        return DRAFT, None
    return DRAFT, f"its WordPress status {status!r} is unknown: imported as a draft"


def goes_live(plan, item):
    """Whether `plan` makes the page public now (a schedule whose date has passed does)."""
    if plan == SCHEDULED:
        return (item.published_at or timezone.now()) <= timezone.now()
    return plan == LIVE


def hold_back(item, body, plan):
    """(plan, why it is held back as a draft, what to check on the page): an item with no
    title or no text is never published; it stays a draft for a person to finish."""
    hollow = []
    if not plain_text(item.title):
        hollow.append(NO_TITLE)
    if body.empty:
        hollow.append(NO_TEXT)
    held = hollow if plan != DRAFT else []
    return (DRAFT if held else plan), held, hollow + body.to_check


def unchanged(item, page, record, ctx, public):
    """The outcome for an item that has not changed since the last run: its redirects
    counted, and its notes to check repeated while nobody has saved the page here."""
    notes = [] if edited_here(page, record) else record.to_check.splitlines()
    moved = redirects.kept_for_item(item, page, ctx) if public else []
    return Outcome("unchanged", page, notes, redirects=moved)


def existing_page(record):
    """The page an earlier run made for this item, or None for a new one. A page deleted or
    edited here since is left alone."""
    if record is None:
        return None
    page = record.target
    if page is None:
        raise Skip("deleted in Wagtail after an earlier import, so not brought back")
    return page


def edited_here(page, record):
    return record.revision_id is not None and page.latest_revision_id != record.revision_id


def save(parent, page, plan, item):
    """Save `page` (new or not) under `parent` with its status and dates. Returns the revision.

    Drafts are saved as drafts are in the editor, with only the checks they need; a live or
    scheduled page goes through Wagtail's publishing, with every check a page must pass.
    """
    if plan == SCHEDULED and goes_live(plan, item):
        plan = LIVE  # its date has passed: WordPress publishes a missed schedule too
    if page.pk is None and plan == LIVE:
        return _create_live(parent, page, item)
    if page.pk is None:
        page.live = False
        parent.add_child(instance=page)
    elif not page.live:
        page.save()
    page.go_live_at = item.published_at if plan == SCHEDULED else None
    revision = page.save_revision(clean=False)
    if plan in (LIVE, SCHEDULED):
        revision.publish()
    elif page.live:  # no longer public in WordPress
        page.unpublish()
    _keep_dates(page, revision, item, plan)
    return revision


def _create_live(parent, page, item):
    """A new page, live from the start, saved (and so indexed for search) once.

    add_child, save_revision and publish would save it three times. Here the page is saved
    live by add_child, which checks it as every published page is checked; its first revision
    holds `serializable_data()` as save_revision's would, and what publishing records is
    recorded the same way: the live revision, the dates, the log entry and page_published.
    """
    modified = item.modified_at or timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = item.published_at or modified
    page.last_published_at = page.latest_revision_created_at = modified
    page.draft_title = page.title
    parent.add_child(instance=page)
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=modified)
    Page.objects.filter(pk=page.pk).update(latest_revision=revision, live_revision=revision)
    page.latest_revision = page.live_revision = revision
    log(instance=page, action="wagtail.publish", revision=revision)
    page_published.send(sender=page.specific_class, instance=page, revision=revision)
    return revision


def _keep_dates(page, revision, item, plan):
    modified = item.modified_at or timezone.now()
    dates = {"latest_revision_created_at": modified}
    if plan == LIVE:
        dates["first_published_at"] = item.published_at or modified
        dates["last_published_at"] = modified
    Page.objects.filter(pk=page.pk).update(**dates)
    Revision.objects.filter(pk=revision.pk).update(created_at=modified)
    for name, value in dates.items():
        setattr(page, name, value)
