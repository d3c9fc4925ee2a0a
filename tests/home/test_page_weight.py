"""Page weight budgets, measured gzipped as a browser would download them:
all the CSS a page links under 12 KB, and an article's HTML, CSS and JavaScript under 17 KB
(15 KB until the search suggestions script; docs/performance.md says why)."""

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

CSS_BUDGET = 12 * 1024
ARTICLE_BUDGET = 17 * 1024
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


FONT_BUDGET = 40 * 1024
FONT_URL = re.compile(r"url\(\"?([^\")]+\.woff2)\"?\)")


def test_the_fonts_a_page_can_load_stay_under_40_kb_and_swap():
    """Every font file site.css can make a page fetch, added up, and each shown with
    font-display: swap so text never waits for it."""
    css_path = Path(finders.find("practice/css/site.css"))
    css = css_path.read_text()
    faces = re.findall(r"@font-face\s*{[^}]*}", css)
    assert faces and all("font-display: swap" in face for face in faces)
    files = [css_path.parent / url for face in faces for url in FONT_URL.findall(face)]
    assert len(files) == len(faces) and all(f.suffix == ".woff2" for f in files)
    total = sum(file.stat().st_size for file in files)
    assert total <= FONT_BUDGET, f"The fonts weigh {total / 1024:.1f} KB"


def test_the_fonts_are_the_ones_the_npm_package_ships():
    """The self-hosted copies are the package's files, unchanged (see docs/licenses.md)."""
    package = Path(settings.BASE_DIR) / "node_modules" / "@fontsource" / "atkinson-hyperlegible"
    if not package.exists():
        pytest.skip("node_modules is not installed (`make checkers` installs it)")
    for copy in Path(finders.find("practice/fonts")).glob("*.woff2"):
        assert copy.read_bytes() == (package / "files" / copy.name).read_bytes(), copy.name
