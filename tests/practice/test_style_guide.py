"""The admin's style guide shows editors every component the public site is built from."""

import pytest

from tests.helpers import soup_of

pytestmark = pytest.mark.django_db

COMPONENTS = [
    ".button",
    ".button--secondary",
    ".action-link",
    ".card",
    ".person-card",
    ".location-card",
    ".callout--note",
    ".callout--key-points",
    ".callout--urgent",
    ".tag",
    ".error-summary",
    ".form-field--error",
    "table",
    ".pagination",
    ".contents",
]


def test_the_style_guide_shows_every_component(admin_client, site):
    response = admin_client.get("/admin/style-guide/")
    assert response.status_code == 200
    html = soup_of(response)
    missing = [selector for selector in COMPONENTS if html.select_one(selector) is None]
    assert not missing
    # The error summary links to the fields whose errors it lists.
    links = [a["href"] for a in html.select(".error-summary a")]
    assert links and all(html.select_one(href) is not None for href in links)


def test_the_style_guide_is_in_the_admin_help_menu(admin_client, site):
    # The sidebar is drawn from JSON in the page, so the address appears there, not as a link.
    assert b"/admin/style-guide/" in admin_client.get("/admin/").content


def test_only_staff_see_the_style_guide(client, site):
    response = client.get("/admin/style-guide/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
