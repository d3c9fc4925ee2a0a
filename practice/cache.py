"""Full-page cache for anonymous visitors.

A page anyone may see is rendered once and then served from the "pages" cache (Redis when
REDIS_URL is set, shared by every node; files under var/cache/pages otherwise, shared by the
workers of one node) until something changes.

What is never cached, and why:
- requests carrying a session or messages cookie: a signed-in editor, someone who entered a
  page password, someone with a message waiting (the cache is neither read nor written);
- anything but GET, Wagtail's preview requests, and paths under PAGE_CACHE_EXCLUDED_PATHS
  (the admin, the consultation form and its thank-you page, search results);
- responses other than a 200 from a Wagtail page with no view restrictions; responses that set
  a cookie or used a CSRF token (a form), and responses the view marked private or no-cache;
- pages whose model sets `page_cache_enabled = False`.

Invalidation is deliberately coarse: a page's title and summary also appear in menus, listings,
the home page and its neighbours, so any change clears every cached page (by moving to a new
"generation"; old entries expire unseen). It happens on publish, unpublish, move and delete of a
page, on saving site settings, and on saving or deleting an image. Other features call
`invalidate_page(page)` (e.g. when a comment is approved) or `invalidate_all()`.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHED_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary", "X-Frame-Options")


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def invalidate_all(reason=""):
    """Forget every cached page, on every node sharing the cache.

    Done now and again when the surrounding transaction commits: a request rendering between
    the two would still read the old rows and cache them under the new generation.
    """
    _new_generation(reason)
    transaction.on_commit(lambda: _new_generation(reason))


def _new_generation(reason):
    # A new generation makes every existing entry stale at once; time-based so two nodes that
    # invalidate at the same moment cannot end up on an old number.
    try:
        page_cache().set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:  # noqa: BLE001 - publishing must still succeed; say so loudly
        logger.error("Could not clear the page cache; pages may be stale", exc_info=True)
        return
    logger.info("Page cache cleared%s", f" ({reason})" if reason else "")


def invalidate_page(page=None):
    """Call when something shown on `page` changed outside Wagtail's publishing (a comment was
    approved, an author's bio was edited). Clears everything: the page also appears elsewhere."""
    invalidate_all(f"page {page.pk}" if page is not None else "")


def _excluded(path):
    return path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def _personalised(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _cache_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return "page-cache:page:" + hashlib.sha256(url.encode()).hexdigest()


def request_is_cacheable(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method == "GET"
        and not getattr(request, "is_dummy", False)
        and not _excluded(request.path_info)
        and not _personalised(request)
    )


def response_is_cacheable(request, response):
    page = getattr(request, "page_cache_page", None)
    if page is None or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    if not getattr(page, "page_cache_enabled", True):
        return False
    return not page.get_view_restrictions().exists()


def mark_public(response):
    """Headers for a CDN: shareable, revalidated by browsers, kept by shared caches briefly."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
        must_revalidate=True,
    )


def mark_private(response, *, no_store=False):
    """For a page someone signed in saw, or a form: no shared cache may keep it."""
    if no_store:
        patch_cache_control(response, private=True, no_store=True)
    elif not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            response = self.get_response(request)
            if _excluded(request.path_info) and not request.path_info.startswith("/admin/"):
                mark_private(response, no_store=True)  # the form, its thank-you, searches
            elif getattr(request, "page_cache_page", None) is not None:
                mark_private(response)
            return response

        cache = page_cache()
        key = _cache_key(request)
        try:
            found = cache.get_many([GENERATION_KEY, key])
        except Exception:  # noqa: BLE001 - a cache outage must not take the site down
            logger.warning("Page cache unavailable; serving without it", exc_info=True)
            return self.get_response(request)
        generation = found.get(GENERATION_KEY, 0)
        entry = found.get(key)
        if entry and entry["generation"] == generation:
            return self._from_entry(entry)

        response = self.get_response(request)
        if response_is_cacheable(request, response):
            mark_public(response)
            # The response varies on Cookie (the user bar reads the session): the cached copy
            # is only ever served to requests without a session or messages cookie.
            patch_vary_headers(response, ("Cookie",))
            try:
                entry = self._to_entry(response, generation)
                cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            except Exception:  # noqa: BLE001
                logger.warning("Could not store a page in the page cache", exc_info=True)
            response["X-Page-Cache"] = "miss"
        elif getattr(request, "page_cache_page", None) is not None:
            mark_private(response)
        return response

    @staticmethod
    def _to_entry(response, generation):
        headers = {name: response[name] for name in CACHED_HEADERS if response.has_header(name)}
        return {"generation": generation, "content": response.content, "headers": headers}

    @staticmethod
    def _from_entry(entry):
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"].items():
            response[name] = value
        response["Content-Length"] = str(len(entry["content"]))
        response["X-Page-Cache"] = "hit"
        return response


def remember_served_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: tells the middleware which page a response came from."""
    request.page_cache_page = page


def invalidate_on_change(sender, instance=None, **kwargs):
    """Signal receiver: anything shown on public pages changed."""
    invalidate_all(f"{sender.__name__} changed")


def connect_signals():
    """Called from PracticeConfig.ready()."""
    from django.db.models.signals import post_delete, post_save
    from wagtail import signals as wagtail_signals
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images import get_image_model
    from wagtail.models import Page, Site

    for signal in (
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
        # Any other publishable model (snippets with drafts) also appears on pages.
        wagtail_signals.published,
        wagtail_signals.unpublished,
    ):
        signal.connect(invalidate_on_change, dispatch_uid=f"page-cache-{id(signal)}")

    def shown_on_pages():
        return (Site, BaseSiteSetting, BaseGenericSetting, get_image_model())

    def on_save(sender, instance, **kwargs):
        # Page saves are drafts until published, which the signals above handle.
        if isinstance(instance, shown_on_pages()):
            invalidate_all(f"{type(instance).__name__} saved")

    def on_delete(sender, instance, **kwargs):
        if isinstance(instance, (Page, *shown_on_pages())):
            invalidate_all(f"{type(instance).__name__} deleted")

    post_save.connect(on_save, dispatch_uid="page-cache-save", weak=False)
    post_delete.connect(on_delete, dispatch_uid="page-cache-delete", weak=False)
