"""Spam protection for public forms: a honeypot field and a per-client rate limit.

Used by every form that strangers can post (consultation requests, article comments):

    from practice import spam

    if spam.is_honeypot_filled(request.POST):
        ...  # a bot: pretend it worked, store nothing
    limiter = spam.RateLimiter("consultation", limit=5, period=3600)
    if not limiter.hit(request):
        ...  # too many: say so, keep what the person typed

Render the honeypot with `{% include "components/honeypot_field.html" %}` inside the <form>.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache

from practice.client_address import client_address

# Bots fill in every field they find, and "website" is one they cannot resist. People never see
# it: the component hides it from sight, from the keyboard and from assistive technology.
HONEYPOT_FIELD = "website"


def is_honeypot_filled(form_data):
    """True when the hidden honeypot field came back with anything in it: a bot posted this."""
    return bool(str(form_data.get(HONEYPOT_FIELD, "")).strip())


def private_key(value):
    """A stable, non-reversible key for an address or an email address, never stored as such."""
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:32]


def client_key(request):
    """A stable, non-reversible key for the client: the IP address is never stored as such."""
    return private_key(client_address(request))


class RateLimiter:
    """At most `limit` hits per client in each `period` seconds, counted in the Django cache.

    A fixed window is enough here: it needs one atomic increment per hit and no clean-up, and
    with a shared cache (Redis) every server process sees the same counts.
    """

    def __init__(self, scope, limit, period=3600):
        if limit < 1 or period < 1:
            raise ValueError("A rate limit needs a limit and a period of at least 1.")
        self.scope = scope
        self.limit = limit
        self.period = period

    def _cache_key(self, request, now=None):
        return self._key_for(client_key(request), now)

    def _key_for(self, who, now=None):
        window = int((now if now is not None else time.time()) // self.period)
        return f"ratelimit:{self.scope}:{who}:{window}"

    def hit(self, request):
        """Count one attempt by this client; True while it is within the limit."""
        return self._hit(self._cache_key(request))

    def hit_for(self, value):
        """Count one attempt about `value` (an email address, an account) from any client."""
        return self._hit(self._key_for(private_key(value)))

    def _hit(self, key):
        # add() only creates the counter if it is missing, so concurrent first hits are safe.
        cache.add(key, 0, timeout=self.period)
        try:
            count = cache.incr(key)
        except ValueError:  # the counter expired between add() and incr()
            cache.add(key, 1, timeout=self.period)
            count = 1
        return count <= self.limit

    def is_limited(self, request):
        """True when this client has used up its attempts (without counting a new one)."""
        return cache.get(self._cache_key(request), 0) >= self.limit

    def reset(self, request):
        cache.delete(self._cache_key(request))
