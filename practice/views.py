from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from .models import ThemeSettings

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


@require_GET
def robots_txt(request):
    """Crawlers may read every public page; the admin and search results are not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    """A forged, missing or expired CSRF token: explain in plain words, in the site's layout.

    The reason is for developers and stays out of the page; nothing the visitor posted is shown.
    """
    response = render(request, "403_csrf.html", status=403)
    response["Cache-Control"] = "private, no-store"
    return response
