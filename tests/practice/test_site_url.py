"""Every absolute URL the site writes is on SITE_URL, whatever host the request came in on."""

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import override_settings
from wagtail.models import Site

from education.models import ArticlePage, ClinicianPage
from practice import site_url

PUBLIC = "https://www.rubinpain.example"
HOSTS = ["127.0.0.1:8000", "node-a.internal", "practice.example"]  # each in ALLOWED_HOSTS (*)
URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def public_site(demo_site):
    with override_settings(SITE_URL=PUBLIC):
        site_url.apply_to_wagtail_site()  # what `migrate` does (a post-migrate step)
        yield Site.objects.get(is_default_site=True)


def own_urls(text):
    """Absolute URLs on any of this site's host names (links out to journals stay as they are)."""
    ours = {*HOSTS, "localhost", "testserver", "www.rubinpain.example"}
    return [url for url in URL.findall(text) if urlsplit(url).netloc in ours]


def json_ld_urls(html):
    urls = []

    def walk(value, key=None):
        if isinstance(value, dict):
            for name, item in value.items():
                if name != "citation":  # the journals' own addresses
                    walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif key in ("@id", "url", "image", "mainEntityOfPage"):
            urls.append(value)

    for script in html.select('script[type="application/ld+json"]'):
        walk(json.loads(script.string))
    return urls


def assert_on_site_url(urls, what):
    assert urls, what
    for url in urls:
        assert url.startswith(PUBLIC + "/"), (what, url)


def test_the_default_site_takes_host_and_port_from_site_url(public_site):
    assert (public_site.hostname, public_site.port) == ("www.rubinpain.example", 443)
    assert public_site.root_url == PUBLIC


@pytest.mark.parametrize("page_type", [ArticlePage, ClinicianPage])
def test_every_absolute_url_on_a_page_follows_site_url_whatever_the_host(
    client, public_site, page_type
):
    page = page_type.objects.live().first()
    for host in HOSTS:  # the first renders the cached fragments, the others read them
        response = client.get(page.url, HTTP_HOST=host)
        assert response.status_code == 200
        text = response.content.decode()
        html = BeautifulSoup(text, "html.parser")
        named = [
            html.select_one('link[rel="canonical"]')["href"],
            html.select_one('meta[property="og:url"]')["content"],
            html.select_one('meta[property="og:image"]')["content"],
            *json_ld_urls(html),
        ]
        assert_on_site_url(named, f"{page.url} on {host}")
        assert_on_site_url(own_urls(text), f"{page.url} on {host}")
        assert host not in text


def test_robots_sitemap_and_feed_follow_site_url(client, public_site):
    for host in HOSTS:
        robots = client.get("/robots.txt", HTTP_HOST=host).content.decode()
        assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
        sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
        locs = [loc.text for loc in ET.fromstring(sitemap).iter() if loc.tag.endswith("loc")]
        assert_on_site_url(locs, f"sitemap on {host}")
        feed = client.get("/education/feed/", HTTP_HOST=host).content.decode()
        assert_on_site_url(own_urls(feed), f"feed on {host}")
        assert host not in feed


def test_notification_e_mails_link_to_site_url(client, public_site):
    from pages.consultation.models import ConsultationFormPage
    from tests.helpers import mail_sent
    from tests.pages.consultation.helpers import VALID_ANSWERS

    form_page = ConsultationFormPage.objects.live().first()
    form_page.to_address = "office@practice.example"
    form_page.save_revision().publish()
    with mail_sent():
        response = client.post(form_page.url, VALID_ANSWERS, HTTP_HOST="node-a.internal")
    assert response.status_code == 303
    (message,) = mail.outbox
    assert f"{PUBLIC}/admin/consultation-requests/" in message.body
    assert "node-a.internal" not in message.body


def test_the_deploy_check_warns_without_a_public_site_url():
    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        warnings = site_url.check_site_url_is_public(None)
    assert [w.id for w in warnings] == ["practice.W001"]
    with override_settings(SITE_URL=PUBLIC):
        assert site_url.check_site_url_is_public(None) == []


@pytest.mark.parametrize(
    "value", ["www.example.com", "https://example.com/practice", "https://example.com:8443"]
)
def test_a_site_url_wagtail_cannot_express_is_an_error(value):
    with override_settings(SITE_URL=value):
        assert [e.id for e in site_url.check_site_url(None)] == ["practice.E001"]
