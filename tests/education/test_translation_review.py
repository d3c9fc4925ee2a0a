"""Medical review per translation: a Spanish article starts unreviewed, goes through the same
"Medical review" workflow, and is refused approval without a named reviewer; the review-due
report shows each page's language and flags a translation whose English page has changed."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from education.models import ArticlePage
from education.review import MEDICAL_REVIEW_WORKFLOW, today
from tests.education.helpers import post_workflow_action
from tests.factories import ClinicianPageFactory
from tests.helpers import translate

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/articles-due-for-review/"


@pytest.fixture
def spanish_draft(article, spanish_article_index):
    """The article just translated: a draft in the Spanish tree."""
    return translate(article, publish=False, title="Ejercicio para el dolor lumbar")


def submit(page, user):
    page.get_workflow().start(page, user)


def test_a_new_translation_has_no_review_of_its_own_yet(article, spanish_draft):
    assert article.medical_reviewer is not None
    assert spanish_draft.medical_reviewer is None
    assert (spanish_draft.last_reviewed, spanish_draft.next_review_due) == (None, None)
    assert not spanish_draft.live
    # The editor opens the latest revision: it says the same.
    revision = spanish_draft.get_latest_revision_as_object()
    assert revision.medical_reviewer_id is None and revision.last_reviewed is None


def test_a_new_translation_remembers_when_it_was_checked_against_english(article, spanish_draft):
    assert spanish_draft.source_checked_at is not None
    assert spanish_draft.source_checked_at >= article.last_published_at
    assert spanish_draft.is_translation and not article.is_translation


def test_the_spanish_tree_goes_through_medical_review(spanish_article_index, spanish_draft):
    assert spanish_article_index.get_workflow().name == MEDICAL_REVIEW_WORKFLOW
    assert spanish_draft.get_workflow().name == MEDICAL_REVIEW_WORKFLOW


def test_an_editor_can_translate_but_not_publish(writer, spanish_article_index, spanish_draft):
    assert spanish_article_index.permissions_for_user(writer).can_add_subpage()
    permissions = spanish_draft.permissions_for_user(writer)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_a_translation_goes_live_when_a_medical_reviewer_approves_it(
    client, writer, reviewer, clinician_index, spanish_draft
):
    profile = ClinicianPageFactory(
        parent=clinician_index, given_name="Anita", family_name="Reyes", user=reviewer
    )
    submit(spanish_draft, writer)
    assert not ArticlePage.objects.get(pk=spanish_draft.pk).live  # waiting for review
    post_workflow_action(client, reviewer, spanish_draft, follow=True)
    page = ArticlePage.objects.get(pk=spanish_draft.pk)
    assert page.live
    assert (page.medical_reviewer, page.last_reviewed) == (profile, today())


def test_approving_a_translation_without_a_named_reviewer_is_refused(
    client, writer, reviewer, spanish_draft
):
    submit(spanish_draft, writer)
    response = post_workflow_action(client, reviewer, spanish_draft, follow=True)
    assert "it names no medical reviewer" in response.content.decode()
    page = ArticlePage.objects.get(pk=spanish_draft.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.medical_reviewer is None


# --- The review-due report ---


def report_rows(client, query=""):
    html = BeautifulSoup(client.get(REPORT + query).content, "html.parser")
    return {
        row.select_one("td.title a").get_text(strip=True): row.get_text(" ", strip=True)
        for row in html.select("table tbody tr")
    }


@pytest.fixture
def due_article(article):
    """The English article, due for review today."""
    article.next_review_due = today()
    article.save_revision().publish()
    article.refresh_from_db()
    return article


@pytest.fixture
def live_translation(due_article, spanish_article_index):
    """The article in Spanish, live and never reviewed in Spanish (so in the report)."""
    return translate(due_article, title="Ejercicio para el dolor lumbar")


def test_the_report_shows_each_page_language(admin_client, due_article, live_translation):
    rows = report_rows(admin_client)
    assert "Español" in rows["Ejercicio para el dolor lumbar"]
    assert "English" in rows[due_article.title]
    assert "Language" in admin_client.get(REPORT).content.decode()


def test_the_report_flags_a_translation_whose_english_page_changed(
    admin_client, due_article, live_translation
):
    article = due_article
    rows = report_rows(admin_client)
    assert "English published" not in rows["Ejercicio para el dolor lumbar"]

    article.summary = "What changed in the advice on exercise."
    article.save_revision().publish()
    article.refresh_from_db()
    rows = report_rows(admin_client)
    published = timezone.localtime(article.last_published_at)
    assert (
        f"English published {published:%B} {published.day}, {published.year}"
        in rows["Ejercicio para el dolor lumbar"]
    )

    # The translator carries the change over and says so.
    live_translation.source_checked_at = timezone.now() + datetime.timedelta(seconds=1)
    live_translation.save_revision().publish()
    assert "English published" not in report_rows(admin_client)["Ejercicio para el dolor lumbar"]


def test_the_report_can_be_filtered_by_language(admin_client, due_article, live_translation):
    assert set(report_rows(admin_client)) == {due_article.title, live_translation.title}
    assert set(report_rows(admin_client, "?locale=es")) == {live_translation.title}
    assert set(report_rows(admin_client, "?locale=en-us")) == {due_article.title}


def test_the_report_exports_the_language_and_the_flag(admin_client, due_article, live_translation):
    due_article.save_revision().publish()
    response = admin_client.get(REPORT + "?export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "Language" in text and "English changed since translated" in text
    assert "Español" in text and "English published" in text


def test_the_translator_sees_the_checked_date_and_the_english_editor_does_not(
    admin_client, due_article, live_translation
):
    spanish = admin_client.get(reverse("wagtailadmin_pages:edit", args=[live_translation.pk]))
    english = admin_client.get(reverse("wagtailadmin_pages:edit", args=[due_article.pk]))
    assert "English version checked on" in spanish.content.decode()
    assert "English version checked on" not in english.content.decode()
