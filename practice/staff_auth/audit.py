"""Staff sign-in in Wagtail's audit log: sign-ins, failures, sign-outs, second factors verified,
factors added, removed or reset, recovery codes used.

Each entry is logged against the account it concerns, so it shows in that user's history
(Settings > Users > History), in Reports > Site history and in the "Staff sign-in audit" report.
The entry's user is who acted: the person signing in, or the admin resetting a colleague's
factors; nobody for a failed password. Entries hold the kind of factor and the address a
request came from, never what was typed.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from practice.client_address import client_address
from practice.log_actions import log_formatter

SIGNED_IN = "staff_auth.sign_in"
SIGN_IN_FAILED = "staff_auth.sign_in_failed"
VERIFIED = "staff_auth.verified"
SIGNED_OUT = "staff_auth.sign_out"
FACTOR_ADDED = "staff_auth.factor_added"
FACTOR_REMOVED = "staff_auth.factor_removed"
FACTORS_RESET = "staff_auth.factors_reset"
RECOVERY_CODE_USED = "staff_auth.recovery_code_used"
RECOVERY_CODES_MADE = "staff_auth.recovery_codes_made"
SKIPPED = "staff_auth.skipped"

# A failed password for a user name no account has: logged against no account (no user has
# primary key 0), without the name typed, which may be a password typed in the wrong box.
UNKNOWN_ACCOUNT_ID = "0"
UNKNOWN_ACCOUNT_LABEL = "(no such account)"


def _address(request):
    return {"address": client_address(request)} if request is not None else {}


def concrete(user):
    """The user itself: request.user is a lazy object inside a lazy object (django-otp's around
    Django's), and Wagtail's log picks the log model by the instance's class."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def _log(request, account, action, user=None, **data):
    user = concrete(user) if user is not None else None
    log(concrete(account), action, user=user, data={**data, **_address(request)})


def signed_in(sender, request, user, **kwargs):
    _log(request, user, SIGNED_IN, user=user)


def signed_out(sender, request, user, **kwargs):
    if user is not None:
        _log(request, user, SIGNED_OUT, user=user)


def password_refused(sender, credentials, request=None, **kwargs):
    User = get_user_model()
    username = credentials.get(User.USERNAME_FIELD) or credentials.get("username") or ""
    account = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    data = {"step": "password", **_address(request)}
    if account is not None:
        log(account, SIGN_IN_FAILED, user=None, data=data)
        return
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id=UNKNOWN_ACCOUNT_ID,
        label=UNKNOWN_ACCOUNT_LABEL,
        action=SIGN_IN_FAILED,
        data=data,
        timestamp=timezone.now(),
    )


def connect_signals():
    user_logged_in.connect(signed_in, dispatch_uid="staff_auth.signed_in")
    user_logged_out.connect(signed_out, dispatch_uid="staff_auth.signed_out")
    user_login_failed.connect(password_refused, dispatch_uid="staff_auth.password_refused")


def verified(request, user, factor):
    _log(request, user, VERIFIED, user=user, factor=factor)


def second_factor_failed(request, user, factor):
    _log(request, user, SIGN_IN_FAILED, user=user, step=factor)


def factor_added(request, user, factor):
    _log(request, user, FACTOR_ADDED, user=user, factor=factor)


def factor_removed(request, user, factor):
    _log(request, user, FACTOR_REMOVED, user=user, factor=factor)


def factors_reset(request, account, removed):
    _log(request, account, FACTORS_RESET, user=request.user, removed=removed)


def recovery_code_used(request, user, left):
    _log(request, user, RECOVERY_CODE_USED, user=user, left=left)


def recovery_codes_made(request, user):
    _log(request, user, RECOVERY_CODES_MADE, user=user)


def skipped(request, user):
    _log(request, user, SKIPPED, user=user)


def _from(data):
    address = data.get("address")
    return f" from {address}" if address else ""


def _failed(data):
    step = data.get("step", "password")
    what = "Wrong password" if step == "password" else f"Second factor refused ({step})"
    return what + _from(data)


def _reset(data):
    removed = data.get("removed") or []
    kinds = ", ".join(sorted(set(removed))) or "none"
    return f"Removed every sign-in factor ({len(removed)}: {kinds}); a new one at next sign-in"


def _left(data):
    left = data.get("left")
    return f"Signed in with a recovery code ({left} left){_from(data)}"


FORMATTERS = {
    SIGNED_IN: log_formatter("Sign in (password)", lambda data: "Password accepted" + _from(data)),
    SIGN_IN_FAILED: log_formatter("Sign-in failure", _failed),
    VERIFIED: log_formatter(
        "Sign in (second factor)",
        lambda data: f"Second factor verified: {data.get('factor')}{_from(data)}",
    ),
    SIGNED_OUT: log_formatter("Sign out", lambda data: "Signed out" + _from(data)),
    FACTOR_ADDED: log_formatter(
        "Sign-in factor added", lambda data: f"Added a sign-in factor: {data.get('factor')}"
    ),
    FACTOR_REMOVED: log_formatter(
        "Sign-in factor removed", lambda data: f"Removed a sign-in factor: {data.get('factor')}"
    ),
    FACTORS_RESET: log_formatter("Sign-in factors reset", _reset),
    RECOVERY_CODE_USED: log_formatter("Recovery code used", _left),
    RECOVERY_CODES_MADE: log_formatter(
        "Recovery codes made", lambda data: "Made new recovery codes (the old ones stop working)"
    ),
    SKIPPED: log_formatter(
        "Second factor skipped (development)",
        lambda data: "Skipped enrolling a second factor (allowed in development only)",
    ),
}
