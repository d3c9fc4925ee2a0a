"""Protection from cross-site posting without a per-visitor token in public pages.

Django's CSRF check needs a token in every form, which makes every page with a form differ from
one visitor to the next, so no CDN or proxy cache could share it. For anonymous visitors on the
public site (the comment form, the consultation form, a page password) the browser's own word
stands in for the token instead: every current browser sends `Origin` on a POST, and
`Sec-Fetch-Site` with it, whether or not JavaScript runs, and no page on another site can
forge either.

- `Sec-Fetch-Site`, when sent, must be `same-origin` (a form on this site) or `none` (typed
  or bookmarked by the person themselves); `same-site` and `cross-site` are refused.
- `Origin`, when sent, must be this site: SITE_URL, the address the request came in on, or one
  of CSRF_TRUSTED_ORIGINS.
- A POST with neither header comes from no browser that would protect its user, and is refused.

Signed-in people and everything under the admin keep Django's token check, unchanged: their
pages are never shared by a cache, and the token also guards the admin's own sign-in form.
This middleware comes just before Django's CsrfViewMiddleware and leaves those requests to it;
an anonymous post it accepts is marked as checked, one it refuses gets CSRF_FAILURE_VIEW (the
site's themed 403 page), as Django's own refusals do.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin
from django.utils.module_loading import import_string

from .security import is_admin_path

logger = logging.getLogger("django.security.csrf")

# Reasons handed to the failure view (practice.views.csrf_failure chooses its wording by them).
REASON_CROSS_SITE = "Sec-Fetch-Site says the form was sent from another site."
REASON_FOREIGN_ORIGIN = "Origin is not this site."
REASON_NO_ORIGIN = "Neither Origin nor Sec-Fetch-Site was sent."
CROSS_SITE_REASONS = frozenset({REASON_CROSS_SITE, REASON_FOREIGN_ORIGIN, REASON_NO_ORIGIN})

SAME_SITE_FETCHES = frozenset({"same-origin", "none"})
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def token_required(request):
    """Whether this request is checked with Django's token (and its form must carry one)."""
    user = getattr(request, "user", None)
    return is_admin_path(request.path_info) or (user is not None and user.is_authenticated)


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def allowed_origins(request):
    own = f"{request.scheme}://{request.get_host()}"
    return {origin_of(settings.SITE_URL), own.lower()} | {
        origin_of(trusted) for trusted in settings.CSRF_TRUSTED_ORIGINS if "*" not in trusted
    }


def cross_site_reason(request):
    """Why this POST may not have come from this site's own page, or None if it did."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if fetch_site is None and origin is None:
        return REASON_NO_ORIGIN
    if fetch_site is not None and fetch_site.lower() not in SAME_SITE_FETCHES:
        return REASON_CROSS_SITE
    if origin is not None and origin.lower() not in allowed_origins(request):
        return REASON_FOREIGN_ORIGIN  # "null" too: a sandboxed frame or a privacy redirect
    return None


class CrossSiteOriginMiddleware(MiddlewareMixin):
    """Checks anonymous public posts by Origin; leaves every other request to Django's CSRF."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method in SAFE_METHODS
            or getattr(callback, "csrf_exempt", False)
            # The test client's default, as in Django: tests that are not about CSRF skip it.
            or getattr(request, "_dont_enforce_csrf_checks", False)
            or token_required(request)
        ):
            return None  # Django's CsrfViewMiddleware, next in line, decides
        reason = cross_site_reason(request)
        if reason is not None:
            logger.warning("Forbidden (%s): %s", reason, request.path)
            return import_string(settings.CSRF_FAILURE_VIEW)(request, reason=reason)
        request.csrf_processing_done = True  # the Origin stands in for the token
        return None
