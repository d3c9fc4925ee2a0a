"""WordPress's status kept: publish stays live, draft and pending become drafts, future is
scheduled for its date, private and password-protected posts are never public, trash is
skipped; and a second run brings status changes across."""

import datetime

import pytest
from django.utils import timezone

from education.models import ArticlePage
from pages.models import StandardPage

from . import wxr
from .helpers import run_import

AUTHOR = wxr.author(1, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD")
FUTURE = (timezone.localtime() + datetime.timedelta(days=30)).strftime("%Y-%m-%d 09:00:00")


def post(wp_id, status, **kwargs):
    body = "<!-- wp:paragraph --><p>Plain words about pain for patients.</p><!-- /wp:paragraph -->"
    return wxr.item(wp_id, f"Post {wp_id} ({status})", f"post-{wp_id}", body, status=status,
                    **kwargs)  # fmt: skip


@pytest.fixture
def statuses(home, tmp_path):
    path = wxr.write(
        tmp_path / "export.xml",
        AUTHOR,
        post(1, "publish"),
        post(2, "draft"),
        post(3, "pending"),
        post(4, "future", date=FUTURE),
        post(5, "private"),
        post(6, "publish", password="letmein"),
        post(7, "trash"),
        post(8, "auto-draft"),
        post(9, "future", date="2024-01-05 09:00:00"),  # WordPress missed the schedule
        wxr.item(
            10,
            "Private page",
            "private-page",
            "<p>Staff only.</p>",
            post_type="page",
            status="private",
        ),  # fmt: skip
    )
    return path, run_import(path)


def by_id(wp_id):
    return ArticlePage.objects.get(title__startswith=f"Post {wp_id} ")


def test_published_posts_are_live(statuses):
    assert by_id(1).live and by_id(1).url == "/education/post-1/"


def test_drafts_and_pending_posts_are_drafts(statuses):
    for wp_id in (2, 3):
        page = by_id(wp_id)
        assert not page.live and page.first_published_at is None
        assert page.latest_revision is not None


def test_future_posts_are_scheduled_for_their_date(statuses):
    page = by_id(4)
    assert not page.live
    expected = datetime.datetime.fromisoformat(FUTURE).replace(tzinfo=wxr.ZONE)
    assert page.go_live_at == expected
    assert page.latest_revision.approved_go_live_at == expected
    assert by_id(9).live  # its date has passed, so it is published, as WordPress would


def test_private_and_password_protected_items_are_never_public(statuses, client):
    for page in (by_id(5), by_id(6), StandardPage.objects.get(title="Private page")):
        assert not page.live
        assert client.get(f"/education/{page.slug}/").status_code == 404
    _path, output = statuses
    assert "private in WordPress: imported as a draft, never public" in output
    assert "password-protected in WordPress: imported as a draft, never public" in output


def test_trash_and_auto_drafts_are_skipped_with_a_reason(statuses):
    assert not ArticlePage.objects.filter(title__startswith="Post 7 ").exists()
    assert not ArticlePage.objects.filter(title__startswith="Post 8 ").exists()
    _path, output = statuses
    assert "it is in the WordPress trash" in output
    assert "WordPress's auto-draft items are not content" in output


def test_a_post_taken_down_in_wordpress_is_unpublished_on_the_next_run(statuses, tmp_path):
    path = wxr.write(tmp_path / "later.xml", AUTHOR, post(1, "draft"), post(2, "publish"))
    run_import(path)
    assert not by_id(1).live
    assert by_id(2).live and ArticlePage.objects.filter(title__startswith="Post 2 ").count() == 1
