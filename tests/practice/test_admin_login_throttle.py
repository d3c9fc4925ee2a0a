import pytest
from django.contrib.auth import get_user_model

from practice import login_throttle

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("dr.rubin", "dr@example.com", "correct-pw-1")


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves forward instead of waiting."""

    class Clock:
        time = 1_000_000.0

    monkeypatch.setattr(login_throttle, "now", lambda: Clock.time)
    return Clock


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail_times(client, count, username="dr.rubin", address="203.0.113.7"):
    for _ in range(count):
        response = sign_in(client, username, "wrong-password", address)
        assert response.status_code == 200
        assert "didn&#x27;t match" in response.content.decode()


def test_a_few_wrong_passwords_do_not_lock_the_account(client, editor, settings):
    fail_times(client, settings.LOGIN_THROTTLE_FAILURES_PER_USER - 1)
    response = sign_in(client, "dr.rubin", "correct-pw-1")
    assert response.status_code == 302  # signed in


def test_after_repeated_failures_even_the_right_password_is_refused(client, editor, settings):
    fail_times(client, settings.LOGIN_THROTTLE_FAILURES_PER_USER)
    response = sign_in(client, "dr.rubin", "correct-pw-1")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Too many failed sign-in attempts" in body
    assert "Try again in about 15 minutes" in body
    assert 'value="dr.rubin"' in body  # what they typed is kept
    assert "_auth_user_id" not in client.session


def test_user_name_case_does_not_give_extra_attempts(client, editor, settings):
    fail_times(client, settings.LOGIN_THROTTLE_FAILURES_PER_USER, username="DR.Rubin")
    assert "Too many failed" in sign_in(client, "dr.rubin", "correct-pw-1").content.decode()


def test_the_lock_lifts_by_itself_when_the_window_has_passed(client, editor, settings, clock):
    fail_times(client, settings.LOGIN_THROTTLE_FAILURES_PER_USER)
    clock.time += settings.LOGIN_THROTTLE_WINDOW - 60
    response = sign_in(client, "dr.rubin", "correct-pw-1")
    assert "Try again in about 1 minute," in response.content.decode()

    clock.time += 61
    assert sign_in(client, "dr.rubin", "correct-pw-1").status_code == 302


def test_a_successful_sign_in_resets_the_count(client, editor, settings):
    limit = settings.LOGIN_THROTTLE_FAILURES_PER_USER
    fail_times(client, limit - 1)
    assert sign_in(client, "dr.rubin", "correct-pw-1").status_code == 302
    client.logout()
    fail_times(client, limit - 1)
    assert sign_in(client, "dr.rubin", "correct-pw-1").status_code == 302


def test_a_locked_address_does_not_lock_the_same_user_elsewhere(client, editor, settings):
    fail_times(client, settings.LOGIN_THROTTLE_FAILURES_PER_USER, address="198.51.100.1")
    assert sign_in(client, "dr.rubin", "correct-pw-1", address="203.0.113.9").status_code == 302


def test_one_address_guessing_many_user_names_is_stopped(client, editor, settings):
    settings.LOGIN_THROTTLE_FAILURES_PER_ADDRESS = 6
    for number in range(6):
        fail_times(client, 1, username=f"guess{number}")
    response = sign_in(client, "dr.rubin", "correct-pw-1")
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_forwarded_address_is_used_only_when_the_proxy_is_trusted(rf, settings):
    request = rf.post(LOGIN_URL, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.4")
    settings.TRUST_X_FORWARDED_FOR = False
    assert login_throttle.client_address(request) == "127.0.0.1"
    settings.TRUST_X_FORWARDED_FOR = True
    # The last entry is the one our proxy appended; earlier ones the client could forge.
    assert login_throttle.client_address(request) == "192.0.2.4"
