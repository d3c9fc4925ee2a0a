"""Full-page cache for anonymous visitors, and the headers that let a CDN share the same pages.

A page anyone may see is rendered once and then served from the "pages" cache (Redis when
REDIS_URL is set, shared by every node; files under var/cache/pages otherwise, shared by the
workers of one node) until something changes. The same pages go out as
`Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_CDN_SECONDS, must-revalidate`, so an
nginx proxy_cache or a CDN in front may keep them too (practice/shared_cache.py has the last
word on those headers; practice/frontend_cache.py purges them on publish).

What is never cached, nor marked public, and why:
- requests carrying a session or messages cookie: a signed-in editor, someone who entered a
  page password, someone with a message waiting (the cache is neither read nor written);
- anything but GET, Wagtail's preview requests, and paths under PAGE_CACHE_EXCLUDED_PATHS
  (the admin, search results, documents);
- responses other than a 200 from a Wagtail page with no view restrictions; responses that set
  a cookie, and responses the view marked private or no-cache (a form with what someone typed,
  the consultation thank-you page);
- a private page itself, for someone who entered its password or signed in (they carry a
  session cookie, so it is never asked for here);
- pages carrying a CSRF token: anonymous visitors' forms have none (their posts are checked by
  Origin, practice/cross_site.py), so a token means the page was made for one person;
- pages whose model sets `page_cache_enabled = False`.

A private page's answer to everyone else, the password form or the redirect to sign in, shows
nothing of the page and is the same for everyone: it goes out public, like a public page, but is
not kept here. So when a page is made private, the proxy in front stores that answer in place of
the public copy it had (on the purge, or when its copy expires), where a private answer would
leave the old copy in place, served for as long as nginx keeps serving stale copies.

Two middleware share the work: PageCacheMiddleware, outside everything a cached page does not
need (the language, sessions, messages, CSRF, sign-in), answers a hit and stores a miss as it
left the inner middleware; PageCacheHeadersMiddleware, inside them, marks each page's response
public or private and says whether it may be kept.

Each worker also keeps the pages it served last, decoded, under the generation they were
stored in (`recent_pages`): a hit then reads only the generation from the shared cache, one
small key, and serves the kept copy while that generation is current and the copy has not
expired. Every invalidation replaces the generation, so a publish reaches every worker on the
next request as before. When the cache holds no generation (emptied, or the key lost) the next
request starts one, so nothing stored before is served again.

Invalidation is deliberately coarse and shared with the fragment cache (practice/cache.py):
whatever replaces the site-wide content version (a page saved, published, moved or deleted,
a view restriction, settings, images, our snippets) also starts a new page-cache generation,
so every cached page is left behind at once. Other features call
`practice.cache.invalidate_page(page)` (e.g. when a comment is approved) or
`practice.cache.invalidate_all()`.
"""

import hashlib
import logging
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from .shared_cache import carries_personal_cookie, is_public

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHED_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Vary", "X-Frame-Options")
# What {% csrf_token %} renders. The whole tag is the marker: escaped text (a comment quoting
# it, say) can never contain its "<" and quotes.
CSRF_INPUT = re.compile(rb'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def new_generation():
    """Every cached page is stale from now on (called by practice.cache.bump_content_version).

    The generation lives in the pages cache itself, so every worker and node sharing that
    cache sees it; time-based so two nodes invalidating at once cannot go back to an old one.
    """
    try:
        page_cache().set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:  # noqa: BLE001 - publishing must still succeed; say so loudly
        logger.error("Could not clear the page cache; pages may be stale", exc_info=True)


def _excluded(path):
    # /es/search/ is /search/ in Spanish.
    language = translation.get_language_from_path(path)
    if language:
        path = path[len(language) + 1 :]
    return path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def _cache_key(request):
    url = f"{request.get_host()}{request.get_full_path()}"
    return "page-cache:page:" + hashlib.sha256(url.encode()).hexdigest()


def request_is_shareable(request):
    """Whatever answers this request is the same for every anonymous visitor."""
    return (
        request.method == "GET"
        and not getattr(request, "is_dummy", False)
        and not _excluded(request.path_info)
        and not carries_personal_cookie(request)
    )


def is_personal(response):
    """A cookie set, or a CSRF token in the page: made for one visitor."""
    return bool(response.cookies) or bool(CSRF_INPUT.search(response.content))


def response_is_cacheable(request, response):
    page = getattr(request, "page_cache_page", None)
    if page is None or response.status_code != 200 or response.streaming:
        return False
    if is_personal(response):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-cache", "no-store")):
        return False
    if not getattr(page, "page_cache_enabled", True):
        return False
    return not page.get_view_restrictions().exists()


def is_restriction_answer(request, response):
    """Wagtail's answer, for a page in a private section, to a visitor who has not passed its
    restriction: the password form (200) or the redirect to sign in (302). The page itself was
    not served (`remember_page_served` never ran)."""
    page = getattr(request, "page_cache_page", None)
    return (
        page is not None
        and getattr(page, "in_private_section", False)
        and not getattr(request, "page_served", False)
        and response.status_code in (200, 302)
        and not response.streaming
        and not is_personal(response)
    )


def mark_shared(response):
    """Public, in place of the never-cache headers Wagtail gives a restriction's answer."""
    del response["Cache-Control"]
    del response["Expires"]  # already past: nginx would keep nothing
    mark_public(response)


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


class RecentPages:
    """The pages this worker served from the cache last, decoded, least recently used dropped
    first once their bodies pass `max_bytes`. Only entries stored under a generation (never 0,
    "none found") are kept, and one is served only under that same generation and before it
    expires, so it is exactly what the shared cache holds for that key."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()  # gunicorn may run threads

    def get(self, key, generation):
        entry = self.entries.get(key)
        if entry is None:
            return None
        if not is_current(entry, generation):  # kept entries never have generation 0
            self.forget(key)
            return None
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
        return entry

    def keep(self, key, entry):
        if not entry["generation"] or len(entry["content"]) > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            self.size += len(entry["content"]) - (len(old["content"]) if old else 0)
            self.entries[key] = entry
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped["content"])

    def forget(self, key):
        with self.lock:
            old = self.entries.pop(key, None)
            if old:
                self.size -= len(old["content"])


# Some 16 MB of pages per worker: a site's most visited pages, in both languages.
recent_pages = RecentPages(max_bytes=16 * 1024 * 1024)


def is_current(entry, generation):
    """Stored under this generation, not expired, and carrying what a hit needs (an entry from
    before pages kept their inline style's hash, or their expiry, is rendered again)."""
    return (
        entry["generation"] == generation
        and "csp_style_sources" in entry
        and entry.get("expires", 0) > time.time()
    )


def lookup(cache, key):
    """(the current generation, the current entry for `key` or None): one read of the
    generation when this worker kept the page, else the generation and the page together."""
    if key in recent_pages.entries:
        generation = cache.get_many([GENERATION_KEY]).get(GENERATION_KEY, 0)
        kept = recent_pages.get(key, generation)
        if kept is not None:
            return generation, kept
        entry = cache.get(key)
    else:
        found = cache.get_many([GENERATION_KEY, key])
        generation, entry = found.get(GENERATION_KEY, 0), found.get(key)
    if not generation:
        # None yet (nothing published since the cache was emptied) or the key was lost: start
        # one, so whatever was stored without it is never served again.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY, 0)
    if entry is None or not is_current(entry, generation):
        return generation, None
    recent_pages.keep(key, entry)
    return generation, entry


class PageCacheMiddleware:
    """Answers from the cache before anything a cached page does not need runs: it sits just
    inside the security headers and whitenoise, outside the language, session, CSRF, messages
    and sign-in middleware. A request carrying a session or messages cookie (someone signed in,
    a page password entered, a message waiting) is never answered here nor stored. What it
    stores is the response as it leaves every inner middleware, so a hit carries the same
    headers (Content-Language, Vary, Cache-Control) as the page did when it was rendered; the
    per-response ones (security headers, the inline style's hash) are added outside it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not request_is_shareable(request):
            return self.get_response(request)
        cache = page_cache()
        key = _cache_key(request)
        try:
            generation, entry = lookup(cache, key)
        except Exception:  # noqa: BLE001 - a cache outage must not take the site down
            logger.warning("Page cache unavailable; serving without it", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            # The page's inline theme style is allowed by its hash (practice/security.py).
            request.csp_style_sources = entry["csp_style_sources"]
            return self._from_entry(entry)

        response = self.get_response(request)
        # PageCacheHeadersMiddleware said it may be kept; the inner middleware left it public
        # and set no cookie (practice/shared_cache.py makes anything personal private).
        if (
            getattr(request, "page_cache_keep", False)
            and is_public(response)
            and not response.cookies
        ):
            try:
                entry = self._to_entry(response, generation)
                entry["csp_style_sources"] = getattr(request, "csp_style_sources", [])
                entry["expires"] = time.time() + settings.PAGE_CACHE_SECONDS
                cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
                recent_pages.keep(key, entry)
            except Exception:  # noqa: BLE001
                logger.warning("Could not store a page in the page cache", exc_info=True)
            response["X-Page-Cache"] = "miss"
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


class PageCacheHeadersMiddleware:
    """Inside the session and sign-in middleware, where the page served is known: marks each
    page's response public or private and tells PageCacheMiddleware whether to keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_shareable(request):
            response = self.get_response(request)
            if _excluded(request.path_info) and not request.path_info.startswith("/admin/"):
                mark_private(response, no_store=True)  # search results, documents
            elif getattr(request, "page_cache_page", None) is not None:
                mark_private(response)
            return response
        response = self.get_response(request)
        request.page_cache_keep = self._mark(request, response)
        return response

    @staticmethod
    def _mark(request, response):
        """Public for a page anyone may share, or a private page's password form or redirect;
        private for any other page's response. Whether to keep the response here."""
        if response_is_cacheable(request, response):
            mark_public(response)
            return True
        if is_restriction_answer(request, response):
            mark_shared(response)
        elif getattr(request, "page_cache_page", None) is not None:
            mark_private(response)
        return False


def remember_served_page(page, request, serve_args, serve_kwargs):
    """before_serve_page hook, run before Wagtail's own: tells the middleware which page a
    response came from, and works out once whether the page is in a private section (unless
    the route already did), so Wagtail's restriction check and the page cache ask no more."""
    request.page_cache_page = page
    if not hasattr(page, "in_private_section"):
        page.in_private_section = page.get_view_restrictions().exists()


def remember_page_served(serve):
    """on_serve_page hook, run inside Wagtail's restriction check: the page itself is served
    (to everyone for a public page, to someone who passed the restriction for a private one)."""

    def serve_and_remember(page, request, serve_args, serve_kwargs):
        request.page_served = True
        return serve(page, request, serve_args, serve_kwargs)

    return serve_and_remember
