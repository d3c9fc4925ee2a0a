"""Telling the CDN or caching proxy in front that pages changed (Wagtail's frontend cache).

Public pages go out with `s-maxage` (practice/page_cache.py), so a proxy cache or CDN keeps
them. When a page is published, unpublished, moved or deleted, its address is purged through
the backends in settings.WAGTAILFRONTENDCACHE (Wagtail's PurgeBatch and its purge task), with:
- the live pages above it, whose listings show it (the same pages practice/prerender.py renders);
- on a move, the old and the new addresses of the page and every live page below it;
- on a delete, every live page deleted with it (each sends its own pre_delete);
- when a view restriction is added, changed or removed, the page and every live page below it:
  for anyone without the password they are now the password form or the redirect to sign in
  (or the page again), which practice/page_cache.py lets the proxy store in their place.
`practice.cache.invalidate_pages` purges the same way when something shown on a page changed
without a publish (a comment approved, the practice's reply). Other pages that mention it (a
topic, a clinician's profile) follow within PAGE_CACHE_CDN_SECONDS, the s-maxage they went out
with.

Purges are sent once the change is committed. Wagtail's own frontend_cache app purges from
its page_published signal, inside the publishing transaction, so a proxy that fetches the page
again at once (deploy/nginx.conf does) would be given the old version; that app is therefore not
installed, and these handlers take its place.

`ProxyCacheBackend` is Wagtail's HTTP backend adapted to the nginx proxy_cache in
deploy/nginx.conf. Open-source nginx cannot delete one entry, and caches nothing for a request
whose method is not GET or HEAD, so a `PURGE` would leave the old copy in place: instead this
backend sends a GET for the page's path with its public Host to FRONTEND_CACHE_HTTP_URL, a
listener only the app nodes may reach, which fetches the page again from the app, bypassing the
cache, and stores the answer in place of the old copy. A 404 or a redirect there is the new
state of a page that was unpublished or moved, not a failed purge.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from .prerender import pages_to_render

logger = logging.getLogger(__name__)

PURGE_TIMEOUT = 10  # seconds; the purge endpoint renders the page again
PARALLEL_PURGES = 4
# What the purge endpoint answers for a page that was unpublished, deleted or moved: the page's
# new state, now in the cache. Anything else but a 2xx means the purge did not happen.
PAGE_GONE_OR_MOVED = frozenset({301, 302, 308, 404, 410})


class ProxyCacheBackend(HTTPBackend):
    def purge_batch(self, urls):
        """Side by side: each purge waits for the app to render the page again, and the
        publishing request waits for them all."""
        with ThreadPoolExecutor(max_workers=PARALLEL_PURGES) as pool:
            list(pool.map(self.purge, urls))

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
        """A GET for the page's path on LOCATION, with the page's Host (what Wagtail's
        HTTPBackend sends, but as a GET: see above)."""
        parts = urlsplit(url)
        location = urlunsplit(
            (self.cache_scheme, self.cache_netloc, parts.path or "/", parts.query, "")
        )
        return Request(
            location, headers={"Host": parts.netloc, "User-Agent": "Wagtail-frontendcache"}
        )


def purge_after_commit(pages=(), urls=()):
    """Purge these pages (and the pages above each) and URLs once the transaction commits."""
    if not settings.WAGTAILFRONTENDCACHE:
        return  # no CDN or proxy cache in front: not even the addresses need working out
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


def on_view_restriction_change(sender, instance, **kwargs):
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge_after_commit(page_and_live_descendants(page))


def connect_signals():
    from django.db.models.signals import post_delete, post_save, pre_delete
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, pre_page_move

    page_published.connect(on_publish_or_unpublish, dispatch_uid="practice-purge-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="practice-purge-unpublished")
    pre_page_move.connect(on_move, dispatch_uid="practice-purge-moved")
    pre_delete.connect(on_delete, sender=Page, dispatch_uid="practice-purge-deleted")
    for signal, change in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_view_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"practice-purge-restriction-{change}",
        )
