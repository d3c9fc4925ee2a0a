"""A cached page is answered before the language, session, CSRF and messages middleware run,
with the same headers it had when it was rendered, and never to or from a signed-in session."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import caches
from django.middleware.csrf import CsrfViewMiddleware

from practice import page_cache
from practice.cross_site import CrossSiteOriginMiddleware
from practice.locale import PathLanguageMiddleware
from tests.helpers import translate

from .helpers import get

pytestmark = pytest.mark.django_db

SKIPPED = [
    (SessionMiddleware, "process_request"),
    (MessageMiddleware, "process_request"),
    (CsrfViewMiddleware, "process_request"),
    (CrossSiteOriginMiddleware, "process_view"),
    (PathLanguageMiddleware, "__call__"),
]


def test_a_hit_runs_none_of_the_middleware_it_does_not_need(
    client, about_page, page_cache_on, monkeypatch
):
    first = get(client, "/about/")
    assert first["X-Page-Cache"] == "miss"

    def ran(*args, **kwargs):
        raise AssertionError("a middleware ran for a cached page")

    # From here on, the middleware a cached page does not need fail the request if they run.
    for middleware, method in SKIPPED:
        monkeypatch.setattr(middleware, method, ran)
    second = get(client, "/about/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_a_hit_carries_the_headers_the_page_had(client, about_page, page_cache_on):
    first = get(client, "/about/")
    second = get(client, "/about/")
    assert second["X-Page-Cache"] == "hit"
    for header in ("Content-Language", "Cache-Control", "Content-Type", "X-Frame-Options"):
        assert second[header] == first[header], header
    assert second.get("Vary") == first.get("Vary")
    assert "cookie" not in second.get("Vary", "").lower()
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_spanish_hit_says_it_is_spanish(client, home_page, page_cache_on):
    translate(home_page, title="Inicio")
    first = get(client, "/es/")
    second = get(client, "/es/")
    assert second["X-Page-Cache"] == "hit"
    assert first["Content-Language"] == second["Content-Language"] == "es"


def test_a_signed_in_session_neither_gets_nor_fills_a_shared_copy(
    client, about_page, page_cache_on
):
    editor = get_user_model().objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(editor)
    signed_in = get(client, "/about/")
    assert "X-Page-Cache" not in signed_in
    assert "wagtail-userbar" in signed_in.content.decode()
    client.logout()
    client.cookies.clear()
    anonymous = get(client, "/about/")
    assert anonymous["X-Page-Cache"] == "miss"  # the editor's render was not kept
    assert "wagtail-userbar" not in anonymous.content.decode()
    client.force_login(editor)
    assert "X-Page-Cache" not in get(client, "/about/")  # nor is the anonymous copy served


def test_a_response_made_private_on_its_way_out_is_not_kept(
    client, about_page, page_cache_on, monkeypatch
):
    # A page that set a cookie while rendering (a session started, say) is made private by
    # practice/shared_cache.py, inside the page cache, after the page was marked public.
    from practice.page_cache import PageCacheHeadersMiddleware

    marked = PageCacheHeadersMiddleware._mark

    def marked_then_a_cookie(request, response):
        keep = marked(request, response)
        response.set_cookie("sessionid", "someone")
        return keep

    monkeypatch.setattr(PageCacheHeadersMiddleware, "_mark", staticmethod(marked_then_a_cookie))
    first = get(client, "/about/")
    assert "private" in first["Cache-Control"]
    assert "X-Page-Cache" not in first
    monkeypatch.undo()
    client.cookies.clear()
    assert get(client, "/about/")["X-Page-Cache"] == "miss"  # nothing was kept


def test_a_workers_kept_copy_gives_way_to_a_generation_started_elsewhere(
    client, about_page, page_cache_on
):
    get(client, "/about/")
    assert get(client, "/about/")["X-Page-Cache"] == "hit"  # now kept, decoded, by this worker
    # Another worker or node published: all this one can see is the shared generation.
    page_cache.new_generation()
    assert get(client, "/about/")["X-Page-Cache"] == "miss"


def test_a_workers_kept_copy_is_not_served_once_the_cache_was_emptied(
    client, about_page, page_cache_on
):
    get(client, "/about/")
    assert get(client, "/about/")["X-Page-Cache"] == "hit"
    caches["pages"].clear()
    assert get(client, "/about/")["X-Page-Cache"] == "miss"


def test_a_workers_kept_copy_expires_with_the_shared_one(
    client, about_page, page_cache_on, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # expired as soon as it is stored
    get(client, "/about/")
    assert get(client, "/about/")["X-Page-Cache"] == "miss"


def test_a_worker_keeps_its_most_recently_used_pages_within_its_budget():
    recent = page_cache.RecentPages(max_bytes=10)

    def entry(body):
        return {"generation": 1, "content": body, "csp_style_sources": [], "expires": 2e9}

    recent.keep("a", entry(b"12345"))
    recent.keep("b", entry(b"12345"))
    assert recent.get("a", 1) is not None  # used: "b" is now the oldest
    recent.keep("c", entry(b"123"))
    assert list(recent.entries) == ["a", "c"] and recent.size == 8
    assert recent.get("a", 2) is None  # another generation: forgotten
    assert list(recent.entries) == ["c"] and recent.size == 3
