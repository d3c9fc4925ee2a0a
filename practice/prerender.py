"""A published page is rendered once in the background, so its first visitor does not wait.

A page's pictures are encoded (AVIF, WebP, JPEG at three or four widths) the first time a
template asks for them: 0.8-1.0 s on the first request after a publish. Which renditions a page
needs is written only in its templates ({% picture %} filter specs), so rather than repeat them
here, a background task requests the page (and the pages above it, whose listings show its card)
as an anonymous visitor would, through the whole middleware stack. That makes the renditions,
fills the template fragments, and leaves the page in the page cache.

The task runs on django-tasks' database backend ("background" in settings.TASKS): no service
beyond PostgreSQL, a worker beside gunicorn (`manage.py db_worker --backend background`,
docs/deployment.md). The task row is written in the publishing transaction, so the worker only
sees it once the publish is committed.
"""

import io
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django_tasks import task

logger = logging.getLogger(__name__)


def anonymous_request(path):
    """A GET for `path` on SITE_URL, with no cookies: what a first-time visitor sends."""
    site = urlsplit(settings.SITE_URL)
    secure = site.scheme == "https"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": site.hostname,
        "SERVER_PORT": str(site.port or (443 if secure else 80)),
        "HTTP_HOST": site.netloc,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": site.scheme,
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    if secure:
        environ["HTTP_X_FORWARDED_PROTO"] = "https"  # as the proxy says (SECURE_PROXY_SSL_HEADER)
    return WSGIRequest(environ)


def pages_to_render(page):
    """The page and the live pages above it, below the tree's root: their listings show it."""
    ancestors = page.get_ancestors().filter(depth__gt=1).live().public()
    return [page, *ancestors.reverse()]


@task(backend="background")
def render_published_page(page_id):
    from wagtail.models import Page

    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        return []  # unpublished or made private since
    handler = WSGIHandler()
    statuses = []
    for each in pages_to_render(page):
        path = each.url
        if path is None or "://" in path:
            continue  # not on this site
        response = handler.get_response(anonymous_request(path))
        statuses.append(response.status_code)
        if response.status_code != 200:
            logger.warning("Rendering %s after a publish answered %s", path, response.status_code)
    return statuses


def on_page_published(sender, instance, **kwargs):
    render_published_page.enqueue(instance.pk)


def connect_signals():
    from wagtail.signals import page_published

    page_published.connect(on_page_published, dispatch_uid="practice-prerender-published")
