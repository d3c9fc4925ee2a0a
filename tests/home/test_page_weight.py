"""Page weight budgets, measured gzipped as a browser would download them:
all the CSS a page links under 12 KB, and an article's HTML, CSS and JavaScript under 15 KB."""

import gzip
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

CSS_BUDGET = 12 * 1024
ARTICLE_BUDGET = 15 * 1024
ARTICLE_PATH = "/education/exercise-for-low-back-pain/"


class LinkedAssets(HTMLParser):
    """The stylesheets and scripts a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.stylesheets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def gzipped_size(content):
    return len(gzip.compress(content, compresslevel=9))


def fetch(client, url):
    path = url.split("?")[0]
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path.removeprefix(settings.STATIC_URL))
        assert found, f"{url} is linked but no static file has that name"
        with open(found, "rb") as file:
            return file.read()
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_and_assets(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assets = LinkedAssets()
    assets.feed(response.content.decode())
    css = [fetch(client, url) for url in assets.stylesheets]
    js = [fetch(client, url) for url in assets.scripts]
    return response.content, css, js, assets


@pytest.mark.django_db
def test_the_css_for_a_page_stays_under_12_kb_gzipped(client, demo_site):
    for path in ["/", ARTICLE_PATH, "/consultation/", "/education/"]:
        _, css, _, assets = page_and_assets(client, path)
        assert any("site.css" in url for url in assets.stylesheets)
        assert any("theme.css" in url for url in assets.stylesheets)
        size = sum(gzipped_size(content) for content in css)
        assert size < CSS_BUDGET, f"{path} links {size / 1024:.1f} KB of CSS (gzipped)"


@pytest.mark.django_db
def test_an_article_with_its_css_and_scripts_stays_under_15_kb_gzipped(client, demo_site):
    html, css, js, _ = page_and_assets(client, ARTICLE_PATH)
    sizes = {
        "HTML": gzipped_size(html),
        "CSS": sum(map(gzipped_size, css)),
        "JavaScript": sum(map(gzipped_size, js)),
    }
    total = sum(sizes.values())
    detail = ", ".join(f"{kind} {size / 1024:.1f} KB" for kind, size in sizes.items())
    assert total < ARTICLE_BUDGET, f"The article weighs {total / 1024:.1f} KB gzipped: {detail}"
