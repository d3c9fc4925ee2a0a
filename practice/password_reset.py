"""The admin's password reset, limited per client address and per email address.

Wagtail's own form (`WAGTAILADMIN_USER_PASSWORD_RESET_FORM` names this one), with a limit in
front of its `save()`, which is where the mail goes out. Past a limit the request is answered
exactly as any other, with the "check your email" page: nothing tells a stranger whether an
account has that address or whether the limit was reached, and no error page invites a retry.
A limited request just sends nothing, and a warning is logged with a keyed hash of the address,
never the address itself.

Every request counts, whether or not an account has the address, so the counts themselves
reveal nothing either. An email address is counted across all clients (one mailbox flooded
from many addresses) and a client across all email addresses (one client probing many).
"""

import logging
import unicodedata

from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm

from practice.spam import RateLimiter, client_key, private_key

logger = logging.getLogger(__name__)


def mailbox(email):
    """One spelling per mailbox: Django finds accounts by a case-insensitive match."""
    return unicodedata.normalize("NFKC", email).strip().casefold()


def _limiters():
    period = settings.PASSWORD_RESET_LIMIT_PERIOD
    return (
        RateLimiter("password-reset-address", settings.PASSWORD_RESET_LIMIT_PER_ADDRESS, period),
        RateLimiter("password-reset-email", settings.PASSWORD_RESET_LIMIT_PER_EMAIL, period),
    )


def refusal(request, email):
    """Why this request may not send a reset mail (counting it), or None when it may."""
    by_address, by_email = _limiters()
    if not by_address.hit(request):
        return f"too many from one client (client {client_key(request)[:12]})"
    if not by_email.hit_for(mailbox(email)):
        return f"too many for one email address (address {private_key(mailbox(email))[:12]})"
    return None


class LimitedPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        reason = refusal(request, self.cleaned_data["email"])
        if reason:
            logger.warning("Password reset mail not sent: %s", reason)
            return
        super().save(*args, request=request, **kwargs)
