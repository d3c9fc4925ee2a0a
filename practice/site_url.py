"""The site's public address, settings.SITE_URL, and every absolute URL built on it.

The same page is reached under more than one host name (the bare domain and www, a node's own
address behind the proxy, 127.0.0.1 in development). Absolute URLs built from the request's
host differed between them, and a cached fragment kept whichever host rendered it first; search
engines and social networks then saw several addresses for one page. So no absolute URL comes
from the request: canonical, og:url, sitemap and JSON-LD addresses come from Wagtail's Site
record, which `migrate` sets from SITE_URL (apply_to_wagtail_site, a post-migrate step), and
everything else (robots.txt, RSS, og:image, JSON-LD images, emails) from `absolute()`.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "testserver"}


def absolute(url):
    """`url` on the public address; a URL that already names its host (a rendition on object
    storage, say) is returned as it is."""
    if url is None or urlsplit(url).netloc:
        return url
    return settings.SITE_URL + "/" + url.lstrip("/")


def host_and_port(site_url):
    parts = urlsplit(site_url)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def apply_to_wagtail_site(**kwargs):
    """Give the default Wagtail Site the host and port of SITE_URL (a post_migrate receiver).

    Only when they differ: a save clears Wagtail's site cache and the page caches."""
    from wagtail.models import Site

    hostname, port = host_and_port(settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()


def expressible(site_url):
    """Whether Wagtail's Site (a host and a port; https only on port 443) can say `site_url`."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        return False
    return parts.scheme == "http" or parts.port in (None, 443)


@checks.register(checks.Tags.urls)
def check_site_url(app_configs, **kwargs):
    if expressible(settings.SITE_URL):
        return []
    return [
        checks.Error(
            f"SITE_URL {settings.SITE_URL!r} is not a public address Wagtail can use.",
            hint="Use scheme and host only, e.g. https://www.example.com (https on port 443).",
            id="practice.E001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_site_url_is_public(app_configs, **kwargs):
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme == "https" and parts.hostname not in LOOPBACK_HOSTS:
        return []
    return [
        checks.Warning(
            f"SITE_URL is {settings.SITE_URL!r}: canonical addresses, the sitemap, feeds and "
            "emails would point there.",
            hint="Set SITE_URL to the site's public https address (see docs/deployment.md).",
            id="practice.W001",
        )
    ]
