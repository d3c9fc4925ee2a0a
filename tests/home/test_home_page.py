import datetime

import pytest

from home.models import HomePage
from tests.factories import (
    FeaturedArticleFactory,
    LocationPageFactory,
    StandardPageFactory,
    change_practice_settings,
)
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def test_home_page_renders_the_practice_not_wagtails_welcome(client, furnished_home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = soup_of(response)
    assert html.h1.get_text(strip=True) == furnished_home_page.hero_heading
    assert "Welcome to your new Wagtail site" not in response.content.decode()
    assert html.find("main", id="main-content") is not None
    assert html.select_one("a.skip-link")["href"] == "#main-content"


def test_header_navigation_lists_show_in_menus_pages_only(client, furnished_home_page):
    html = soup_of(client.get("/"))
    menu = [a.get_text(strip=True) for a in html.select("nav[aria-label=Main] a")]
    assert "About the practice" in menu
    assert "Privacy notice" not in menu  # a footer page, not in menus


def test_footer_shows_the_site_settings_and_the_primary_location(client, furnished_home_page):
    location = LocationPageFactory(
        phone="555 777 1234", street_address="12 Lakeview Drive", zip_code="62704",
        hours=[(0, datetime.time(9), datetime.time(17))],
    )  # fmt: skip
    change_practice_settings(emergency_notice="Emergency? Call 911 now.", primary_location=location)

    footer = soup_of(client.get("/")).find("footer")
    text = footer.get_text(" ", strip=True).replace("\xa0", " ")
    assert "(555) 777-1234" in text
    assert footer.select_one('a[href="tel:+15557771234"]') is not None
    assert "12 Lakeview Drive" in footer.find("address").get_text()
    assert "Emergency? Call 911 now." in text
    assert "Monday: 9:00 a.m. to 5:00 p.m." in text and "Other days: closed" in text
    assert "not a diagnosis" in text  # the medical disclaimer
    for title in ("About the practice", "Privacy notice", "Accessibility statement"):
        assert footer.find("a", string=title) is not None


def test_featured_articles_hide_drafts_and_keep_editor_order(
    client, home_page, about_page, privacy_page
):
    draft = StandardPageFactory(parent=home_page, title="Unfinished draft", publish=False)
    for page in [privacy_page, draft, about_page]:
        FeaturedArticleFactory(home_page=home_page, page=page)

    html = soup_of(client.get("/"))
    titles = [a.get_text(strip=True) for a in html.select(".card__title a")]
    assert titles == ["Privacy notice", "About the practice"]


def test_home_page_query_count_is_bounded(
    client, furnished_home_page, django_assert_max_num_queries
):
    client.get("/")  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(15):
        assert client.get("/").status_code == 200


def test_there_is_only_one_home_page(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())


def test_hero_call_to_action_falls_back_to_the_consultation_page_setting(
    client, furnished_home_page
):
    assert furnished_home_page.call_to_action_page is None  # it relies on the site setting
    html = soup_of(client.get("/"))
    button = html.select_one(".next-step a.button")
    assert button is not None and button["href"] == "/consultation/"


def test_home_page_has_a_meta_description_and_an_icon(client, furnished_home_page):
    html = soup_of(client.get("/"))
    assert (
        html.select_one('meta[name="description"]')["content"]
        == furnished_home_page.search_description
    )
    assert html.select_one('link[rel="icon"]')["href"].endswith("favicon.svg")
