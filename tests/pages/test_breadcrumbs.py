"""Every content page says where it is: /about/, /privacy/ and the consultation form had no
breadcrumb, while every section and article did."""

import pytest

from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def trail(client, page):
    nav = soup_of(client.get(page.url)).select_one("nav.breadcrumbs")
    assert nav is not None, f"No breadcrumb on {page.url}"
    return [a.get_text(strip=True) for a in nav.select("a")]


def test_standard_pages_have_their_breadcrumb(client, about_page, privacy_page):
    assert trail(client, about_page) == ["Home", about_page.title]
    assert trail(client, privacy_page) == ["Home", privacy_page.title]


def test_the_consultation_form_has_its_breadcrumb(client, consultation_page):
    assert trail(client, consultation_page) == ["Home", consultation_page.title]
