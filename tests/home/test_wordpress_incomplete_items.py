"""Shapes of exports nobody here wrote, in one WXR 1.0 export imported once for the module:
authors without IDs (or without a login), WXR 1.0's tags and bare or domain-less categories,
WordPress.com's file addresses, nested pages behind malformed links, and items missing a
field. Each comes across, or is skipped in one line of the report; nothing fails."""

import pytest
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from education.comments.models import Comment
from education.models import ArticlePage, ClinicianPage, Topic

from . import wxr
from .helpers import build_home, picture, run_import

BODY = "<!-- wp:paragraph --><p>Plain words about pain for patients.</p><!-- /wp:paragraph -->"
WPCOM = "https://rubinpain.files.wordpress.com"


def without(item_xml, element):
    """The item without `element` (its whole text, as written)."""
    return item_xml.replace(element, "")


def export_parts():
    comments = [
        wxr.comment(11, "Ann", "ann@example.com", "2024-03-14 09:00:00", "No state", None),
        without(wxr.comment(12, "Bo", "bo@example.com", "2024-03-14 10:00:00", "No ID"),
                "<wp:comment_id>12</wp:comment_id>"),
    ]  # fmt: skip
    terms = [
        (None, None, "Back Pain"),  # WXR 1.0 repeats each category bare, for feed readers
        ("category", "back-pain", "Back Pain"),
        ("tag", None, "Chronic pain"),
        ("tag", "chronic-pain", "Chronic pain"),  # WXR 1.0's name for post_tag
        (None, "sleep", "Sleep"),  # no domain: a category, as WordPress reads it
        (None, None, "Flare-ups"),  # only bare: its slug from its name
    ]
    canola = f'<p><img src="{WPCOM}/2008/06/canola2.jpg?w=300" alt="Canola in bloom"></p>'
    term = "\t<wp:term><wp:term_slug>x</wp:term_slug><wp:term_name>X</wp:term_name></wp:term>\n"
    return [
        wxr.author(None, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD"),
        wxr.author(None, "", "", "Nobody at all"),
        term,
        wxr.attachment(20, "canola2", "2008/06/canola2.jpg", url=f"{WPCOM}/2008/06/canola2.jpg",
                       attached_file=False),
        wxr.attachment(21, "dsc20050727", "2008/06/dsc20050727.jpg",
                       url=f"{WPCOM}/2008/06/dsc20050727.jpg", attached_file=False),
        wxr.item(7, "Heat", "heat", BODY, comments=comments, terms=terms),
        without(wxr.item(8, "No ID", "no-id", BODY), "<wp:post_id>8</wp:post_id>"),
        wxr.item(9, "Odd link", "odd-link", BODY, link="http://[broken/"),
        wxr.item(12, "Canola", "canola", canola),
        wxr.item(30, "Services", "services", BODY, post_type="page"),
        wxr.item(31, "Injections", "injections", BODY, post_type="page", parent=30,
                 link=f"{wxr.SITE}//injections/"),
        wxr.item(32, "Nerve blocks", "nerve-blocks", BODY, post_type="page", parent=31,
                 link=f"{wxr.SITE}/services//nerve-blocks/"),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory):
    """The export imported once for the module, in a transaction rolled back at its end; each
    test runs in a savepoint inside it (`db`)."""
    folder = tmp_path_factory.mktemp("incomplete")
    picture(folder / "uploads" / "2008" / "06" / "canola2.jpg")
    path = wxr.write(folder / "export.xml", *export_parts(), version="1.0")
    with django_db_blocker.unblock(), transaction.atomic():
        build_home()
        yield run_import(path, "--media", str(folder / "uploads"))
        transaction.set_rollback(True)


@pytest.fixture
def output(imported, db):
    return imported


def test_an_author_without_an_id_is_matched_by_login(output):
    [clinician] = ClinicianPage.objects.all()
    assert clinician.family_name == "Rubin"
    heat = ArticlePage.objects.get(slug="heat")
    assert [a.clinician for a in heat.article_authors.all()] == [clinician]
    assert "it has no login or email address, so no post can name it" in output


def test_incomplete_items_are_each_explained_in_one_line(output):
    assert "could not be imported" not in output
    assert "it has no WordPress ID (wp:post_id), so a later import could not find it" in output
    assert "it names no taxonomy" in output
    assert "it has no WordPress ID (wp:comment_id)" in output and "(no ID) by Bo on" in output
    assert "no state in the export: it waits for approval" in output
    assert Comment.objects.get().status == Comment.Status.PENDING
    assert ArticlePage.objects.filter(slug="odd-link", live=True).exists()


def test_wxr_1_0_tags_and_categories_without_a_domain_become_topics(output):
    topics = ArticlePage.objects.get(slug="heat").topics.values_list("slug", flat=True)
    assert sorted(topics) == ["back-pain", "chronic-pain", "flare-ups", "sleep"]
    assert Topic.objects.count() == 4
    assert "are not imported" not in output and "unnamed" not in output
    assert Redirect.objects.filter(old_path="/tag/chronic-pain").exists()


def test_wordpress_com_files_are_found_by_the_path_after_the_host(output):
    image = get_image_model().objects.get()
    assert image.title == "canola2"
    assert ArticlePage.objects.get(slug="canola").body[0].value["image"] == image
    assert "the export names no file for it" not in output
    assert f"2008/06/dsc20050727.jpg from {WPCOM}/2008/06/dsc20050727.jpg" in output


def test_nested_pages_redirect_from_their_parents_slugs(output, client):
    for old, new in (("/services/injections/", "/injections/"),
                     ("/services/injections/nerve-blocks/", "/nerve-blocks/")):  # fmt: skip
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
