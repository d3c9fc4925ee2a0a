"""Deployment checks (`manage.py check --deploy`) for settings that are unsafe in production.

- Email written to the console or a file lands in the server log: an anonymous password
  reset printed a working reset link there. Memory and dummy backends lose every message.
- Behind a proxy (SECURE_PROXY_SSL_HEADER set), every request comes from the proxy's address
  unless TRUST_X_FORWARDED_FOR is on: all patients then share one rate limit (5 consultation
  requests an hour for the whole site) and 20 failed sign-ins by anyone pause every staff
  member's sign-in (practice/client_address.py).
"""

from django.conf import settings
from django.core import checks

from .mail import QueuedEmailBackend

UNDELIVERED_MAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "writes every message to the server log",
    "django.core.mail.backends.filebased.EmailBackend": "writes every message to files",
    "django.core.mail.backends.locmem.EmailBackend": "keeps every message in memory",
    "django.core.mail.backends.dummy.EmailBackend": "throws every message away",
}


def delivering_backend():
    """The backend that finally sends mail: the worker's, when requests queue it."""
    queue = f"{QueuedEmailBackend.__module__}.{QueuedEmailBackend.__qualname__}"
    if queue == settings.EMAIL_BACKEND:
        return settings.EMAIL_DELIVERY_BACKEND
    return settings.EMAIL_BACKEND


@checks.register(checks.Tags.security, deploy=True)
def check_mail_is_delivered(app_configs, **kwargs):
    backend = delivering_backend()
    if backend not in UNDELIVERED_MAIL_BACKENDS:
        return []
    return [
        checks.Error(
            f"Email is not delivered: {backend} {UNDELIVERED_MAIL_BACKENDS[backend]}, "
            "password reset links included.",
            hint="Unset EMAIL_BACKEND (production sends through SMTP) and set EMAIL_HOST, "
            "EMAIL_PORT and, if the server needs them, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD "
            "and EMAIL_USE_TLS.",
            id="practice.E010",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_client_address_behind_proxy(app_configs, **kwargs):
    if not settings.SECURE_PROXY_SSL_HEADER or settings.TRUST_X_FORWARDED_FOR:
        return []
    return [
        checks.Warning(
            "The site is behind a proxy (SECURE_PROXY_SSL_HEADER is set) but does not trust "
            "the address it forwards: every visitor counts as the proxy's address, so all "
            "patients share one consultation and comment rate limit, and failed sign-ins by "
            "anyone pause sign-in for all staff.",
            hint="Set TRUST_X_FORWARDED_FOR=true behind deploy/nginx.conf (it appends the "
            "client address to X-Forwarded-For); see docs/deployment.md.",
            id="practice.W010",
        )
    ]
