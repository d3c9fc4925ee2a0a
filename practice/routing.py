"""No query for the route: which site and which page an address means, and the page itself, are
kept per content version, so a page rendered again (the page cache off, a signed-in editor, a
form re-shown) does not ask the database for them.

Wagtail finds a page by walking the tree from the site's root: the site, the active locale, the
root as its own type, then each section and its own type on the way down (six queries for an
article). The answer only changes when a page is saved, published, moved or deleted, or a site
changes, and each of those replaces the content version (practice/cache.py), so the site and the
page's id and type are kept under that version, and so is the page itself, read once with the
foreign keys its type shows and whether it is in a private section; its own `route` still
decides (a page no longer live is a 404, as in Wagtail). Before it is kept, the page is found
by its tree address (`url_path`) in one query, where Wagtail walks down level by level, once
the sites, their home pages and the locales are known (practice/site_structure.py, two
queries kept per content version).
Addresses that go on inside a page (a routable page's own sub-addresses) and addresses that are
not found are never kept: Wagtail walks the tree for those, as before.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.utils import translation
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from .cache import content_version
from .pages import in_private_section
from .site_structure import site_structure

ROUTE_SECONDS = 300  # as the template fragments: a per-process cache catches up by then


def _key(request, path):
    # What Wagtail's Site.find_for_request decides by, and the language under /es/.
    # Hashed: an address can be longer than a cache key may be, and carry any letter.
    address = f"{request._get_raw_host()}:{request.get_port()}:{translation.get_language()}:{path}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"practice:route:{content_version()}:{digest}"


def serve(request, path):
    """Wagtail's serve, with the site and route found from what is kept for this version."""
    key = _key(request, path)
    kept = cache.get(key) or _find_by_address(request, path)
    if kept is not None:
        _use_kept_route(request, kept)  # when it finds nothing, Wagtail walks the tree
    response = wagtail_serve(request, path)
    _keep_route(request, key)
    return response


def _find_by_address(request, path):
    """(site, type, id) of the page whose address this is, in one query once the sites are
    known (practice/site_structure.py): its tree address (`url_path`) is the site's home page's,
    in the active language, followed by the path. None for a routable page's sub-address or an
    address no page has."""
    structure = site_structure()
    site = structure.site_for_request(request)
    request._wagtail_site = site  # what Site.find_for_request would answer, already known
    home = structure.home(site, translation.get_language()) if site is not None else None
    if home is None:
        return None
    found = (
        Page.objects.filter(url_path=home.url_path + path)
        .values_list("content_type_id", "pk")
        .first()
    )
    return (site, *found) if found else None


def _use_kept_route(request, kept):
    site, content_type_id, page_id = kept
    page = _page(content_type_id, page_id)
    if page is None:
        return
    request._wagtail_site = site
    try:
        request._wagtail_route_for_request = page.route(request, [])
    except Http404:
        request._wagtail_route_for_request = None


def _page(content_type_id, page_id):
    """The page as this content version has it: read once, with what its type shows and whether
    it is in a private section, then from the cache (a copy each time, as the cache pickles
    it when stored, before anything renders it)."""
    key = f"practice:route-page:{content_version()}:{page_id}"
    page = cache.get(key)
    if page is not None:
        return page
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = (
        model._default_manager.filter(pk=page_id)
        .select_related(*getattr(model, "select_related_on_route", ()))
        .annotate(in_private_section=in_private_section())
        .first()
    )
    if page is not None:
        cache.set(key, page, ROUTE_SECONDS)
    return page


def _keep_route(request, key):
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if not isinstance(route, RouteResult) or site is None:
        return
    page, args, kwargs = route
    # A routable page's sub-address carries its view in args: Wagtail walks for those.
    if args or kwargs or not isinstance(page, Page):
        return
    cache.set(key, (site, page.content_type_id, page.pk), ROUTE_SECONDS)
