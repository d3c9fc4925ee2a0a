"""The address a request came from, for rate limits and sign-in throttling.

Behind a reverse proxy every request arrives from the proxy's address, so one patient's
comments would use up everyone's allowance. With TRUST_X_FORWARDED_FOR on (only behind a proxy
that appends the client's address itself, like nginx's `proxy_add_x_forwarded_for`), the
address the proxy saw is used instead.
"""

from django.conf import settings


def client_address(request):
    if request is None:
        return "unknown"
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The last entry is the one our proxy appended; earlier ones the client could forge.
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"
