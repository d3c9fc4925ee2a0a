"""The practice's own export, imported end to end: the article on opioid-induced
hyperalgesia with its categories, picture, comments in every state and a draft; imported
twice without duplicates; every old address followed to its new page."""

import datetime

import pytest
from django.core.management import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from education.comments.models import Comment
from education.models import ArticleIndexPage, ArticlePage, ClinicianPage, Topic
from home.models import ImportedItem
from pages.models import StandardPage

from . import practice_export
from .helpers import run_import

Image, Document = get_image_model(), get_document_model()
SLUG = practice_export.ARTICLE_SLUG


@pytest.fixture
def export_path(tmp_path):
    return practice_export.write(tmp_path / "rubinpain.WordPress.2024-05-02.xml")


@pytest.fixture
def imported(home, uploads, export_path):
    output = run_import(export_path, "--media", str(uploads))
    return output


def article():
    return ArticlePage.objects.get(slug=SLUG)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (ArticlePage, StandardPage, ClinicianPage, Topic, Image, Document, Comment,
                      Redirect, ImportedItem, Page)
    }  # fmt: skip


def test_the_article_keeps_its_title_slug_summary_dates_author_and_topics(imported):
    page = article()
    assert page.live
    assert page.title == practice_export.ARTICLE_TITLE
    assert page.summary == practice_export.EXCERPT
    assert page.search_description == "How long-term opioid use can increase pain."
    assert page.display_date == datetime.date(2024, 3, 12)
    assert page.first_published_at == datetime.datetime(2024, 3, 12, 14, 30, tzinfo=datetime.UTC)
    assert page.last_published_at == datetime.datetime(2024, 4, 2, 20, 5, tzinfo=datetime.UTC)
    assert page.get_parent().specific_class is ArticleIndexPage
    assert [link.clinician.display_name for link in page.article_authors.all()] == [
        "Dr. Edward Rubin, MD"
    ]
    assert sorted(page.topics.values_list("name", flat=True)) == [
        "Opioids",
        "Pain Medicine",
        "chronic pain",
        "hyperalgesia",
    ]
    assert page.hero_image.title == "pain-diary"
    assert page.hero_image_alt == "A pain diary with daily scores"
    assert page.imported_from == "WordPress"
    assert page.live_revision == page.latest_revision
    assert page.live_revision.as_object().title == page.title


def test_the_body_becomes_blocks(imported):
    body = article().body
    assert [block.block_type for block in body] == [
        "paragraph", "heading", "paragraph", "image", "heading", "paragraph", "heading",
        "paragraph", "pull_quote", "paragraph",
    ]  # fmt: skip
    image = body[3].value
    assert image["image"].title == "pain-diary"
    assert image["alt_text"] == "A pain diary with a score for each day written in pencil"
    assert image["caption"] == "A simple pain diary makes changes easier to notice."
    assert "<b>more</b>" in body[0].value.source
    assert "<li>a light touch or the brush of clothing starts to hurt.</li>" in body[5].value.source
    form = Document.objects.get(title="New patient form")
    assert f'<a linktype="document" id="{form.pk}">new patient form</a>' in body[9].value.source
    assert "contact-form-7" not in body[9].value.source


def test_the_article_page_shows_it_with_its_approved_comments(imported, client):
    response = client.get(article().url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "A simple pain diary makes changes easier to notice." in html
    assert "More medicine that brings less relief" in html
    assert "Thank you for explaining this." in html
    assert "In reply to Maria G.: Same here, Maria." in html
    assert "Can I lower my dose on my own" not in html  # still waiting for review
    assert "Buy pills" not in html
    assert "@example.com" not in html and "<iframe" not in html


def test_comments_keep_their_state_author_date_and_thread(imported):
    comments = {c.name: c for c in Comment.objects.filter(article=article())}
    assert set(comments) == {"Maria G.", "James", "Linda"}  # the spam comment stays out
    maria, james, linda = comments["Maria G."], comments["James"], comments["Linda"]
    assert (maria.status, james.status, linda.status) == ("approved", "approved", "pending")
    assert maria.created_at == datetime.datetime(2024, 3, 14, 13, 12, tzinfo=datetime.UTC)
    assert maria.email == "maria.g@example.com"  # kept for the practice, never shown
    # A patient's reply to a patient: its own comment, saying whom it answers.
    assert james.parent is None and not james.is_practice_reply
    assert james.body.startswith("In reply to Maria G.: ")
    assert linda.moderated_at is None and maria.moderated_at == maria.created_at


def test_the_draft_and_the_page(imported):
    draft = ArticlePage.objects.get(title="Tapering Off Opioids Safely")
    assert not draft.live and draft.first_published_at is None
    assert draft.slug == "tapering-off-opioids-safely"  # WordPress had not named it yet
    assert draft.summary.startswith("If you and your doctor decide")
    page = StandardPage.objects.get(title="Our Approach to Pain")
    assert page.live and page.get_parent().specific == Page.objects.get(depth=2).specific
    assert page.url == "/our-approach/"


def test_the_author_is_a_draft_clinician_profile(imported):
    clinician = ClinicianPage.objects.get()
    assert (clinician.honorific_prefix, clinician.given_name, clinician.family_name) == (
        "Dr.",
        "Edward",
        "Rubin",
    )
    assert clinician.post_nominals == "MD" and not clinician.live


def test_importing_twice_duplicates_nothing(imported, uploads, export_path):
    before = counts()
    output = run_import(export_path, "--media", str(uploads))
    assert counts() == before
    rows = {line.split("  ")[0]: line.split()[-4:] for line in output.splitlines() if "  " in line}
    assert rows["Articles (posts)"] == ["0", "0", "2", "0"]
    assert rows["Comments"] == ["0", "0", "3", "1"]
    assert rows["Images and documents"] == ["0", "0", "3", "0"]
    assert rows["Clinicians (authors)"] == ["0", "0", "1", "0"]


OLD_ADDRESSES = [
    (f"/2024/03/{SLUG}/", lambda: article().url),
    (f"/2024/03/{SLUG}", lambda: article().url),
    (f"/2024/03/12/{SLUG}/", lambda: article().url),
    (f"/{SLUG}/", lambda: article().url),
    ("/?p=123", lambda: article().url),
    ("/?page_id=9", lambda: "/our-approach/"),
    ("/category/opioids/", lambda: "/education/?topic=opioids"),
    ("/category/pain-medicine/", lambda: "/education/?topic=pain-medicine"),
    ("/?cat=3", lambda: "/education/?topic=opioids"),
    ("/tag/hyperalgesia/", lambda: "/education/?topic=hyperalgesia"),
    ("/tag/chronic-pain/", lambda: "/education/?topic=chronic-pain"),
    ("/feed/", lambda: "/education/feed/"),
    ("/?feed=rss2", lambda: "/education/feed/"),
    ("/category/opioids/feed/", lambda: "/education/feed/"),
    ("/wp-content/uploads/2024/02/new-patient-form.pdf",
     lambda: Document.objects.get(title="New patient form").url),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new"), OLD_ADDRESSES, ids=[old for old, _ in OLD_ADDRESSES])
def test_every_old_address_redirects_permanently_to_its_new_page(imported, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new()
    assert client.get(response["Location"]).status_code == 200


def test_a_redirect_follows_its_page_when_staff_move_it(imported, client):
    page = article()
    page.slug = "opioid-induced-hyperalgesia"
    page.save_revision().publish()
    response = client.get(f"/2024/03/{SLUG}/")
    assert response["Location"] == "/education/opioid-induced-hyperalgesia/"


def test_imported_articles_wait_in_the_review_report(imported, admin_client):
    report = "/admin/reports/articles-due-for-review/"
    html = admin_client.get(report).content.decode()
    assert "Imported, not yet medically reviewed" in html
    assert practice_export.ARTICLE_TITLE in html
    assert "Tapering Off Opioids Safely" not in html  # a draft is not live
    filtered = admin_client.get(report + "?status=imported").content.decode()
    assert practice_export.ARTICLE_TITLE in filtered
    csv = b"".join(admin_client.get(report + "?export=csv").streaming_content).decode()
    assert "Imported from" in csv and "WordPress" in csv


def test_the_summary_counts_everything_and_gives_each_skip_a_reason(imported):
    assert "Articles (posts)                      2          0          0          0" in imported
    assert "Comments                              3          0          0          1" in imported
    assert "marked as spam in WordPress" in imported
    assert "WordPress's default category" in imported
    assert "WordPress nav_menu_item items are not imported" in imported
    assert "[contact-form-7] in 1 item(s)" in imported
    assert "@example.com" not in imported and "@rubinpain.example" not in imported


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(home, uploads, export_path,
                                                           settings):  # fmt: skip
    before = counts()
    media_files = sorted(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else []
    output = run_import(export_path, "--media", str(uploads), "--dry-run")
    assert counts() == before
    after = sorted(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else []
    assert after == media_files
    assert "DRY RUN, nothing was written" in output
    assert f"would create: article {practice_export.ARTICLE_TITLE}" in output
    assert "would create: comment 201 by Maria G." in output
    assert "would skip: comment 204 by Cheap Meds" in output
    assert "Articles (posts)                      2" in output


def test_a_dry_run_after_an_import_reports_nothing_new(imported, uploads, export_path):
    output = run_import(export_path, "--media", str(uploads), "--dry-run")
    assert "Articles (posts)                      0          0          2          0" in output


def test_nothing_is_written_when_the_site_has_no_home_page(db, export_path):
    before = counts()
    with pytest.raises(CommandError, match="no home page"):
        run_import(export_path)
    assert counts() == before


def test_imported_pages_open_in_the_editor(imported, admin_client):
    for page in (article(), StandardPage.objects.get(), ClinicianPage.objects.get()):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page
    html = admin_client.get(f"/admin/pages/{article().pk}/edit/").content.decode()
    assert "A simple pain diary makes changes easier to notice." in html
