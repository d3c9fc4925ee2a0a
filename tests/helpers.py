"""Small helpers the tests of several apps share."""

import importlib.util
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache as fragment_cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction


def section_fixture(factory):
    """A fixture that makes the section `factory` makes (an index page) under the home page."""

    @pytest.fixture
    def section(home_page):
        return factory(parent=home_page)

    return section


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def make_private(page, restriction_type=PageViewRestriction.PASSWORD):
    """Put `page` (and everything under it) behind a password or a login."""
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="x")


def translate(page, language="es", publish=True, **fields):
    """A copy of `page` in `language`'s tree, with `fields` set, published. Parents with no
    translation yet are translated first, as real (published) copies: Wagtail would make them
    aliases, which show the English page."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    parent = page.get_parent()
    if parent.depth > 1 and not parent.has_translation(locale):
        translate(parent, language)
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation


def queries_for(client, url):
    """How many queries `url` costs; it must be found."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


def query_counts(client, urls, refill=None):
    """What each of `urls` (addresses by name) costs cold, then warm, as two dicts by name.

    Each page is fetched once first, for the per-process caches (content types, site root
    paths, renditions); then the cache is emptied, and `refill` (an address), if given, puts
    back only the site-wide parts (menu, footer), so "cold" counts the page's own fragments."""
    cold, warm = {}, {}
    for name, url in urls.items():
        client.get(url)
        fragment_cache.clear()
        if refill:
            client.get(refill)
        cold[name] = queries_for(client, url)
        warm[name] = queries_for(client, url)
    return cold, warm


def one_live_page_per_type():
    """The first live public page of every page type in every language, in tree order."""
    seen, pages = set(), []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        if (page.content_type_id, page.locale_id) not in seen:
            seen.add((page.content_type_id, page.locale_id))
            pages.append(page)
    return pages


@cache
def bench_module(name):
    """bench/<name>.py, whose servers and settings the tests use too (bench/ is a folder of
    scripts, not a package)."""
    path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_stack():
    """bench/stack.py: servers and browser settings."""
    return bench_module("stack")


# What a browser sends with a form posted from one of the site's own pages (the test client's
# host is "testserver"); anonymous posts are checked by these, not by a token.
FROM_THIS_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
