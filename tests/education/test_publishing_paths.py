"""Medical pages go live only through medical review (issue 25, finding 5: Wagtail's own
Moderators group, which holds "publish" on the root page, published a draft article no
medical reviewer had approved with the bulk Publish action).

Every way Wagtail offers to publish an article, a condition or a treatment (and their Spanish
translations) is tried by a member of each of the practice's groups. A superuser publishes by
each of them, which shows that each request is one that publishes; a medical reviewer only by
approving the page in review; nobody else by any of them.

The groups are the ones migrations create; their page permissions on the sections are given
when a section is made (education.review.set_up_article_index), as in the demo. The site is
built once for the module; each test runs in a savepoint rolled back after it.
"""

import datetime
from types import SimpleNamespace
from unittest import mock
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset

from education.review import EDITORS, MEDICAL_REVIEWERS
from home.setup_checklist import COMMENT_MODERATORS, FRONT_DESK
from tests.education.helpers import editor_form
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ClinicianIndexPageFactory,
    ClinicianPageFactory,
    ConditionIndexPageFactory,
    ConditionPageFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    SiteFactory,
    StandardPageFactory,
    SuperuserFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    UserFactory,
)
from tests.helpers import translate

MODERATORS = "Moderators"  # Wagtail's own group: "publish" on the root page
SUPERUSER = "a superuser"
GROUPS = (EDITORS, MODERATORS, MEDICAL_REVIEWERS, FRONT_DESK, COMMENT_MODERATORS)

# kind: (section factory, page factory)
KINDS = {
    "article": (ArticleIndexPageFactory, ArticlePageFactory),
    "condition": (ConditionIndexPageFactory, ConditionPageFactory),
    "treatment": (TreatmentIndexPageFactory, TreatmentPageFactory),
}


# --- The site, built once -------------------------------------------------------------------


def medical_page(kind, section, rubin, publish=False, **fields):
    """A page of `kind` naming Dr. Rubin as its reviewer (an approval needs one)."""
    fields = {"medical_reviewer": rubin, "last_reviewed": datetime.date(2026, 2, 1), **fields}
    if kind == "article":
        fields["authors"] = [rubin]
    return KINDS[kind][1](parent=section, publish=publish, **fields)


def draft_with_two_revisions(kind, section, rubin):
    """A draft never published, saved twice (so there is an earlier version to revert to)."""
    draft = medical_page(kind, section, rubin, title=f"Draft {kind}", slug=f"draft-{kind}")
    draft.title = f"Draft {kind}, second version"
    draft.save_revision()
    return draft


def build():
    home = SiteFactory().root_page
    rubin = ClinicianPageFactory(parent=ClinicianIndexPageFactory(parent=home))
    superuser = SuperuserFactory(username="boss")
    built = SimpleNamespace(
        sections={}, drafts={}, in_review={}, live={}, spanish={}, spanish_sections=[]
    )
    for kind, (section_factory, _) in KINDS.items():
        section = section_factory(parent=home)
        built.sections[kind] = section.pk
        built.drafts[kind] = draft_with_two_revisions(kind, section, rubin).pk
        in_review = medical_page(kind, section, rubin, title=f"In review {kind}")
        in_review.get_workflow().start(in_review, superuser)
        built.in_review[kind] = in_review.pk
        live = medical_page(kind, section, rubin, publish=True, title=f"Live {kind}")
        live.title = f"Live {kind}, unreviewed changes"
        live.save_revision()
        built.live[kind] = live.pk
    built.rubin = rubin.pk
    # The Spanish tree: sections and a draft translation of each English draft.
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    for kind, pk in built.drafts.items():
        section = translate(Page.objects.get(pk=built.sections[kind]), title=f"Sección {kind}")
        built.spanish_sections.append(section.pk)
        copy = Page.objects.get(pk=pk).specific.copy_for_translation(spanish)
        copy.save_revision()
        built.spanish[kind] = copy.pk
    built.staff = {SUPERUSER: superuser.pk}
    for number, group in enumerate(GROUPS):
        built.staff[group] = UserFactory(username=f"staff{number}", groups=[group]).pk
    built.standard_page = StandardPageFactory(parent=home, publish=False).pk
    built.location = LocationPageFactory(
        parent=LocationIndexPageFactory(parent=home), publish=False
    ).pk
    return built


# Search and reference indexes are not what this module is about: the tasks that update them
# on every save are queued and dropped (a third of the module's time).
NO_TASKS_RUN = {
    name: {"BACKEND": "django_tasks.backends.dummy.DummyBackend"} for name in settings.TASKS
}


@pytest.fixture(scope="module")
def _built(django_db_setup, django_db_blocker):
    with (
        override_settings(TASKS=NO_TASKS_RUN),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield build()
        transaction.set_rollback(True)


@pytest.fixture
def built(_built, db):
    return _built


def page(pk):
    return Page.objects.get(pk=pk).specific


def published(pk):
    """Whether the page is live or has a live revision (a copy can have one and not be)."""
    if pk is None:
        return False  # never made
    found = Page.objects.get(pk=pk)
    return found.live or found.live_revision_id is not None


# --- Each way Wagtail publishes; each returns the pages it may have published ---------------


def edit_url(pk):
    return reverse("wagtailadmin_pages:edit", args=[pk])


# A path that posts a form for each page costs a fifth of a second a page: each of those is
# tried on one kind, the kinds in turn; the bulk and review paths on all of them. Every kind's
# page and section (English and Spanish) are asked directly, by every group, in
# test_no_group_may_publish_a_medical_page_itself.


def publish_in_the_editor(client, built):
    pk = built.drafts["article"]
    client.post(edit_url(pk), {**editor_form(page(pk)), "action-publish": "publish"})
    return [pk]


def revert_and_publish(client, built):
    """History → an earlier version → "Replace current draft" → Publish."""
    pk = built.drafts["condition"]
    first = page(pk).revisions.order_by("created_at", "pk").first()
    url = reverse("wagtailadmin_pages:revisions_revert", args=[pk, first.pk])
    client.post(url, {**editor_form(first.as_object()), "action-publish": "publish"})
    return [pk]


def schedule_publishing(client, built):
    """Publish with a go-live date tomorrow; the publish_scheduled cron job runs after it."""
    pk = built.drafts["treatment"]
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=1))
    data = editor_form(page(pk), go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    client.post(edit_url(pk), {**data, "action-publish": "publish"})
    later = timezone.now() + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    return [pk]


def bulk_url(ids):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    return url + "?" + urlencode([("id", pk) for pk in ids])


def bulk_publish(client, built):
    """The explorer's checkboxes → Publish (/admin/bulk/wagtailcore/page/publish/)."""
    drafts = [*built.drafts.values(), *built.spanish.values()]
    client.post(bulk_url(drafts), {})
    return drafts


def bulk_publish_with_subpages(client, built):
    """The Spanish sections ticked → Publish, "Publish subpages" ticked: their drafts too."""
    client.post(bulk_url(built.spanish_sections), {"include_descendants": "on"})
    return built.spanish.values()


def create_and_publish(client, built):
    """Add child page → Publish (the section is asked)."""
    url = reverse(
        "wagtailadmin_pages:add", args=("education", "articlepage", built.sections["article"])
    )
    fields = {
        "title": "New article",
        "slug": "new-article",
        "article_authors": inline_formset([{"clinician": built.rubin}]),
    }
    data = editor_form(page(built.drafts["article"]), **fields)
    client.post(url, {**data, "action-publish": "publish"})
    return [Page.objects.filter(slug="new-article").values_list("pk", flat=True).first()]


def copy_with_publish(client, built):
    """Copy → "Publish copied page", of a live page whose latest revision nobody reviewed
    (Wagtail makes that revision the copy's live one); the section is asked."""
    data = {
        "new_title": "Copy of a treatment",
        "new_slug": "copy-of-treatment",
        "new_parent_page": built.sections["treatment"],
        "publish_copies": "on",
    }
    client.post(reverse("wagtailadmin_pages:copy", args=[built.live["treatment"]]), data)
    return [Page.objects.filter(slug="copy-of-treatment").values_list("pk", flat=True).first()]


def make_an_alias(client, built):
    """Copy → "Alias": a page that shows its source, live when the source is (the section is
    asked)."""
    data = {
        "new_title": "Alias of a condition",
        "new_slug": "alias-of-condition",
        "new_parent_page": built.sections["condition"],
        "alias": "on",
    }
    client.post(reverse("wagtailadmin_pages:copy", args=[built.live["condition"]]), data)
    return [Page.objects.filter(slug="alias-of-condition").values_list("pk", flat=True).first()]


def approve_in_review(client, built):
    """The dashboard's "Approve" on a page waiting in medical review."""
    for pk in built.in_review.values():
        state = page(pk).current_workflow_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[pk, "approve", state.pk])
        client.post(url, {"comment": ""})
    return built.in_review.values()


PATHS = {
    "publish in the editor": publish_in_the_editor,
    "revert to an earlier version and publish": revert_and_publish,
    "schedule publishing": schedule_publishing,
    "bulk publish": bulk_publish,
    "bulk publish with subpages": bulk_publish_with_subpages,
    "create and publish": create_and_publish,
    "copy and publish the copy": copy_with_publish,
    "make an alias": make_an_alias,
    "approve in medical review": approve_in_review,
}


def may_publish(who, path):
    return who == SUPERUSER or (who == MEDICAL_REVIEWERS and path == "approve in medical review")


@pytest.mark.parametrize("who", [*GROUPS, SUPERUSER])
@pytest.mark.parametrize("path", PATHS)
def test_medical_pages_go_live_only_through_medical_review(client, built, path, who):
    client.force_login(User.objects.get(pk=built.staff[who]))
    checked = list(PATHS[path](client, built))
    outcome = {pk: published(pk) for pk in checked}
    assert outcome == {pk: may_publish(who, path) for pk in checked}


# --- What each group may still do -----------------------------------------------------------


@pytest.mark.parametrize("who", [*GROUPS, SUPERUSER])
def test_no_group_may_publish_a_medical_page_itself(built, who):
    """Every kind, in both languages: its page and its section say so to every path."""
    user = User.objects.get(pk=built.staff[who])
    pages = [page(pk) for pk in (*built.drafts.values(), *built.spanish.values())]
    sections = [page(pk) for pk in (*built.sections.values(), *built.spanish_sections)]
    assert {p.pk: p.permissions_for_user(user).can_publish() for p in pages} == {
        p.pk: who == SUPERUSER for p in pages
    }
    assert {s.pk: s.permissions_for_user(user).can_publish_subpage() for s in sections} == {
        s.pk: who == SUPERUSER for s in sections
    }


@pytest.mark.parametrize("who", [*GROUPS, SUPERUSER])
def test_taking_a_medical_page_down_stays_with_those_who_hold_publish_there(built, who):
    """Unpublishing shows patients nothing unreviewed: a reviewer pulls a wrong page at once."""
    user = User.objects.get(pk=built.staff[who])
    holds_publish = who in (SUPERUSER, MODERATORS, MEDICAL_REVIEWERS)
    for pk in built.live.values():
        assert page(pk).permissions_for_user(user).can_unpublish() == holds_publish


def test_a_medical_reviewer_unpublishes_a_page(client, built):
    client.force_login(User.objects.get(pk=built.staff[MEDICAL_REVIEWERS]))
    pk = built.live["condition"]
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[pk]))
    assert response.status_code == 302
    assert not page(pk).live


def test_moderators_still_publish_the_practices_own_pages(client, built):
    client.force_login(User.objects.get(pk=built.staff[MODERATORS]))
    own_pages = [built.standard_page, built.location]
    client.post(bulk_url(own_pages), {})
    assert all(page(pk).live for pk in own_pages)


def test_a_review_task_switched_off_does_not_publish_what_is_submitted(client, built):
    """With its only task deactivated, the workflow would finish as soon as a page is
    submitted, as if its submitter had approved it: a Moderator's submission published."""
    pk = built.drafts["article"]
    page(pk).get_workflow().tasks.update(active=False)
    client.force_login(User.objects.get(pk=built.staff[MODERATORS]))
    client.post(edit_url(pk), {**editor_form(page(pk)), "action-submit": "submit"})
    assert not published(pk)
