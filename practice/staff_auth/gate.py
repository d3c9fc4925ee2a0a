"""What a session signed in with a password alone may reach: the second-factor pages, the
passkey ceremony's addresses, sign-out, and nothing else in the admin."""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from .factors import has_factor

# Wagtail's own views such a session needs: signing out, and what every admin page (ours
# included) loads: the translations script and the icons, which Wagtail's script fetches and
# writes into the page (a redirect there put a second copy of the step into the page).
OPEN_URL_NAMES = {"wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite"}
# Who can sign in to the admin, and so who needs the second factor.
ADMIN_ACCESS_PERMISSION = "wagtailadmin.access_admin"
# Set when an account allowed to (STAFF_MFA_SKIP_USERS, development only) skips enrollment.
SKIPPED_SESSION_KEY = "staff_auth_skipped"


def open_before_second_factor(view):
    """Marks a view a password-only session may reach (Wagtail's admin URL decorators keep it)."""
    view.open_before_second_factor = True
    return view


def is_open(view, request):
    match = request.resolver_match
    return getattr(view, "open_before_second_factor", False) or (
        match is not None and match.url_name in OPEN_URL_NAMES
    )


def may_skip(user):
    return (
        user.is_authenticated
        and user.get_username() in settings.STAFF_MFA_SKIP_USERS
        and not has_factor(user)
    )


def skipped(request):
    return (
        request.session.get(SKIPPED_SESSION_KEY) == request.user.pk
        and request.user.get_username() in settings.STAFF_MFA_SKIP_USERS
    )


def needs_second_factor(request):
    """An account that may use the admin, signed in with a password, and no second factor has
    verified this session yet. (Wagtail refuses the admin to anyone else: sending them to a
    step they cannot reach would only loop.)"""
    user = request.user
    return (
        settings.STAFF_MFA_REQUIRED
        and user.is_authenticated
        and not user.is_verified()
        and user.has_perm(ADMIN_ACCESS_PERMISSION)
        and not skipped(request)
    )


def safe_next(request, default="wagtailadmin_home"):
    """Where to go once the step is done: the `next` asked for if it is on this site."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else resolve_url(default)


def second_factor_step(request):
    """The verification step, or enrollment for an account with no factor yet, with where the
    person was going."""
    match = request.resolver_match
    if match is not None and match.url_name == "wagtailadmin_login":
        going = request.GET.get(REDIRECT_FIELD_NAME, "")
    else:
        going = request.get_full_path() if request.method == "GET" else ""
    step = "staff_auth:verify" if has_factor(request.user) else "staff_auth:enroll"
    url = reverse(step)
    return redirect(f"{url}?{urlencode({REDIRECT_FIELD_NAME: going})}" if going else url)
