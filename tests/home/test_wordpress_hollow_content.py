"""Content that would come across lost or hollow: a gallery that names no pictures, posts and
pages with no text or no title (drafts to check, never live and empty), markup inside titles
and summaries, and script or style text anywhere. One import, shared by the module's tests."""

import pytest
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect

from education.comments.models import Comment
from education.models import ArticlePage, ClinicianPage, Topic
from home.models import ImportedItem
from pages.models import StandardPage

from . import wxr
from .helpers import build_home, run_import

BODY = "<!-- wp:paragraph --><p>Plain words about pain for patients.</p><!-- /wp:paragraph -->"
ELSEWHERE = '<figure class="wp-block-image"><img src="https://elsewhere.example/x.jpg" alt="">'


def script(text):
    return f"<script>alert('{text}')</script>"


def export_parts():
    eve = wxr.author(2, "eve", "eve@example.com", f"Eve {script('author')}", "", "")
    comment = wxr.comment(
        11,
        f"Ann {script('name')}",
        "ann@example.com",
        "2024-03-14 09:00:00",
        f"<p>Thanks{script('comment')}!</p><style>p {{color: red}}</style>",
    )
    return [
        wxr.author(1, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD"),
        eve,
        wxr.item(1, "Gallery", "gallery", '<h2>Nine pictures</h2>\n\n[gallery columns="3"]'
                 "\n\n<p>Text after the gallery.</p>"),
        wxr.item(2, "Empty", "empty", ""),
        wxr.item(3, "Only a picture", "only-a-picture", ELSEWHERE + "</figure>"),
        wxr.item(1169, "", "1169", BODY),
        wxr.item(5, "Blank page", "blank-page", "", post_type="page"),
        wxr.item(6, "Mark<sup>up</sup> and <em>em</em>phasis", "markup", BODY,
                 excerpt="Read on before the <b>more tag</b>."),
        wxr.item(7, "No excerpt", "no-excerpt",
                 "<p>Words before the <strong>more tag</strong>.</p><!--more--><p>After.</p>"),
        wxr.item(8, f"XSS {script('title')} probe", "xss",
                 f"<h2>Heading {script('h2')}two</h2><p>Body.</p>", creator="eve",
                 excerpt="Summary <style>.x {}</style>text.", comments=[comment],
                 categories=[("pain", f"Pain {script('term')}")]),
        wxr.item(9, "Missing picture", "missing-picture",
                 f"{BODY}{ELSEWHERE}<figcaption>Canola in bloom.</figcaption></figure>"),
    ]  # fmt: skip


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, tmp_path_factory):
    """The export imported once for the module, in a transaction rolled back at its end; each
    test runs in a savepoint inside it (`db`)."""
    path = wxr.write(tmp_path_factory.mktemp("hollow") / "export.xml", *export_parts())
    with django_db_blocker.unblock(), transaction.atomic():
        build_home()
        yield run_import(path)
        transaction.set_rollback(True)


@pytest.fixture
def output(imported, db):
    return imported


def article(slug):
    return ArticlePage.objects.get(slug=slug)


def to_check(page):
    return ImportedItem.objects.get(object_id=page.pk, kind__in=["post", "page"]).to_check


def test_a_gallery_without_ids_is_reported_and_its_page_flagged(output, admin_client):
    gallery = article("gallery")
    assert gallery.live  # its text is there
    note = "a [gallery] named no pictures (WordPress showed the ones uploaded to the post)"
    assert note in output and note in to_check(gallery)
    html = admin_client.get(f"/admin/pages/{gallery.pk}/edit/").content.decode()
    assert "Imported from WordPress, to check:" in html and "a [gallery] named no" in html


def test_posts_and_pages_without_text_or_title_are_drafts_to_check(output, admin_client):
    empty, picture = article("empty"), article("only-a-picture")
    untitled, blank = article("1169"), StandardPage.objects.get(slug="blank-page")
    assert not any(page.live for page in (empty, picture, untitled, blank))
    assert untitled.title == "(no title, WordPress ID 1169)"
    assert "Imported as drafts to check (WordPress had them public):" in output
    assert "it has no title in WordPress: give it one, then publish it" in to_check(untitled)
    for page in (empty, picture, blank):
        assert "it has no text in WordPress: write some, then publish it" in to_check(page)
    # The old address already leads to the draft, and works once it is published.
    assert Redirect.objects.filter(redirect_page=empty, old_path="/?p=2").exists()
    editor = f"/admin/pages/{empty.pk}/edit/"
    assert "it has no text in WordPress" in admin_client.get(editor).content.decode()
    empty.save_revision()  # someone has worked on it: the note goes
    assert "it has no text in WordPress" not in admin_client.get(editor).content.decode()


def test_a_missing_picture_keeps_its_caption(output):
    blocks = [(block.block_type, str(block.value)) for block in article("missing-picture").body]
    assert blocks[-1][1].endswith("<p>Canola in bloom.</p>")  # the text before, then it
    assert "a picture was left out" in to_check(article("missing-picture"))


def test_markup_in_titles_and_summaries_never_splits_words(output, client):
    markup = article("markup")
    assert markup.title == "Markup and emphasis"
    assert markup.summary == "Read on before the more tag."
    assert article("no-excerpt").summary == "Words before the more tag."
    assert "<title>Markup and emphasis" in client.get(markup.url).content.decode()


def test_script_and_style_text_shows_nowhere(output, client):
    page = article("xss")
    assert page.title == "XSS probe"
    assert page.summary == "Summary text."
    assert page.body[0].value["text"] == "Heading two"
    assert ClinicianPage.objects.get(given_name="Eve").title == "Eve"
    assert Topic.objects.get(slug="pain").name == "Pain"
    comment = Comment.objects.get()
    assert (comment.name, comment.body) == ("Ann", "Thanks!")
    html = client.get(page.url).content.decode()
    assert "alert(" not in html and "color: red" not in html
    assert "alert(" not in output  # the report names items by their text too
    assert "By Eve" in " ".join(html.split())
