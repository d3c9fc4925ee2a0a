"""What search engines, maps and link previews read, on every page of the demo in both
languages (every address the sitemap lists): one JSON-LD graph with the practice defined once,
its offices with their address in parts, coordinates, hours and E.164 telephone, the page's
own language; a picture and the language for link previews; titles and descriptions that fit
in a search result."""

import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from tests.helpers import soup_of
from tests.schema_shapes import problems

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BRAND = "Rubin Pain Management"
# Longer titles and descriptions are cut in search results; shorter descriptions say too little.
TITLE_LIMIT = 65
DESCRIPTION_RANGE = (50, 160)


def sitemap_paths(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return [urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP}loc")]


def is_spanish(path):
    return path == "/es/" or path.startswith("/es/")


def meta(soup, prop):
    tag = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
    return tag["content"] if tag else None


def appearance_problems(client, path):
    response = client.get(path)
    if response.status_code != 200:
        return [f"answered {response.status_code}"]
    soup = soup_of(response)
    spanish = is_spanish(path)
    found = []
    scripts = soup.select('script[type="application/ld+json"]')
    if len(scripts) != 1:
        found.append(f"{len(scripts)} JSON-LD scripts")
    else:
        found += problems(json.loads(scripts[0].string), "es-US" if spanish else "en-US")
    for prop in ("og:image", "og:image:width", "og:image:height", "og:image:alt"):
        if not meta(soup, prop):
            found.append(f"no {prop}")
    if meta(soup, "og:locale") != ("es_US" if spanish else "en_US"):
        found.append(f"og:locale {meta(soup, 'og:locale')}")
    translated = soup.find(
        "link", attrs={"rel": "alternate", "hreflang": "en-US" if spanish else "es"}
    )
    alternates = [tag["content"] for tag in soup.find_all("meta", property="og:locale:alternate")]
    if alternates != (["en_US" if spanish else "es_US"] if translated else []):
        found.append(f"og:locale:alternate {alternates} (translation: {bool(translated)})")
    title = soup.title.get_text()
    if len(title) > TITLE_LIMIT or title.count(BRAND) > 1:
        found.append(f"title ({len(title)}): {title}")
    description = meta(soup, "description") or ""
    if not DESCRIPTION_RANGE[0] <= len(description) <= DESCRIPTION_RANGE[1]:
        found.append(f"description ({len(description)}): {description}")
    return found


def test_every_page_in_both_languages_reads_right_to_search_engines_and_previews(client, demo_site):
    paths = sitemap_paths(client)
    assert any(is_spanish(path) for path in paths) and len(paths) > 40
    report = {path: found for path in paths if (found := appearance_problems(client, path))}
    assert not report, json.dumps(report, indent=1, ensure_ascii=False)
