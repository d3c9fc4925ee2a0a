"""Exports this project did not write: every WXR version and both spellings of its namespace
(an unknown version refused in one line), WXR 1.0's authors, a site in a sub-folder; and what
every run owes: a quiet dry run, a first line that names every item type, a second run that
changes nothing. test_wordpress_incomplete_items.py has the shapes one import can share."""

import logging

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from education.comments.models import Comment
from education.models import ArticlePage, ClinicianPage, Topic
from home.models import ImportedItem
from home.wordpress import wxr as reader

from . import wxr
from .helpers import run_import

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


def test_a_dry_run_is_quiet_and_names_every_item_type(home, tmp_path, caplog):
    caplog.set_level(logging.INFO)
    untyped = wxr.item(8, "Odd", "odd", BODY, post_type="")
    path = wxr.write(tmp_path / "e.xml", AUTHOR, wxr.item(7, "Heat", "heat", BODY), untyped)
    output = run_import(path, "--dry-run")
    assert "Page created" not in caplog.text and "published" not in caplog.text
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
