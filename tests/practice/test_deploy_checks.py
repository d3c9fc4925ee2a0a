"""`check --deploy` refuses mail that is never delivered and warns when the app behind a proxy
counts every visitor as the proxy (practice/checks.py). Production's own defaults pass:
tests/practice/test_production_settings.py runs `check --deploy` on them."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from practice import checks

BEHIND_A_PROXY = ("HTTP_X_FORWARDED_PROTO", "https")


@pytest.mark.parametrize("kind", ["console", "filebased", "locmem", "dummy"])
def test_mail_to_the_console_a_file_memory_or_nowhere_is_an_error(kind):
    backend = f"django.core.mail.backends.{kind}.EmailBackend"
    with override_settings(EMAIL_DELIVERY_BACKEND=backend):
        (error,) = checks.check_mail_is_delivered(None)
    assert error.id == "practice.E010"
    assert backend in error.msg and "password reset links" in error.msg


def test_mail_sent_by_smtp_or_a_service_passes():
    for backend in ("django.core.mail.backends.smtp.EmailBackend", "anymail.backends.ses"):
        with override_settings(EMAIL_DELIVERY_BACKEND=backend):
            assert checks.check_mail_is_delivered(None) == []


def test_mail_sent_without_the_queue_is_checked_too():
    console = "django.core.mail.backends.console.EmailBackend"
    with override_settings(EMAIL_BACKEND=console):
        assert [e.id for e in checks.check_mail_is_delivered(None)] == ["practice.E010"]


def test_check_deploy_fails_on_the_console_backend():
    console = "django.core.mail.backends.console.EmailBackend"
    with (
        override_settings(EMAIL_DELIVERY_BACKEND=console),
        pytest.raises(SystemCheckError, match="practice.E010"),
    ):
        call_command("check", deploy=True)


def test_behind_a_proxy_without_trusting_its_address_is_a_warning():
    with override_settings(SECURE_PROXY_SSL_HEADER=BEHIND_A_PROXY, TRUST_X_FORWARDED_FOR=False):
        (warning,) = checks.check_client_address_behind_proxy(None)
    assert warning.id == "practice.W010"
    assert "TRUST_X_FORWARDED_FOR=true" in warning.hint


def test_trusting_the_proxy_or_having_none_passes():
    with override_settings(SECURE_PROXY_SSL_HEADER=BEHIND_A_PROXY, TRUST_X_FORWARDED_FOR=True):
        assert checks.check_client_address_behind_proxy(None) == []
    with override_settings(SECURE_PROXY_SSL_HEADER=None, TRUST_X_FORWARDED_FOR=False):
        assert checks.check_client_address_behind_proxy(None) == []
