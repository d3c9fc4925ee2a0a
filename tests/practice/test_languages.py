"""English at /, Spanish under /es/: the language comes from the address, each page says which
language it is in and where its other versions are, and the switcher never lands on a page in
the wrong language."""

import pytest
from django.urls import reverse

from tests.factories import StandardPageFactory
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_home(home_page):
    return translate(home_page, title="Inicio")


@pytest.fixture
def about_es(about_page, spanish_home):
    return translate(about_page, title="Sobre la práctica", slug="sobre-nosotros")


def test_english_pages_say_english_and_spanish_pages_say_spanish(client, about_page, about_es):
    english = client.get("/about/")
    spanish = client.get("/es/sobre-nosotros/")
    assert soup_of(english).html["lang"] == "en-US"
    assert soup_of(spanish).html["lang"] == "es"
    assert spanish["Content-Language"] == "es"
    assert "Sobre la práctica" in soup_of(spanish).h1.text


def test_the_browser_language_never_redirects_or_changes_the_page(client, about_page, about_es):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert soup_of(response).html["lang"] == "en-US"
    assert "Accept-Language" not in response.get("Vary", "")


def test_a_language_the_site_does_not_speak_is_not_found(client, about_page, spanish_home):
    assert client.get("/fr/").status_code == 404
    assert client.get("/fr/about/").status_code == 404
    assert client.get("/es/about/").status_code == 404  # no Spanish version: never English


def test_translated_pages_list_each_other_with_x_default(client, about_page, about_es):
    for url in ("/about/", "/es/sobre-nosotros/"):
        html = soup_of(client.get(url))
        tags = html.select('link[rel="alternate"][hreflang]')
        links = {link["hreflang"]: link["href"] for link in tags}
        assert links == {
            "en-US": "http://localhost/about/",
            "es": "http://localhost/es/sobre-nosotros/",
            "x-default": "http://localhost/about/",
        }


def test_a_page_in_one_language_lists_no_alternates(client, about_page, spanish_home):
    html = soup_of(client.get("/about/"))
    assert not html.select('link[rel="alternate"][hreflang]')


def test_the_switcher_lands_on_the_same_page_in_the_other_language(client, about_page, about_es):
    english = soup_of(client.get("/about/")).select_one("a.language-switcher")
    assert english["href"] == "/es/sobre-nosotros/"
    assert english["lang"] == "es" and english.text == "Español"
    spanish = soup_of(client.get("/es/sobre-nosotros/")).select_one("a.language-switcher")
    assert spanish["href"] == "/about/"
    assert spanish.text == "English"


def test_without_a_translation_the_switcher_goes_home_and_says_so(
    client, home_page, about_page, spanish_home
):
    untranslated = StandardPageFactory(parent=home_page, title="Billing", slug="billing")
    link = soup_of(client.get(untranslated.url)).select_one("a.language-switcher")
    assert link["href"] == "/es/?untranslated=1"
    landing = client.get(link["href"])
    assert landing.status_code == 200
    assert soup_of(landing).html["lang"] == "es"
    assert soup_of(landing).select_one(".page-notice")
    assert not soup_of(client.get("/es/")).select_one(".page-notice")


def test_a_draft_translation_is_never_linked(client, about_page, spanish_home):
    translate(about_page, slug="sobre-nosotros", publish=False)
    link = soup_of(client.get("/about/")).select_one("a.language-switcher")
    assert link["href"] == "/es/?untranslated=1"
    assert client.get("/es/sobre-nosotros/").status_code == 404


def test_search_and_feed_exist_in_each_language(client, spanish_home):
    assert reverse("search") == "/search/"
    response = client.get("/es/search/?q=dolor")
    assert response.status_code == 200
    assert soup_of(response).html["lang"] == "es"
    link = soup_of(response).select_one("a.language-switcher")
    assert link["href"] == "/search/?q=dolor"
    assert client.get("/es/educacion/feed/").status_code in (200, 404)


def test_menus_and_home_links_stay_in_the_language(client, home_page, about_page, about_es):
    about_page.show_in_menus = True
    about_page.save_revision().publish()
    about_es.show_in_menus = True
    about_es.save_revision().publish()
    html = soup_of(client.get("/es/sobre-nosotros/"))
    assert html.select_one(".site-header__brand")["href"] == "/es/"
    menu = [a["href"] for a in html.select(".main-nav--wide a")]
    assert "/es/sobre-nosotros/" in menu and "/about/" not in menu


def test_the_sitemap_lists_both_languages_with_alternates(client, about_page, about_es):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/es/sobre-nosotros/</loc>" in xml
    assert 'hreflang="es" href="http://localhost/es/sobre-nosotros/"' in xml
    assert 'hreflang="x-default" href="http://localhost/about/"' in xml


def test_an_alias_in_the_spanish_tree_is_never_served(client, about_page, spanish_home):
    """Wagtail makes an untranslated parent an alias of the English page; under /es/ that
    would show English words, so it is not found."""
    from wagtail.models import Locale

    alias = about_page.copy_for_translation(
        Locale.objects.get(language_code="es"), copy_parents=True, alias=True
    )
    assert alias.live and alias.alias_of_id == about_page.pk
    assert client.get("/es/about/").status_code == 404
