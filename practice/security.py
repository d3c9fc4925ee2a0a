"""Security headers on every response.

Django's SecurityMiddleware already sends HSTS (production), X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy from settings; this adds what Django 5.2 lacks:
a Content-Security-Policy and a Permissions-Policy.

Public pages get a strict policy: nothing inline, nothing from another origin, never framed.
The Wagtail admin cannot live under it: its inline panels and date pickers initialise with
inline <script> elements and its widgets write style attributes, so it gets its own policy that
still allows nothing from another origin, no plugins, no <base> hijacking, no foreign form
targets, and framing only by itself (the editor shows page previews, which are rendered from
the public templates at /admin/…/preview/, in an iframe).

Public pages have one inline block: the theme's colours in the <head> (`{% theme_style %}`).
That page's policy allows that exact text by its SHA-256 hash and nothing else, so the colours
cost no render-blocking request; the page cache keeps the hash with the page
(practice/page_cache.py).
"""

import base64
import functools
import hashlib

ADMIN_PREFIX = "/admin/"  # where practice/urls.py mounts the Wagtail admin


def build_policy(directives):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


PUBLIC_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
PUBLIC_POLICY = build_policy(PUBLIC_DIRECTIVES)

ADMIN_POLICY = build_policy(
    {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Upload previews are drawn from blob: and data: URLs.
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
)

# Features no page of a practice website needs; denying them means an injected or compromised
# script cannot ask a patient for them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


# The admin's sign-in asks for a passkey (practice/staff_auth/): there, and only for this
# origin, the browser may create and use one.
ADMIN_PERMISSIONS_POLICY = ", ".join(
    [
        item
        for item in PERMISSIONS_POLICY.split(", ")
        if not item.startswith("publickey-credentials-get=")
    ]
    + ["publickey-credentials-create=(self)", "publickey-credentials-get=(self)"]
)


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIX)


def style_source(css):
    """The CSP source that allows an inline <style> with exactly this text, and no other."""
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def allow_inline_style(request, css):
    """Let this response's policy allow an inline <style> holding `css`."""
    request.csp_style_sources = [*getattr(request, "csp_style_sources", ()), style_source(css)]


def public_policy(style_sources=()):
    """The public policy, allowing the given inline styles (their `style_source`) too."""
    if not style_sources:
        return PUBLIC_POLICY
    return _policy_with_styles(tuple(style_sources))


@functools.lru_cache(maxsize=64)  # a site has a theme or two: the same hashes on every page
def _policy_with_styles(style_sources):
    return build_policy({**PUBLIC_DIRECTIVES, "style-src": ["'self'", *style_sources]})


class SecurityHeadersMiddleware:
    """Adds CSP and Permissions-Policy; a view that sets its own keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            # Wagtail renders previews by running a dummy request for the page's public URL
            # through the middleware; the real admin request around it sets the headers.
            return response
        if is_admin_path(request.path_info):
            policy, permissions = ADMIN_POLICY, ADMIN_PERMISSIONS_POLICY
        else:
            policy = public_policy(getattr(request, "csp_style_sources", ()))
            permissions = PERMISSIONS_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", permissions)
        return response
