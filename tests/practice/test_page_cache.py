"""The full-page cache serves anonymous visitors fast and never serves anything stale or private."""

import json
import os
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import OperationalError
from wagtail.models import Page, PageViewRestriction, Site

from pages.models import StandardPage
from practice import page_cache as page_cache_module
from practice.cache import invalidate_page
from tests.factories import change_practice_settings

from .helpers import get, production_env, run_python

pytestmark = pytest.mark.django_db


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, home_page, page_cache_on, django_assert_num_queries
):
    first = get(client)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(client)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The policy still allows the cached page's inline theme style by its hash.
    assert "'sha256-" in first["Content-Security-Policy"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_public_pages_tell_a_cdn_it_may_share_them_and_browsers_to_revalidate(
    client, home_page, page_cache_on
):
    for response in (get(client), get(client)):  # miss, then hit
        cache_control = response["Cache-Control"]
        assert "public" in cache_control
        assert "s-maxage=60" in cache_control
        assert "max-age=0" in cache_control
        # Nothing a CDN would take as "one copy per visitor": no cookie, no Vary on Cookie.
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
        # Cached copies keep the security headers.
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"


def test_signed_in_editors_never_get_or_fill_the_cache(client, home_page, page_cache_on):
    get(client)  # the anonymous copy is cached
    editor = get_user_model().objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(editor)
    for _ in range(2):
        response = get(client)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "wagtail-userbar" in response.content.decode()


def test_publishing_a_page_clears_the_cache(client, about_page, page_cache_on):
    get(client, "/about/")
    assert get(client, "/about/")["X-Page-Cache"] == "hit"
    publish_title(about_page, "About our clinic")
    response = get(client, "/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "About our clinic" in response.content.decode()
    # The menu on every other page shows the new title too.
    assert "About our clinic" in get(client, "/").content.decode()


def test_a_saved_draft_never_leaks_into_the_cache(client, about_page, page_cache_on):
    get(client, "/about/")
    about_page.title = "Draft title nobody may see"
    about_page.save_revision()
    for _ in range(2):
        assert "Draft title" not in get(client, "/about/").content.decode()


def test_unpublishing_a_page_clears_the_cache(client, about_page, page_cache_on):
    get(client, "/about/")
    about_page.unpublish()
    assert client.get("/about/").status_code == 404


def test_deleting_a_page_clears_the_cache(client, about_page, page_cache_on):
    get(client, "/about/")
    about_page.delete()
    assert client.get("/about/").status_code == 404


def test_moving_a_page_clears_the_cache(client, about_page, privacy_page, page_cache_on):
    get(client, "/about/")
    about_page.move(privacy_page, pos="last-child")
    moved = client.get("/about/")
    assert moved.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert moved["Location"].endswith("/privacy/about/")
    assert get(client, "/privacy/about/")["X-Page-Cache"] == "miss"


def test_saving_site_settings_clears_the_cache(client, home_page, page_cache_on):
    get(client)
    change_practice_settings(name="Rubin Pain & Spine")
    assert "Rubin Pain &amp; Spine" in get(client).content.decode()


def test_invalidate_page_is_there_for_other_features(client, about_page, page_cache_on):
    get(client, "/about/")
    StandardPage.objects.filter(pk=about_page.pk).update(intro="Changed without publishing")
    assert get(client, "/about/")["X-Page-Cache"] == "hit"
    invalidate_page(about_page)
    assert get(client, "/about/")["X-Page-Cache"] == "miss"


def test_previews_never_fill_the_cache(admin_client, client, home_page, page_cache_on):
    home_page.hero_heading = "Unpublished draft heading"
    home_page.save_revision()
    preview = admin_client.get(f"/admin/pages/{home_page.pk}/view_draft/")
    assert "Unpublished draft heading" in preview.content.decode()
    response = get(client)
    assert response["X-Page-Cache"] == "miss"
    assert "Unpublished draft heading" not in response.content.decode()


def test_private_pages_are_never_cached(client, about_page, page_cache_on):
    PageViewRestriction.objects.create(
        page=about_page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    for _ in range(2):
        response = client.get("/about/")
        assert "X-Page-Cache" not in response  # not even the password form, which is shared
        assert 'name="password"' in response.content.decode()


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_a_page_made_private_is_no_longer_served_from_the_cache(
    client, about_page, page_cache_on, restriction_type
):
    """A restriction saved starts a new page-cache generation (practice/cache.py), as a publish
    does: the cached public copy is left behind at once."""
    get(client, "/about/")
    assert get(client, "/about/")["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(
        page=about_page, restriction_type=restriction_type, password="s3cret"
    )
    response = client.get("/about/")
    assert "X-Page-Cache" not in response
    assert about_page.intro not in response.content.decode()
    assert response.status_code == {"password": 200, "login": 302}[restriction_type]


def test_visitors_with_a_message_waiting_bypass_the_cache(client, home_page, page_cache_on):
    get(client)
    client.cookies["messages"] = "a-signed-message"
    assert "X-Page-Cache" not in get(client)


def test_posts_are_never_cached(client, about_page, page_cache_on):
    client.post("/about/", {"anything": "x"})
    assert get(client, "/about/")["X-Page-Cache"] == "miss"


def test_the_empty_consultation_form_is_cached_and_shared(client, consultation_page, page_cache_on):
    assert get(client, "/consultation/")["X-Page-Cache"] == "miss"
    response = get(client, "/consultation/")
    assert response["X-Page-Cache"] == "hit"
    assert "public" in response["Cache-Control"]
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def test_the_consultation_thank_you_page_is_never_cached(client, consultation_page, page_cache_on):
    for _ in range(2):
        response = get(client, "/consultation/thank-you/")
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_search_results_are_never_cached(client, home_page, page_cache_on):
    # Whatever page answers at /search/ (a search page, or a plain page for now).
    if not Page.objects.filter(url_path__endswith="/search/").exists():
        home_page.add_child(instance=StandardPage(title="Search", slug="search", intro="x"))
    for _ in range(2):
        response = get(client, "/search/?query=back+pain")
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_a_page_type_can_opt_out(client, about_page, page_cache_on, monkeypatch):
    monkeypatch.setattr(StandardPage, "page_cache_enabled", False, raising=False)
    for _ in range(2):
        assert "X-Page-Cache" not in get(client, "/about/")


def test_query_strings_are_cached_separately(client, about_page, page_cache_on):
    get(client, "/about/?page=2")
    assert get(client, "/about/")["X-Page-Cache"] == "miss"
    assert get(client, "/about/?page=2")["X-Page-Cache"] == "hit"


def test_not_found_pages_are_not_cached(client, home_page, page_cache_on):
    client.get("/nowhere/")
    assert "X-Page-Cache" not in client.get("/nowhere/")


def test_a_cache_outage_does_not_take_the_site_down(client, home_page, page_cache_on, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(caches["pages"], "get_many", broken)
    response = get(client)
    assert "X-Page-Cache" not in response
    assert "Rubin Pain Management" in response.content.decode()


def test_cached_pages_are_still_served_while_the_database_is_down(
    client, about_page, page_cache_on, monkeypatch
):
    get(client)

    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(Site, "find_for_request", unreachable)
    assert get(client)["X-Page-Cache"] == "hit"
    assert client.get("/about/").status_code == 503


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_pages(settings):
    """The page cache on the real Redis, under a key prefix of its own, removed afterwards."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    prefix = f"practice-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
    }
    settings.PAGE_CACHE_ENABLED = True
    yield client, prefix
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)  # only our keys: other people use this Redis


def test_redis_backed_cache_is_shared_and_invalidated(client, about_page, redis_pages):
    redis_client, prefix = redis_pages
    get(client, "/about/")
    assert get(client, "/about/")["X-Page-Cache"] == "hit"
    assert any(redis_client.scan_iter(f"{prefix}:*page-cache:page:*"))

    # A second "node": a fresh cache connection sees the same entry.
    from django.core.cache.backends.redis import RedisCache

    other_node = RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    # The first request found no generation and started one, in Redis for every node.
    started = other_node.get(page_cache_module.GENERATION_KEY)
    assert started is not None

    publish_title(about_page, "About us, updated")
    # The new generation is visible to every node sharing Redis.
    assert other_node.get(page_cache_module.GENERATION_KEY) not in (None, started)
    response = get(client, "/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "About us, updated" in response.content.decode()


def test_clear_page_cache_command_forgets_every_page(client, about_page, page_cache_on):
    from django.core.management import call_command

    get(client, "/about/")
    call_command("clear_page_cache", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert get(client, "/about/")["X-Page-Cache"] == "miss"


def test_frontend_cache_purging_is_configured_from_the_environment(tmp_path):
    code = """
        import json, django
        django.setup()
        from django.apps import apps
        from wagtail.contrib.frontend_cache.utils import get_backends
        print(json.dumps({
            "installed": apps.is_installed("wagtail.contrib.frontend_cache"),
            "backends": {name: type(b).__name__ for name, b in get_backends().items()},
        }))
    """
    env = production_env(
        tmp_path,
        FRONTEND_CACHE_HTTP_URL="http://127.0.0.1:8080/purge",
        CLOUDFLARE_ZONEID="zone123",
        CLOUDFLARE_BEARER_TOKEN="token",
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    configured = json.loads(result.stdout.strip().splitlines()[-1])
    # Wagtail's app stays out: its handlers would purge before the publish is committed
    # (practice/frontend_cache.py purges after it, through the same backends).
    assert configured == {
        "installed": False,
        "backends": {"proxy": "ProxyCacheBackend", "cloudflare": "CloudflareBackend"},
    }

    result = run_python(code, production_env(tmp_path))
    assert '"backends": {}' in result.stdout


def test_invalidation_is_repeated_when_the_publishing_transaction_commits(
    client, about_page, page_cache_on, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_title(about_page, "About us, committed")
        # A visitor rendering before the commit caches what they saw under the new generation.
        get(client, "/about/")
        assert get(client, "/about/")["X-Page-Cache"] == "hit"
    for callback in callbacks:
        callback()
    assert get(client, "/about/")["X-Page-Cache"] == "miss"
