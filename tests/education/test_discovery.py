"""Structured data, the feed, the sitemap and robots.txt: what machines read about articles."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from tests.education.helpers import json_ld_of
from tests.factories import ArticlePageFactory, ClinicianPageFactory
from tests.helpers import json_ld_graph, make_private

pytestmark = pytest.mark.django_db


def test_article_json_ld_is_a_medical_web_page_about_a_reviewed_article(client, article):
    data = json_ld_of(client.get(article.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["audience"] == "https://schema.org/Patient"
    assert data["lastReviewed"] == "2026-02-01"
    assert data["about"] == [{"@type": "Thing", "name": "Back pain"}]
    reviewer = data["reviewedBy"]
    assert reviewer["@type"] == "Person" and reviewer["name"] == "Edward Rubin"
    entity = data["mainEntity"]
    assert entity["@type"] == "Article"
    assert entity["headline"] == "Exercise for low back pain"
    assert entity["datePublished"] == "2026-01-20"
    assert entity["image"].endswith(".fill-1200x630.jpg")
    [author] = entity["author"]
    rubin = article.article_authors.first().clinician
    assert author == {
        "@id": rubin.get_full_url() + "#person",
        "@type": "Person",
        "name": "Edward Rubin",
        "honorificPrefix": "Dr.",
        "honorificSuffix": "MD",
        "jobTitle": "Pain medicine physician",
        "url": rubin.get_full_url(),
    }
    # The practice is named by @id and defined once in the graph, its address in parts.
    organization = json_ld_graph(client.get(article.url))[entity["publisher"]["@id"]]
    assert organization["@type"] == "MedicalOrganization"
    assert organization["name"] == "Rubin Pain Management"
    assert organization["telephone"] == "+15550142290"


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, article_index, rubin):
    title = 'Pain </script><script>alert("x")</script> & <!-- more'
    article = ArticlePageFactory(parent=article_index, title=title, authors=[rubin])
    response = client.get(article.url)
    html = response.content.decode()
    assert '</script><script>alert("x")' not in html
    assert "\\u003C/script\\u003E" in html
    assert json_ld_of(response)["name"] == title


def test_json_ld_never_links_draft_or_private_profiles(client, article_index, clinician_index):
    draft = ClinicianPageFactory(
        parent=clinician_index, given_name="Nora", family_name="Vance", publish=False
    )
    private = ClinicianPageFactory(parent=clinician_index, given_name="Omar", family_name="Haddad")
    make_private(private)
    article = ArticlePageFactory(
        parent=article_index,
        authors=[draft, private],
        medical_reviewer=private,
        last_reviewed=datetime.date(2026, 1, 5),
    )
    data = json_ld_of(client.get(article.url))
    assert [person.get("url") for person in data["mainEntity"]["author"]] == [None, None]
    assert "url" not in data["reviewedBy"]
    assert draft.url not in client.get(article.url).content.decode()


def test_clinician_json_ld_is_a_profile_page_about_a_person(client, rubin):
    data = json_ld_of(client.get(rubin.url))
    assert data["@type"] == "ProfilePage"
    person = data["mainEntity"]
    assert person["@type"] == "Person"
    assert person["name"] == "Edward Rubin"
    assert person["honorificPrefix"] == "Dr."
    assert person["jobTitle"] == "Pain medicine physician"
    assert json_ld_graph(client.get(rubin.url))[person["worksFor"]["@id"]]["@type"] == (
        "MedicalOrganization"
    )
    assert data["about"] == {"@id": person["@id"]}


def test_article_has_canonical_open_graph_and_twitter_tags(client, article):
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert html.title.get_text() == "Exercise for low back pain | Rubin Pain Management"
    assert html.select_one('meta[name="description"]')["content"] == article.summary
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(article.url)
    assert html.select_one('meta[property="og:type"]')["content"] == "article"
    assert html.select_one('meta[property="og:url"]')["content"] == canonical
    assert html.select_one('meta[property="og:image"]')["content"].startswith("http://testserver/")
    assert html.select_one('meta[property="og:image:alt"]')["content"] == "A person stretching"
    assert html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    assert html.select_one('meta[name="twitter:title"]')["content"] == article.title


def test_filtered_index_has_its_own_canonical_address(client, article):
    html = BeautifulSoup(client.get("/education/?topic=back-pain").content, "html.parser")
    assert html.select_one('link[rel="canonical"]')["href"].endswith("/education/?topic=back-pain")


# --- Feed ---


def feed_items(client):
    response = client.get("/education/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_feed_lists_the_twenty_newest_live_public_articles(client, article_index, rubin):
    start = datetime.date(2025, 1, 1)
    for n in range(23):
        ArticlePageFactory(
            parent=article_index,
            title=f"Article {n:02}",
            authors=[rubin],
            display_date=start + datetime.timedelta(days=n),
        )
    channel, items = feed_items(client)
    assert channel.findtext("title") == "Rubin Pain Management: patient education"
    assert len(items) == 20
    assert [item.findtext("title") for item in items[:2]] == ["Article 22", "Article 21"]
    newest = article_index.get_children().specific().get(title="Article 22")
    assert items[0].findtext("link") == "http://testserver" + newest.url
    assert items[0].findtext("description").startswith("What patients should know")


def test_draft_and_private_articles_never_appear_in_the_feed(client, article_index, article):
    ArticlePageFactory(parent=article_index, title="Draft in feed", publish=False)
    make_private(ArticlePageFactory(parent=article_index, title="Private in feed"))
    gone = ArticlePageFactory(parent=article_index, title="Unpublished in feed")
    gone.unpublish()
    _, items = feed_items(client)
    assert [item.findtext("title") for item in items] == [article.title]
    assert [c.text for c in items[0].findall("category")] == ["Back pain"]


# --- Sitemap and robots ---

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_public_pages_with_lastmod(client, article_index, article):
    draft = ArticlePageFactory(parent=article_index, title="Draft", publish=False)
    private = ArticlePageFactory(parent=article_index, title="Private")
    make_private(private)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urls = ET.fromstring(response.content).findall("s:url", SITEMAP_NS)
    locations = {url.findtext("s:loc", namespaces=SITEMAP_NS): url for url in urls}
    article_url = next(loc for loc in locations if loc.endswith(article.url))
    assert locations[article_url].findtext("s:lastmod", namespaces=SITEMAP_NS)
    assert any(loc.endswith("/education/") for loc in locations)
    assert not any(loc.endswith(draft.url or f"/{draft.slug}/") for loc in locations)
    assert not any(loc.endswith(f"/{private.slug}/") for loc in locations)


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    # Every language's results and suggestions: what patients typed is in those addresses.
    assert "Disallow: /es/search/" in lines
    assert "Disallow: /es/search-suggestions/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
