"""Admin login throttling: after repeated failed sign-ins, refuse further attempts for a while.

Our own rather than django-axes: about fifty lines, no extra tables or migrations, the counters
live in the shared cache (Redis in production) so every node sees the same count, and the
refusal is an ordinary error in Wagtail's own login form, so the person keeps what they typed.

Failures are counted per user name and client address, and per client address alone (someone
trying many user names). A successful sign-in clears its user name's count; otherwise a count
lapses once LOGIN_THROTTLE_WINDOW seconds have passed since its first failure.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm

from practice.client_address import client_address


def now():
    return time.time()


def _key(*parts):
    # Hashed: user names and addresses never appear in cache keys (or Redis' MONITOR output).
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return f"login-throttle:{digest}"


def _keys_and_limits(request, username):
    address = client_address(request)
    user_key = _key("user", username.strip().lower(), address)
    return [
        (user_key, settings.LOGIN_THROTTLE_FAILURES_PER_USER),
        (_key("address", address), settings.LOGIN_THROTTLE_FAILURES_PER_ADDRESS),
    ]


def _live_count(key):
    """Failures recorded under `key` within the current window (0 once the window has passed)."""
    entry = cache.get(key)
    if not entry or now() - entry["since"] >= settings.LOGIN_THROTTLE_WINDOW:
        return 0, None
    return entry["count"], entry["since"]


def seconds_locked(request, username):
    """How long this user name and address must wait, or 0 when they may try."""
    wait = 0
    for key, limit in _keys_and_limits(request, username):
        count, since = _live_count(key)
        if count >= limit:
            wait = max(wait, int(since + settings.LOGIN_THROTTLE_WINDOW - now()) + 1)
    return wait


def record_failure(request, username):
    window = settings.LOGIN_THROTTLE_WINDOW
    for key, _limit in _keys_and_limits(request, username):
        count, since = _live_count(key)
        entry = {"count": count + 1, "since": since or now()}
        cache.set(key, entry, timeout=window)


def clear_failures(request, username):
    cache.delete(_keys_and_limits(request, username)[0][0])


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form, refusing to even check the password while throttled."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        wait = seconds_locked(self.request, username)
        if wait:
            minutes = max(1, round(wait / 60))
            raise ValidationError(
                f"Too many failed sign-in attempts. For your security, sign-in is paused for "
                f"this account from your connection. Try again in about {minutes} minute"
                f"{'s' if minutes != 1 else ''}, or reset your password.",
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            record_failure(self.request, username)
            raise
        clear_failures(self.request, username)
        return cleaned
