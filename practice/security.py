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
"""

ADMIN_PREFIX = "/admin/"  # where practice/urls.py mounts the Wagtail admin


def build_policy(directives):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


PUBLIC_POLICY = build_policy(
    {
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
)

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


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIX)


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
        policy = ADMIN_POLICY if is_admin_path(request.path_info) else PUBLIC_POLICY
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
