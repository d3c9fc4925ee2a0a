"""Passkeys (django-otp-webauthn) as the second factor after the password.

A passkey belongs to the host name the admin is reached at (its "relying party") and answers
only to that origin. Both come from the request, whose host Django has already checked against
ALLOWED_HOSTS: a page on another site can neither use our passkeys nor have its answer accepted
here, and the same settings work on a laptop (localhost), in tests and in production. Browsers
refuse passkeys on a bare IP address: on a laptop, open http://localhost:8000/admin/.
"""

from django.http.request import split_domain_port
from django.urls import path, reverse
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views
from django_otp_webauthn.helpers import WebAuthnHelper

from . import audit
from .factors import PASSKEY
from .gate import open_before_second_factor


def relying_party_id(request):
    domain, _port = split_domain_port(request.get_host())
    return domain


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self):
        return [f"{self.request.scheme}://{self.request.get_host()}"]

    def get_credential_display_name(self, user):
        return user.get_full_name() or user.get_username()


class RegistrationComplete(views.CompleteCredentialRegistrationView):
    """Adds a passkey and records it. The library refuses a session that has only a password
    when the account already has a factor: such a session may only enroll the first one."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        audit.factor_added(self.request, self.request.user, PASSKEY)
        return response


class AuthenticationComplete(views.CompleteCredentialAuthenticationView):
    """Verifies the signed-in staff member's own passkey, and records the outcome either way."""

    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        # A new session key once the second factor is in, as after any sign-in.
        self.request.session.cycle_key()
        audit.verified(self.request, self.request.user, PASSKEY)
        return response

    def handle_exception(self, exc):
        if self.request.user.is_authenticated:
            audit.second_factor_failed(self.request, self.request.user, PASSKEY)
        return super().handle_exception(exc)

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")


# Under the name the library's template tags look its addresses up by; reachable before the
# second factor, since enrolling the first passkey and verifying one happen there.
urlpatterns = (
    [
        path(route, open_before_second_factor(view), name=name)
        for route, view, name in [
            (
                "registration/begin/",
                views.BeginCredentialRegistrationView.as_view(),
                "credential-registration-begin",
            ),
            (
                "registration/complete/",
                RegistrationComplete.as_view(),
                "credential-registration-complete",
            ),
            (
                "authentication/begin/",
                views.BeginCredentialAuthenticationView.as_view(),
                "credential-authentication-begin",
            ),
            (
                "authentication/complete/",
                AuthenticationComplete.as_view(),
                "credential-authentication-complete",
            ),
            (
                "jsi18n/",
                JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
                "js-i18n-catalog",
            ),
        ]
    ],
    "otp_webauthn",
)
