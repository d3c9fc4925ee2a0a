"""The sites, home pages, locales and settings read together (practice/site_structure.py) answer
exactly what Wagtail's own lookups answer, and follow every change; the pages every page links
to (practice/site_links.py) and the offices (pages/offices.py) follow a publish too."""

import itertools

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from practice.site_structure import site_structure
from tests.factories import (
    FooterLinkFactory,
    LocationIndexPageFactory,
    LocationPageFactory,
    NoticePageFactory,
    StandardPageFactory,
    change_practice_settings,
)
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(home_page):
    """The default site and three more: one host on two ports, and one more host; the Spanish
    home page beside the English one."""
    translate(home_page)
    other_home = StandardPageFactory(parent=home_page, title="Other", slug="other")
    third_home = StandardPageFactory(parent=home_page, title="Third", slug="third")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    Site.objects.create(hostname="other.example", port=8080, root_page=third_home)
    Site.objects.create(hostname="third.example", port=443, root_page=third_home)
    return Site.objects.all()


HOSTS = ["localhost", "other.example", "third.example", "unknown.example", "OTHER.example"]
PORTS = ["80", "443", "8080", "81"]


def test_the_site_for_a_request_is_the_one_wagtail_finds(sites):
    for make_default in [None, *sites]:
        if make_default is not None:
            Site.objects.update(is_default_site=False)
            Site.objects.filter(pk=make_default.pk).update(is_default_site=True)
        cache.clear()
        structure = site_structure()
        for host, port in itertools.product(HOSTS, PORTS):
            request = RequestFactory().get("/", HTTP_HOST=host, SERVER_PORT=port)
            expected = Site._find_for_request(request)
            assert structure.site_for_request(request) == expected, (host, port, make_default)


def test_no_default_site_and_an_unknown_host_finds_none(sites):
    Site.objects.update(is_default_site=False)
    cache.clear()
    request = RequestFactory().get("/", HTTP_HOST="unknown.example")
    assert Site._find_for_request(request) is None
    assert site_structure().site_for_request(request) is None


def test_the_root_paths_are_wagtails(sites):
    cache.clear()
    kept = site_structure().root_paths()
    Site.clear_site_root_paths_cache()
    assert kept == Site.get_site_root_paths()
    assert len(kept) == 5  # the default site in two languages, and three more


def test_reading_them_fills_wagtails_cache_of_root_paths(sites):
    cache.clear()
    site_structure()
    filled = cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
    Site.clear_site_root_paths_cache()
    assert filled == Site.get_site_root_paths()


def test_a_home_page_translated_later_is_found(client, home_page, about_page):
    assert "Bienvenidos" not in client.get("/es/").content.decode()  # no Spanish home yet
    translate(home_page, hero_heading="Bienvenidos")
    assert "Bienvenidos" in client.get("/es/").content.decode()


def test_a_page_added_to_the_menu_shows_on_the_next_render(client, home_page, about_page):
    client.get("/about/")
    StandardPageFactory(parent=home_page, title="Parking", slug="parking", show_in_menus=True)
    menu = soup_of(client.get("/about/")).select_one(".main-nav--wide")
    assert [a.get_text(strip=True) for a in menu.select("a")] == ["About the practice", "Parking"]


def test_a_notice_published_shows_in_every_footer_on_the_next_render(client, home_page):
    client.get("/")
    notice = NoticePageFactory(parent=home_page, title="Notice of privacy practices")
    footer = soup_of(client.get("/")).find("footer")
    assert footer.find("a", string=notice.title)["href"] == notice.url


def test_a_footer_link_added_in_the_settings_shows_on_the_next_render(
    client, home_page, about_page
):
    client.get("/")
    FooterLinkFactory(page=about_page)
    change_practice_settings()  # as the settings editor saves the links, with the settings
    footer = soup_of(client.get("/")).find("footer")
    assert footer.find("a", string="About the practice") is not None


def test_the_primary_offices_hours_follow_a_publish(client, home_page):
    index = LocationIndexPageFactory(parent=home_page)
    office = LocationPageFactory(parent=index, title="Lakeview")
    change_practice_settings(primary_location=office)
    footer = soup_of(client.get("/")).find("footer")
    assert footer.find("a", string="Directions to Lakeview") is not None
    office.title = "Lakeview Clinic"
    office.save_revision().publish()
    footer = soup_of(client.get("/")).find("footer")
    assert footer.find("a", string="Directions to Lakeview Clinic") is not None
    assert footer.find("a", string="All our locations")["href"] == index.url


def test_a_cold_page_reads_the_sites_locales_and_settings_in_two_queries(client, home_page):
    client.get("/")
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    sql = [query["sql"] for query in captured.captured_queries]
    assert sum('FROM "wagtailcore_site"' in query for query in sql) == 1
    assert sum('FROM "wagtailcore_locale"' in query for query in sql) == 1
    assert not any('FROM "practice_practicesettings"' in query for query in sql)
    assert not any('FROM "practice_themesettings"' in query for query in sql)
