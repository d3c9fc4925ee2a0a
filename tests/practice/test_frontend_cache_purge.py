"""A CDN or proxy cache in front is purged when a page is published, unpublished, moved or
deleted, once the change is committed (practice/frontend_cache.py)."""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import PageViewRestriction

from practice.frontend_cache import ProxyCacheBackend
from tests.factories import StandardPageFactory

from .helpers import RecordingFrontendCache

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(site):
    """The site's address as Wagtail writes it (the Site record; deploy sets it from SITE_URL)."""
    return site.root_url + "/"


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.practice.helpers.RecordingFrontendCache"}
    }
    RecordingFrontendCache.purged = []
    return RecordingFrontendCache.purged


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs the block, then what it left for the commit, as a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_publishing_purges_the_page_and_the_pages_listing_it_after_the_commit(
    article, purged, home, django_capture_on_commit_callbacks
):
    article.title = "Low back pain, revised"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save_revision().publish()
        assert purged == []  # nothing before the commit: a proxy would fetch the old page
    for callback in callbacks:
        callback()
    assert set(purged) == {home + article.url.lstrip("/"), home + "education/", home}


def test_saving_a_draft_purges_nothing(article, purged, commit):
    article.title = "A draft nobody sees yet"
    with commit():
        article.save_revision()
    assert purged == []


def test_unpublishing_purges_the_page_and_the_pages_listing_it(article, purged, home, commit):
    url = home + article.url.lstrip("/")
    with commit():
        article.unpublish()
    assert set(purged) == {url, home + "education/", home}


def test_moving_purges_the_old_and_new_addresses_with_the_pages_below(
    about_page, privacy_page, purged, home, commit
):
    StandardPageFactory(parent=about_page, title="Our team", slug="team")
    with commit():
        about_page.move(privacy_page, pos="last-child")
    assert set(purged) == {
        home,
        home + "about/",
        home + "about/team/",
        home + "privacy/",
        home + "privacy/about/",
        home + "privacy/about/team/",
    }


def test_deleting_purges_the_page_the_pages_below_and_the_pages_listing_it(
    about_page, purged, home, commit
):
    StandardPageFactory(parent=about_page, title="Our team", slug="team")
    with commit():
        about_page.delete()
    assert set(purged) == {home, home + "about/", home + "about/team/"}


def test_a_view_restriction_added_changed_or_removed_purges_the_section_after_the_commit(
    about_page, purged, home, django_capture_on_commit_callbacks
):
    """For anyone without the password the section is now the password form (or the sign-in
    redirect, or the pages again): the proxy is told, as for an unpublish."""
    StandardPageFactory(parent=about_page, title="Our team", slug="team")
    section = {home, home + "about/", home + "about/team/"}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        restriction = PageViewRestriction.objects.create(
            page=about_page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
        assert purged == []  # nothing before the commit: the proxy would fetch the public page
    for callback in callbacks:
        callback()
    assert set(purged) == section

    purged.clear()
    restriction.restriction_type = PageViewRestriction.LOGIN
    with django_capture_on_commit_callbacks(execute=True):
        restriction.save()
    assert set(purged) == section

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert set(purged) == section


def test_a_rolled_back_publish_purges_nothing(article, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        article.save_revision().publish()
    # The callbacks were never run: the transaction did not commit.
    assert purged == []


# -- ProxyCacheBackend against a real HTTP listener -------------------------------------


class PurgeEndpoint(BaseHTTPRequestHandler):
    """Stands in for the purge listener of deploy/nginx.conf: records, answers `status`."""

    received = []
    status = 200

    def do_GET(self):  # noqa: N802 - the HTTP method's name
        type(self).received.append((self.command, self.path, self.headers["Host"]))
        self.send_response(type(self).status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    PurgeEndpoint.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeEndpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def backend_for(server):
    return ProxyCacheBackend({"LOCATION": f"http://127.0.0.1:{server.server_port}"})


def test_the_proxy_is_sent_a_purge_for_the_page_with_its_public_host(endpoint):
    PurgeEndpoint.status = 200
    backend_for(endpoint).purge_batch(
        [
            "https://www.rubinpain.example/education/back-pain/?page=2",
            "https://www.rubinpain.example/",
        ]
    )
    assert sorted(PurgeEndpoint.received) == [
        ("GET", "/", "www.rubinpain.example"),
        ("GET", "/education/back-pain/?page=2", "www.rubinpain.example"),
    ]


@pytest.mark.parametrize("status", [404, 301])
def test_a_page_that_is_gone_or_moved_is_a_successful_purge(endpoint, caplog, status):
    PurgeEndpoint.status = status  # what the proxy fetched back for an unpublished/moved page
    with caplog.at_level(logging.ERROR):
        backend_for(endpoint).purge("https://www.rubinpain.example/about/")
    assert len(PurgeEndpoint.received) == 1
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


@pytest.mark.parametrize("status", [502, 400, 405])
def test_a_failing_purge_is_logged_and_does_not_break_publishing(endpoint, caplog, status):
    """A 400 or 405 is a misconfigured listener (a Host the app refuses, a method not allowed)."""
    PurgeEndpoint.status = status
    backend_for(endpoint).purge("https://www.rubinpain.example/about/")
    assert (
        f"Could not purge https://www.rubinpain.example/about/ from the proxy cache: {status}"
        in (caplog.text)
    )


def test_an_unreachable_proxy_is_logged(caplog):
    ProxyCacheBackend({"LOCATION": "http://127.0.0.1:9"}).purge("https://x.example/")
    assert "Could not purge https://x.example/" in caplog.text


def test_publishing_reaches_the_proxy_through_the_configured_backend(
    article, endpoint, settings, commit
):
    PurgeEndpoint.status = 200
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "practice.frontend_cache.ProxyCacheBackend",
            "LOCATION": f"http://127.0.0.1:{endpoint.server_port}",
        }
    }
    with commit():
        article.save_revision().publish()
    assert ("GET", article.url, "localhost") in PurgeEndpoint.received  # the Site's host


def test_approving_a_comment_purges_its_article(article, superuser, purged, home, commit):
    from education.comments.models import Comment
    from education.comments.moderation import decide
    from tests.factories import CommentFactory

    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    with commit():
        decide([comment], Comment.Status.APPROVED, superuser)
    assert home + article.url.lstrip("/") in purged
