"""Exports this project did not write: every WXR version and both spellings of its namespace,
authors without IDs, WXR 1.0's tags and bare categories, WordPress.com's file addresses, a
site in a sub-folder, nested pages behind a malformed link, and items missing a field; each
is read, or refused or skipped in one line of the report, never with a traceback."""

import logging

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from education.comments.models import Comment
from education.models import ArticlePage, ClinicianPage, Topic
from home.models import ImportedItem
from home.wordpress import wxr as reader

from . import wxr
from .helpers import picture, run_import

AUTHOR = wxr.author(1, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD")
BODY = "<!-- wp:paragraph --><p>Plain words about pain for patients.</p><!-- /wp:paragraph -->"
WPCOM = "https://rubinpain.files.wordpress.com"
SUB_FOLDER = "https://example.org/path"


@pytest.mark.parametrize("scheme", ["http", "https"])
@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_every_wxr_version_is_read_under_both_namespace_spellings(tmp_path, version, scheme):
    post = wxr.item(7, "Heat or ice?", "heat-or-ice", BODY, excerpt="Which helps when.")
    path = wxr.write(tmp_path / "e.xml", AUTHOR, post, version=version, scheme=scheme)
    export = reader.scan(path)
    assert export.site.wxr_version == version
    assert [author.login for author in export.authors] == ["erubin"]
    [item] = reader.items(path)
    assert (item.wp_id, item.post_type, item.excerpt) == ("7", "post", "Which helps when.")


def test_an_item_may_spell_the_namespace_its_own_way(tmp_path):
    path = wxr.write(
        tmp_path / "e.xml",
        wxr.item(7, "One", "one", BODY, xmlns=wxr.namespace("1.1", "http")),
        wxr.item(8, "Two", "two", BODY, xmlns=wxr.namespace("1.0", "https")),
        scheme="https",
    )
    assert [(i.wp_id, i.slug) for i in reader.items(path)] == [("7", "one"), ("8", "two")]


@pytest.mark.parametrize("version", ["2.0", "1.3", "one"])
def test_an_unknown_version_is_refused_in_one_line_before_anything_else(tmp_path, version):
    nameless = wxr.author(None, "", "", "")  # would trouble what comes after the check
    path = wxr.write(tmp_path / "e.xml", nameless, wxr.item(7, "x", "x", BODY), version=version)
    with pytest.raises(reader.ExportError, match=f"WXR version {version!r}") as error:
        reader.scan(path)
    assert "\n" not in str(error.value)


def test_a_wxr_1_0_export_without_authors_takes_them_from_the_posts(home, tmp_path):
    path = wxr.write(tmp_path / "e.xml", wxr.item(7, "Heat", "heat", BODY, creator="admin"),
                     version="1.0")  # fmt: skip
    run_import(path)
    [clinician] = ClinicianPage.objects.all()
    assert [a.clinician for a in ArticlePage.objects.get().article_authors.all()] == [clinician]


def test_an_author_without_an_id_is_matched_by_login(home, tmp_path):
    path = wxr.write(
        tmp_path / "e.xml",
        wxr.author(None, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD"),
        wxr.author(None, "", "", "Nobody at all"),
        wxr.item(7, "Heat", "heat", BODY, creator="erubin"),
    )
    output = run_import(path)
    [clinician] = ClinicianPage.objects.all()
    assert clinician.family_name == "Rubin"
    assert [a.clinician for a in ArticlePage.objects.get().article_authors.all()] == [clinician]
    assert "it has no login or e-mail address, so no post can name it" in output
    assert "could not be imported" not in output


def test_incomplete_items_are_each_explained_in_one_line(home, tmp_path):
    no_id = wxr.item(8, "No ID", "no-id", BODY).replace("<wp:post_id>8</wp:post_id>", "")
    comments = [
        wxr.comment(11, "Ann", "ann@example.com", "2024-03-14 09:00:00", "No state", None),
        wxr.comment(12, "Bo", "bo@example.com", "2024-03-14 10:00:00", "No ID").replace(
            "<wp:comment_id>12</wp:comment_id>", ""
        ),
    ]
    broken_link = wxr.item(9, "Odd link", "odd-link", BODY, link="http://[broken/")
    term = "\t<wp:term><wp:term_slug>x</wp:term_slug><wp:term_name>X</wp:term_name></wp:term>\n"
    path = wxr.write(tmp_path / "e.xml", AUTHOR, term, no_id, broken_link,
                     wxr.item(7, "Heat", "heat", BODY, comments=comments))  # fmt: skip
    output = run_import(path)
    assert "could not be imported" not in output
    assert "it has no WordPress ID (wp:post_id), so a later import could not find it" in output
    assert "it names no taxonomy" in output
    assert "it has no WordPress ID (wp:comment_id)" in output and "(no ID) by Bo on" in output
    assert "no state in the export: it waits for approval" in output
    assert Comment.objects.get().status == Comment.Status.PENDING
    assert ArticlePage.objects.filter(slug="odd-link", live=True).exists()


def test_wxr_1_0_tags_and_categories_without_a_domain_become_topics(home, tmp_path):
    terms = [
        (None, None, "Back Pain"),  # WXR 1.0 repeats each category bare, for feed readers
        ("category", "back-pain", "Back Pain"),
        ("tag", None, "Chronic pain"),
        ("tag", "chronic-pain", "Chronic pain"),  # WXR 1.0's name for post_tag
        (None, "sleep", "Sleep"),  # no domain: a category, as WordPress reads it
        (None, None, "Flare-ups"),  # only bare: its slug from its name
    ]
    post = wxr.item(7, "Heat", "heat", BODY, terms=terms)
    output = run_import(wxr.write(tmp_path / "e.xml", AUTHOR, post, version="1.0"))
    topics = ArticlePage.objects.get().topics.values_list("slug", flat=True)
    assert sorted(topics) == ["back-pain", "chronic-pain", "flare-ups", "sleep"]
    assert Topic.objects.count() == 4
    assert "are not imported" not in output and "unnamed" not in output
    assert Redirect.objects.filter(old_path="/tag/chronic-pain").exists()


def test_wordpress_com_files_are_found_by_the_path_after_the_host(home, tmp_path):
    uploads = tmp_path / "uploads"
    picture(uploads / "2008" / "06" / "canola2.jpg")
    body = f'<p><img src="{WPCOM}/2008/06/canola2.jpg?w=300" alt="Canola in bloom"></p>'
    path = wxr.write(
        tmp_path / "e.xml",
        AUTHOR,
        wxr.attachment(20, "canola2", "2008/06/canola2.jpg", url=f"{WPCOM}/2008/06/canola2.jpg",
                       attached_file=False),
        wxr.attachment(21, "dsc20050727", "2008/06/dsc20050727.jpg",
                       url=f"{WPCOM}/2008/06/dsc20050727.jpg", attached_file=False),
        wxr.item(7, "Canola", "canola", body),
    )  # fmt: skip
    output = run_import(path, "--media", str(uploads))
    image = get_image_model().objects.get()
    assert image.title == "canola2"
    assert ArticlePage.objects.get().body[0].value["image"] == image
    assert "the export names no file for it" not in output
    assert f"2008/06/dsc20050727.jpg from {WPCOM}/2008/06/dsc20050727.jpg" in output


def test_a_site_in_a_sub_folder_keeps_its_root_and_each_post_its_address(home, tmp_path, client):
    def item(wp_id, title, slug, link, **kwargs):
        return wxr.item(wp_id, title, slug, BODY, link=f"{SUB_FOLDER}/{link}", site=SUB_FOLDER,
                        **kwargs)  # fmt: skip

    path = wxr.write(
        tmp_path / "e.xml",
        AUTHOR,
        item(1, "Heat", "heat", "?p=1"),
        item(2, "Ice", "ice", "?p=2"),
        item(5, "About us", "about-us", "?page_id=5", post_type="page"),
        site=SUB_FOLDER,
    )
    output = run_import(path)
    assert not Redirect.objects.filter(old_path__in=["/", "/path"]).exists()
    assert "already redirects elsewhere" not in output
    heat, ice = ArticlePage.objects.get(slug="heat"), ArticlePage.objects.get(slug="ice")
    for old, new in (("/path/?p=1", heat.url), ("/path/?p=2", ice.url),
                     ("/path/?page_id=5", "/about-us/")):  # fmt: skip
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert client.get("/path/?p=99").status_code == 404
    assert client.get("/path/").status_code == 404


def test_nested_pages_redirect_from_their_parents_slugs(home, tmp_path, client):
    path = wxr.write(
        tmp_path / "e.xml",
        AUTHOR,
        wxr.item(10, "Services", "services", BODY, post_type="page"),
        wxr.item(11, "Injections", "injections", BODY, post_type="page", parent=10,
                 link=f"{wxr.SITE}//injections/"),
        wxr.item(12, "Nerve blocks", "nerve-blocks", BODY, post_type="page", parent=11,
                 link=f"{wxr.SITE}/services//nerve-blocks/"),
    )  # fmt: skip
    run_import(path)
    for old, new in (("/services/injections/", "/injections/"),
                     ("/services/injections/nerve-blocks/", "/nerve-blocks/")):  # fmt: skip
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old


def test_a_dry_run_logs_nothing_it_did_not_do(home, tmp_path, caplog):
    caplog.set_level(logging.INFO)
    run_import(wxr.write(tmp_path / "e.xml", AUTHOR, wxr.item(7, "Heat", "heat", BODY)),
               "--dry-run")  # fmt: skip
    assert "Page created" not in caplog.text and "published" not in caplog.text


def test_the_read_line_names_items_without_a_type(home, tmp_path):
    untyped = wxr.item(8, "Odd", "odd", BODY, post_type="")
    path = wxr.write(tmp_path / "e.xml", AUTHOR, wxr.item(7, "Heat", "heat", BODY), untyped)
    output = run_import(path, "--dry-run")
    assert f"Read {path}: 1 post, 1 without a type.\n" in output
    assert "would skip: other (no type) 'Odd'" in output


def rows():
    """Every row an import writes or could rewrite, timestamps included."""
    pages = Page.objects.order_by("pk").values(
        "pk", "latest_revision_id", "live_revision_id", "last_published_at",
        "latest_revision_created_at", "draft_title", "live",
    )  # fmt: skip
    tables = (ImportedItem.objects, Redirect.objects, Topic.objects, Comment.objects,
              Revision.objects)  # fmt: skip
    return [list(pages)] + [list(table.order_by("pk").values()) for table in tables]


def table_row(output, heading):
    line = next(line for line in output.splitlines() if line.startswith(heading))
    return line.split()[-4:]


def test_a_second_run_changes_no_row_and_counts_what_it_left_alone(home, tmp_path):
    comment = wxr.comment(11, "Ann", "ann@example.com", "2024-03-14 09:00:00", "Thank you.")
    path = wxr.write(
        tmp_path / "e.xml",
        AUTHOR,
        wxr.category(3, "back-pain", "Back Pain"),
        wxr.tag(4, "sleep", "Sleep"),
        wxr.item(7, "Heat", "heat", BODY, categories=[("back-pain", "Back Pain")],
                 tags=[("sleep", "Sleep")], comments=[comment]),
        wxr.item(9, "About us", "about-us", BODY, post_type="page"),
    )  # fmt: skip
    first = run_import(path)
    before = rows()
    second = run_import(path)
    assert rows() == before
    created = table_row(first, "Redirects")[0]
    assert int(created) > 0 and table_row(second, "Redirects") == ["0", "0", created, "0"]
    assert table_row(second, "Clinicians") == ["0", "0", "1", "0"]
    assert table_row(second, "Topics") == ["0", "0", "2", "0"]
