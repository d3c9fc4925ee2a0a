import pytest
from bs4 import BeautifulSoup

from home.models import HomePage

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_renders_the_practice_not_wagtails_welcome(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = soup_of(response)
    assert html.h1.get_text(strip=True) == home_page.hero_heading
    assert "Welcome to your new Wagtail site" not in response.content.decode()
    assert html.find("main", id="main-content") is not None
    assert html.select_one("a.skip-link")["href"] == "#main-content"


def test_header_navigation_lists_show_in_menus_pages_only(client, home_page):
    html = soup_of(client.get("/"))
    menu = [a.get_text(strip=True) for a in html.select("nav[aria-label=Main] a")]
    assert "About the practice" in menu
    assert "Privacy notice" not in menu  # a footer page, not in menus


def test_footer_shows_the_site_settings(client, home_page):
    from practice.models import PracticeSettings

    practice = PracticeSettings.for_site(home_page.get_site())
    practice.phone = "(555) 777-1234"
    practice.emergency_notice = "Emergency? Call 911 now."
    practice.opening_hours = "Mon: 9am to 5pm\nTue: closed"
    practice.save()

    footer = soup_of(client.get("/")).find("footer")
    text = footer.get_text(" ", strip=True)
    assert "(555) 777-1234" in text
    assert footer.select_one('a[href="tel:5557771234"]') is not None
    assert "Emergency? Call 911 now." in text
    assert "Mon: 9am to 5pm" in text and "Tue: closed" in text
    assert "not a diagnosis" in text  # the medical disclaimer
    for title in ("About the practice", "Privacy notice", "Accessibility statement"):
        assert footer.find("a", string=title) is not None


def test_featured_articles_hide_drafts_and_keep_editor_order(client, home_page):
    from home.models import FeaturedArticle
    from pages.models import StandardPage

    about = StandardPage.objects.get(slug="about")
    privacy = StandardPage.objects.get(slug="privacy")
    draft = StandardPage(title="Unfinished draft", slug="draft", live=False)
    home_page.add_child(instance=draft)
    home_page.featured_articles.all().delete()  # the demo features three articles
    for order, page in enumerate([privacy, draft, about]):
        FeaturedArticle.objects.create(home_page=home_page, page=page, sort_order=order)

    html = soup_of(client.get("/"))
    titles = [a.get_text(strip=True) for a in html.select(".card__title a")]
    assert titles == ["Privacy notice", "About the practice"]


@pytest.mark.parametrize("path", ["/about/", "/privacy/", "/accessibility/"])
def test_standard_pages_render(client, home_page, path):
    response = client.get(path)
    assert response.status_code == 200
    assert soup_of(response).h1 is not None


def test_home_page_query_count_is_bounded(client, home_page, django_assert_max_num_queries):
    client.get("/")  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(15):
        assert client.get("/").status_code == 200


def test_there_is_only_one_home_page(home_page):
    assert not HomePage.can_create_at(home_page.get_parent())


def test_hero_call_to_action_falls_back_to_the_consultation_page_setting(client, home_page):
    assert home_page.call_to_action_page is None  # the demo relies on the site setting
    html = soup_of(client.get("/"))
    button = html.select_one(".hero a.button")
    assert button is not None and button["href"] == "/consultation/"


def test_home_page_has_a_meta_description_and_an_icon(client, home_page):
    html = soup_of(client.get("/"))
    assert html.select_one('meta[name="description"]')["content"] == home_page.search_description
    assert html.select_one('link[rel="icon"]')["href"].endswith("favicon.svg")
