import posixpath
import sys

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.views import defaults
from django.views.decorators.http import require_GET
from django.views.static import serve

from .cross_site import CROSS_SITE_REASONS
from .models import ThemeSettings
from .outage import DATABASE_ERRORS, log_outage, service_unavailable
from .site_url import absolute

ONE_YEAR = 365 * 24 * 60 * 60


@require_GET
def theme_css(request):
    """The theme's colours as CSS custom properties: a stylesheet, so pages need no inline style.

    Pages link it with ?v=<version>; a matching version never changes, so it is cached for a year.
    """
    theme = ThemeSettings.for_request(request)
    css = render_to_string("practice/theme.css", {"theme": theme})
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == theme.version:
        response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    else:
        response["Cache-Control"] = "public, max-age=300"
    return response


# Uploaded originals can be huge and still carry camera metadata (location, device); pages only
# ever show renditions, so originals are never served. Documents are served by Wagtail's
# /documents/ view, which checks private collections; a direct /media/documents/ URL would skip
# that check. nginx does the same (docs/deployment.md).
PRIVATE_MEDIA_PREFIXES = ("original_images/", "documents/")


@require_GET
def media(request, path):
    """Uploads, for development and tests only (production serves them from nginx)."""
    # Normalised as serve() does, so /media/images/../original_images/ is caught too.
    if posixpath.normpath(path).lstrip("/").startswith(PRIVATE_MEDIA_PREFIXES):
        raise Http404("Original images are not served.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def server_error(request):
    """handler500: a database outage met outside a view (in a middleware) still gets the 503."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        log_outage(request, exception)
        return service_unavailable()
    return defaults.server_error(request)


@require_GET
def robots_txt(request):
    """Crawlers may read every public page; the admin and search results (and suggestions) in
    every language are not for them."""
    searches = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            searches += [reverse("search"), reverse("search_suggestions")]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {path}" for path in dict.fromkeys(searches)),
        "",
        f"Sitemap: {absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def moved_spanish_feed(request):
    """/es/education/feed/, where the Spanish feed was: for good at its Spanish address."""
    with translation.override("es"):
        return HttpResponsePermanentRedirect(reverse("education_feed"))


def csrf_failure(request, reason=""):
    """A forged, missing or expired CSRF token, or a form sent from another site
    (practice/cross_site.py): explain in plain words, in the site's layout.

    The reason is for developers and stays out of the page; nothing the visitor posted is shown.
    """
    context = {"from_another_site": reason in CROSS_SITE_REASONS}
    response = render(request, "403_csrf.html", context, status=403)
    response["Cache-Control"] = "private, no-store"
    return response
