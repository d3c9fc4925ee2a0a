"""Bad input and awkward content: one broken item never stops the rest, clashing addresses get
new ones, comment threads fit the site's rule, and damaged files stop before any write."""

import pytest
from django.core.management import CommandError

from education.comments.models import Comment
from education.models import ArticlePage, Topic
from home.models import ImportedItem
from home.wordpress import articles
from pages.models import StandardPage

from . import practice_export, wxr
from .helpers import run_import

AUTHOR = wxr.author(1, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD")
BODY = "<!-- wp:paragraph --><p>Plain words about pain for patients.</p><!-- /wp:paragraph -->"


def test_one_broken_item_never_stops_the_rest(home, tmp_path, monkeypatch):
    convert = articles.BodyConverter.convert

    def breaks_on_the_second(self, markup):
        if "second" in markup:
            raise RuntimeError("something unexpected")
        return convert(self, markup)

    monkeypatch.setattr(articles.BodyConverter, "convert", breaks_on_the_second)
    path = wxr.write(
        tmp_path / "export.xml",
        AUTHOR,
        wxr.item(1, "First", "first", "<p>The first post.</p>"),
        wxr.item(2, "Second", "second", "<p>The second post.</p>", categories=[("x", "X")]),
        wxr.item(3, "Empty", "empty", ""),  # imported as a draft to check, and reported
        wxr.item(4, "Fourth", "fourth", "<p>The fourth post.</p>"),
    )
    output = run_import(path)
    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == [
        "empty",
        "first",
        "fourth",
    ]
    assert "it could not be imported (RuntimeError: something unexpected)" in output
    assert "it has no text in WordPress: write some, then publish it" in output
    assert not ArticlePage.objects.get(slug="empty").live
    assert not ImportedItem.objects.filter(kind="post", wordpress_key="2").exists()
    assert Topic.objects.filter(slug="x").exists()  # imported in a transaction of its own


def test_a_clashing_slug_gets_a_new_one_and_the_report_says_so(home, tmp_path):
    about = StandardPage(title="About", slug="about")
    home.add_child(instance=about)
    path = wxr.write(
        tmp_path / "export.xml",
        AUTHOR,
        wxr.item(1, "About us", "about", BODY, post_type="page"),
        wxr.item(2, "Search tips", "search", BODY, post_type="page"),  # /search/ is a view
        wxr.item(3, "Education", "education", BODY, post_type="page"),  # the article index
    )
    output = run_import(path)
    assert StandardPage.objects.get(title="About us").slug == "about-2"
    assert StandardPage.objects.get(title="Search tips").slug == "search-2"
    assert StandardPage.objects.get(title="Education").slug == "education-2"
    assert "the address 'about' was taken, so it is now 'about-2'" in output
    # The old /about/ now shows the practice's own page; /?page_id=1 finds the import.
    assert about.url == "/about/"


def test_an_article_slug_clash_with_an_existing_article(home, uploads, tmp_path):
    path = practice_export.write(tmp_path / "export.xml")
    run_import(path, "--media", str(uploads))
    again = wxr.write(
        tmp_path / "another.xml",
        AUTHOR,
        wxr.item(999, "Another take", practice_export.ARTICLE_SLUG, BODY),
    )
    output = run_import(again)
    assert ArticlePage.objects.get(title="Another take").slug.endswith("-2")
    assert f"the address '{practice_export.ARTICLE_SLUG}' was taken" in output


def test_threads_fit_the_rule_that_only_the_practice_replies(home, tmp_path):
    comments = [
        wxr.comment(11, "Ann", "ann@example.com", "2024-03-14 09:00:00", "Does heat help?"),
        wxr.comment(12, "Dr. Edward Rubin, MD", "erubin@rubinpain.example",
                    "2024-03-14 12:00:00", "Often, for stiff muscles.", parent=11, user_id=1),
        wxr.comment(13, "Bo", "bo@example.com", "2024-03-15 09:00:00", "It helps me too.",
                    parent=11),
        wxr.comment(14, "Cy", "cy@example.com", "2024-03-16 09:00:00", "Agreed, Bo.",
                    parent=13),
        wxr.comment(15, "Spammer", "s@spam.example", "2024-03-16 10:00:00", "Buy!",
                    approved="spam"),
        wxr.comment(16, "Di", "di@example.com", "2024-03-17 09:00:00", "Answer to spam",
                    parent=15),
        wxr.comment(17, "example.org", "", "2024-03-18 09:00:00", "Mentioned you",
                    comment_type="pingback"),
    ]  # fmt: skip
    path = wxr.write(tmp_path / "export.xml", AUTHOR, wxr.item(1, "Heat", "heat", BODY,
                                                               comments=comments))  # fmt: skip
    output = run_import(path)
    by_name = {c.name: c for c in Comment.objects.all()}
    reply = by_name["Dr. Edward Rubin, MD"]
    assert reply.is_practice_reply and reply.parent == by_name["Ann"]
    assert (
        by_name["Bo"].parent is None and by_name["Bo"].body == "In reply to Ann: It helps me too."
    )
    assert by_name["Cy"].body == "In reply to Bo: Agreed, Bo."
    assert by_name["Di"].body == "Answer to spam" and by_name["Di"].parent is None
    assert "Spammer" not in by_name and "example.org" not in by_name
    assert "a pingback, not a comment" in output


def test_comments_on_pages_are_reported_not_imported(home, tmp_path):
    comment = wxr.comment(11, "Ann", "ann@example.com", "2024-03-14 09:00:00", "Hello")
    page = wxr.item(1, "About", "about-us", BODY, post_type="page", comments=[comment])
    path = wxr.write(tmp_path / "export.xml", AUTHOR, page)
    output = run_import(path)
    assert not Comment.objects.exists()
    assert "only articles take comments here" in output


def test_a_comment_keeps_only_plain_text(home, tmp_path):
    text = '<p>First line<br />second <a href="javascript:x()">link</a> &amp; more</p><p>Next</p>'
    comment = wxr.comment(11, "Ann", "not an address", "2024-03-14 09:00:00", text)
    path = wxr.write(tmp_path / "export.xml", AUTHOR,
                     wxr.item(1, "Heat", "heat", BODY, comments=[comment]))  # fmt: skip
    run_import(path)
    saved = Comment.objects.get()
    assert saved.body == "First line\nsecond link & more\n\nNext"
    assert saved.email == ""


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["/no/such/export.xml"], "There is no file"),
        (["{export}", "--media", "/no/such/uploads"], "does not exist"),
    ],
)
def test_the_command_explains_what_is_missing(home, tmp_path, arguments, message):
    export = wxr.write(tmp_path / "export.xml", AUTHOR)
    arguments = [a.replace("{export}", str(export)) for a in arguments]
    with pytest.raises(CommandError, match=message):
        run_import(*arguments)


def test_a_damaged_or_hostile_file_stops_with_a_clear_message_and_writes_nothing(home, tmp_path):
    good = practice_export.write(tmp_path / "good.xml").read_text()
    damaged = tmp_path / "damaged.xml"
    damaged.write_text(good[: int(len(good) * 0.9)])  # authors and terms are whole, items not
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(good.replace("<rss", '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>\n<rss', 1))
    pages = ArticlePage.objects.count()
    with pytest.raises(CommandError, match="not well-formed XML.*Nothing was imported"):
        run_import(damaged)
    with pytest.raises(CommandError, match="XML bomb"):
        run_import(bomb)
    assert ArticlePage.objects.count() == pages
    assert not Topic.objects.exists() and not ImportedItem.objects.exists()
