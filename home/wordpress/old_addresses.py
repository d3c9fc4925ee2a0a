"""WordPress's query-string addresses (/?p=123, /?page_id=7, /?cat=3, /?feed=rss2).

Their path is "/", the home page, which answers 200: Wagtail's redirect middleware only looks
for a redirect after a 404, so it never sees them. The home page asks here first.
"""

from django.db.models import F
from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

QUERY_KEYS = ("attachment_id", "author", "cat", "feed", "p", "page_id", "tag")


def query_path(query):
    """The stored form of an old query address, from {key: value} (other keys ignored)."""
    pairs = [f"{key}={query[key]}" for key in QUERY_KEYS if query.get(key)]
    return Redirect.normalise_path("/?" + "&".join(pairs)) if pairs else None


def query_redirect(request):
    """A permanent redirect for an old WordPress query address, or None."""
    if not any(key in request.GET for key in QUERY_KEYS):
        return None
    path = query_path(request.GET)
    if path is None:
        return None
    site = Site.find_for_request(request)
    redirect = (
        Redirect.get_for_site(site)
        .filter(old_path=path)
        .select_related("redirect_page")
        .order_by(F("site_id").asc(nulls_last=True))
        .first()
    )
    if redirect is None or redirect.link is None:
        return None
    return HttpResponsePermanentRedirect(redirect.link)
