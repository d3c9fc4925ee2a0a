"""Small helpers the tests of several apps share."""

from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def make_private(page, restriction_type=PageViewRestriction.PASSWORD):
    """Put `page` (and everything under it) behind a password or a login."""
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="x")


def one_live_page_per_type():
    """The first live public page of every page type, in tree order."""
    seen, pages = set(), []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        if page.content_type_id not in seen:
            seen.add(page.content_type_id)
            pages.append(page)
    return pages
