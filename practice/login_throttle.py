"""Admin login throttling: after repeated failed sign-ins, refuse further attempts for a while.

Our own rather than django-axes: a short module, no extra tables or migrations, the counters
live in the shared cache (Redis in production) so every node sees the same count, and the
refusal is an ordinary error in Wagtail's own login form, so the person keeps what they typed.

Failures are counted three ways:

- per user name and client address: that client pauses for the rest of the window;
- per client address alone (someone trying many user names): that client pauses;
- per account, from every address together (someone guessing one account's password from
  many addresses): past LOGIN_THROTTLE_FAILURES_PER_ACCOUNT the account is *locked* for
  LOGIN_LOCKOUT_SECONDS. A lock refuses even the right password, is written to the audit log,
  is listed for administrators ("Locked sign-ins", practice/staff_admin.py), and one of them
  can lift it early. Success does not reset the account's count: otherwise the account's owner
  signing in now and then would give a patient attacker a fresh allowance each time.

A count lapses once LOGIN_THROTTLE_WINDOW seconds have passed since its first failure; a
successful sign-in clears its user name and address count. A user name that belongs to no
account is counted and locked just the same, so the answers never tell whether it exists.

While Redis is down the counts and locks live in each process's memory
(practice/resilient_cache.py): sign-in still answers, every process counts on its own (so an
attacker gets at most the limits once per process), and "Locked sign-ins" shows the locks of the
process that answers it. Locks made before the outage are back when Redis is.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from wagtail.admin.forms.auth import LoginForm
from wagtail.log_actions import log

from practice.client_address import client_address

logger = logging.getLogger(__name__)

LOCKED = "practice.sign_in_locked"
UNLOCKED = "practice.sign_in_unlocked"


def now():
    return time.time()


def _key(*parts):
    # Hashed: user names and addresses never appear in cache keys (or Redis' MONITOR output).
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return f"login-throttle:{digest}"


def account_name(username):
    """One spelling per account name: "DR.Rubin" and "dr.rubin " are counted together."""
    return username.strip().lower()


def _keys_and_limits(request, username):
    address = client_address(request)
    user_key = _key("user", account_name(username), address)
    return [
        (user_key, settings.LOGIN_THROTTLE_FAILURES_PER_USER),
        (_key("address", address), settings.LOGIN_THROTTLE_FAILURES_PER_ADDRESS),
    ]


def _account_key(username):
    return _key("account", account_name(username))


def _lock_key(username):
    return _key("lock", account_name(username))


def _live_count(key):
    """Failures recorded under `key` within the current window (0 once the window has passed)."""
    entry = cache.get(key)
    if not entry or now() - entry["since"] >= settings.LOGIN_THROTTLE_WINDOW:
        return 0, None
    return entry["count"], entry["since"]


def _count(key):
    """Record one failure under `key`; the number of failures in its window."""
    count, since = _live_count(key)
    cache.set(key, {"count": count + 1, "since": since or now()}, settings.LOGIN_THROTTLE_WINDOW)
    return count + 1


def seconds_locked(request, username):
    """How long this user name and address must wait, or 0 when they may try."""
    wait = 0
    for key, limit in _keys_and_limits(request, username):
        count, since = _live_count(key)
        if count >= limit:
            wait = max(wait, int(since + settings.LOGIN_THROTTLE_WINDOW - now()) + 1)
    return wait


def record_failure(request, username):
    for key, _limit in _keys_and_limits(request, username):
        _count(key)
    failures = _count(_account_key(username))
    if failures >= settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT and not account_lock(username):
        lock_account(username, failures)


def clear_failures(request, username):
    cache.delete(_keys_and_limits(request, username)[0][0])


# Locks on one account, whatever the address.


def accounts_named(username):
    User = get_user_model()
    lookup = {f"{User.USERNAME_FIELD}__iexact": account_name(username)}
    return User._default_manager.filter(**lookup)


def lock_account(username, failures):
    since = now()
    entry = {"since": since, "until": since + settings.LOGIN_LOCKOUT_SECONDS, "failures": failures}
    cache.set(_lock_key(username), entry, settings.LOGIN_LOCKOUT_SECONDS)
    cache.delete(_account_key(username))
    accounts = list(accounts_named(username))
    # The user name is hashed: logs are read by more people than the accounts list.
    logger.warning(
        "Sign-in locked after %d failed attempts from any address (account %s, %s)",
        failures,
        _lock_key(username).rsplit(":", 1)[1][:12],
        "exists" if accounts else "no such account",
    )
    for user in accounts:
        log(user, LOCKED, data={"failures": failures, "minutes": _minutes(entry)})


def account_lock(username):
    """The lock on this account name ({"since", "until", "failures"}), or None."""
    entry = cache.get(_lock_key(username))
    return entry if entry and entry["until"] > now() else None


def locks_of(users):
    """[(user, lock)] for those of `users` whose sign-in is locked, in one cache round trip."""
    by_key = {_lock_key(user.get_username()): user for user in users}
    found = cache.get_many(list(by_key))
    return [(by_key[key], lock) for key, lock in found.items() if lock["until"] > now()]


def lift_lock(user, by):
    """Let `user` sign in again at once; `by`, another person, is named in the audit log."""
    if user.pk == by.pk:
        raise ValueError("A lock on an account cannot be lifted by its own user.")
    username = user.get_username()
    lock = account_lock(username)
    cache.delete_many([_lock_key(username), _account_key(username)])
    log(user, UNLOCKED, user=by, data={"failures": lock["failures"] if lock else None})


def _minutes(lock):
    return max(1, round((lock["until"] - now()) / 60))


def _plural(count, word):
    return f"{count} {word}{'s' if count != 1 else ''}"


class ThrottledLoginForm(LoginForm):
    """Wagtail's login form, refusing to even check the password while throttled."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        lock = account_lock(username)
        if lock:
            raise ValidationError(
                f"This account is temporarily locked after too many failed sign-in attempts. "
                f"Ask an administrator to unlock it, or try again in about "
                f"{_plural(_minutes(lock), 'minute')}.",
                code="locked",
            )
        wait = seconds_locked(self.request, username)
        if wait:
            minutes = max(1, round(wait / 60))
            raise ValidationError(
                f"Too many failed sign-in attempts. For your security, sign-in is paused for "
                f"this account from your connection. Try again in about "
                f"{_plural(minutes, 'minute')}, or reset your password.",
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            record_failure(self.request, username)
            raise
        clear_failures(self.request, username)
        return cleaned
