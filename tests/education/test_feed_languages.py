"""An RSS feed per language: /education/feed/ lists the English articles, /es/educacion/feed/
the Spanish ones, each saying its language and linking the index in it."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticlePageFactory
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


def channel_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def item_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


@pytest.fixture
def articles_in_both_languages(home_page, article_index, article, rubin):
    translate(home_page, title="Inicio")
    spanish = translate(article, title="Ejercicio para el dolor lumbar", slug="ejercicio")
    ArticlePageFactory(parent=article_index, title="Sleep and pain", authors=[rubin])
    return article, spanish


def test_the_english_feed_lists_english_articles_only(client, articles_in_both_languages):
    channel = channel_of(client, "/education/feed/")
    assert sorted(item_titles(channel)) == ["Exercise for low back pain", "Sleep and pain"]
    assert channel.findtext("language") == "en-us"
    assert channel.findtext("link") == "http://testserver/education/"


def test_the_spanish_feed_lists_spanish_articles_only(client, articles_in_both_languages):
    _, spanish = articles_in_both_languages
    channel = channel_of(client, "/es/educacion/feed/")
    assert item_titles(channel) == ["Ejercicio para el dolor lumbar"]
    assert channel.findtext("language") == "es"
    assert channel.findtext("link") == "http://testserver" + spanish.get_parent().url
    link = channel.findall("item")[0].findtext("link")
    assert link == "http://testserver/es/education/ejercicio/"


def test_a_draft_translation_stays_out_of_the_spanish_feed(client, home_page, article):
    translate(home_page, title="Inicio")
    translate(article, title="Borrador", slug="borrador", publish=False)
    assert item_titles(channel_of(client, "/es/educacion/feed/")) == []


def test_the_spanish_feed_has_a_spanish_address_and_the_old_one_leads_there(
    client, articles_in_both_languages
):
    response = client.get("/es/education/feed/")
    assert response.status_code == 301
    assert response["Location"] == "/es/educacion/feed/"
    assert client.get("/es/educacion/feed/")["Content-Type"].startswith("application/rss+xml")
    page = soup_of(client.get(articles_in_both_languages[1].url))
    assert page.select_one('link[type="application/rss+xml"]')["href"] == "/es/educacion/feed/"
