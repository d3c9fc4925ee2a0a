"""Telling the CDN or caching proxy in front that pages changed (Wagtail's frontend cache).

Public pages go out with `s-maxage` (practice/page_cache.py), so a proxy cache or CDN keeps
them. When a page is published, unpublished, moved or deleted, its address is purged through
the backends in settings.WAGTAILFRONTENDCACHE (Wagtail's PurgeBatch and its purge task), with:
- the live pages above it, whose listings show it (the same pages practice/prerender.py renders);
- on a move, the old and the new addresses of the page and every live page below it;
- on a delete, every live page deleted with it (each sends its own pre_delete).
Other pages that mention it (a topic, a clinician's profile) follow within
PAGE_CACHE_CDN_SECONDS, the s-maxage they went out with.

Purges are sent once the change is committed. Wagtail's own frontend_cache app purges from
its page_published signal, inside the publishing transaction, so a proxy that fetches the page
again at once (deploy/nginx.conf does) would be given the old version; that app is therefore not
installed, and these handlers take its place.

`ProxyCacheBackend` is Wagtail's HTTP backend (a PURGE request to FRONTEND_CACHE_HTTP_URL with
the page's Host) for the nginx proxy_cache in deploy/nginx.conf, which answers a purge with
the page as the app now serves it: a 404 or a redirect there is the new state of a page that
was unpublished or moved, not a failed purge.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from .prerender import pages_to_render

logger = logging.getLogger(__name__)

PURGE_TIMEOUT = 10  # seconds; the purge endpoint renders the page again
# What the purge endpoint answers for a page that was unpublished, deleted or moved: the page's
# new state, now in the cache. Anything else but a 2xx means the purge did not happen.
PAGE_GONE_OR_MOVED = frozenset({301, 302, 308, 404, 410})


class ProxyCacheBackend(HTTPBackend):
    def purge(self, url):
        try:
            with urlopen(self.purge_request(url), timeout=PURGE_TIMEOUT):  # noqa: S310 - ours
                pass
        except HTTPError as error:
            if error.code not in PAGE_GONE_OR_MOVED:
                logger.error("Could not purge %s from the proxy cache: %s", url, error.code)
        except URLError as error:
            logger.error("Could not purge %s from the proxy cache: %s", url, error.reason)

    def purge_request(self, url):
        """What Wagtail's HTTPBackend sends: PURGE on LOCATION with the page's path and Host."""
        parts = urlsplit(url)
        location = urlunsplit(
            (self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, "")
        )
        return PurgeRequest(
            location, headers={"Host": parts.netloc, "User-Agent": "Wagtail-frontendcache"}
        )


def purge_after_commit(pages=(), urls=()):
    """Purge these pages (and the pages above each) and URLs once the transaction commits."""
    batch = PurgeBatch(urls)
    for page in pages:
        batch.add_pages(pages_to_render(page))
    if batch.urls:
        transaction.on_commit(batch.purge)


def page_and_live_descendants(page):
    return [page, *page.get_descendants().live()]


def on_publish_or_unpublish(sender, instance, **kwargs):
    purge_after_commit([instance])


def on_move(sender, instance, **kwargs):
    """Before the move: its old addresses now, the new ones once the move is committed."""
    if not instance.live:
        return
    purge_after_commit(page_and_live_descendants(instance))
    page_id = instance.pk

    def purge_new_addresses():
        from wagtail.models import Page

        moved = Page.objects.filter(pk=page_id).first()
        if moved is not None:
            purge_after_commit(page_and_live_descendants(moved))  # no transaction: at once

    transaction.on_commit(purge_new_addresses)


def on_delete(sender, instance, **kwargs):
    if instance.live:
        purge_after_commit([instance])


def connect_signals():
    from django.db.models.signals import pre_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, pre_page_move

    page_published.connect(on_publish_or_unpublish, dispatch_uid="practice-purge-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="practice-purge-unpublished")
    pre_page_move.connect(on_move, dispatch_uid="practice-purge-moved")
    pre_delete.connect(on_delete, sender=Page, dispatch_uid="practice-purge-deleted")
