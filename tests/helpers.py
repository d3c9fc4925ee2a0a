"""Small helpers the tests of several apps share."""

import importlib.util
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup
from wagtail.models import Locale, Page, PageViewRestriction


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


def one_live_page_per_type():
    """The first live public page of every page type in every language, in tree order."""
    seen, pages = set(), []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        if (page.content_type_id, page.locale_id) not in seen:
            seen.add((page.content_type_id, page.locale_id))
            pages.append(page)
    return pages


@cache
def bench_stack():
    """bench/stack.py, whose servers and browser settings the tests use too (bench/ is a
    folder of scripts, not a package)."""
    path = Path(__file__).resolve().parents[1] / "bench" / "stack.py"
    spec = importlib.util.spec_from_file_location("bench_stack", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# What a browser sends with a form posted from one of the site's own pages (the test client's
# host is "testserver"); anonymous posts are checked by these, not by a token.
FROM_THIS_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
