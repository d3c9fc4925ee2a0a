"""Failed sign-ins are counted per account across every address: past the limit the account is
locked, even for the right password, until it lapses or an administrator lifts it (issue 25,
finding 8: 80 wrong passwords for one account from 20 addresses, then the right one accepted)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from practice import login_throttle
from practice.login_throttle import ThrottledLoginForm
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
LOCKED_URL = "/admin/sign-ins/locked/"


@pytest.fixture
def rosa():
    return UserFactory(username="rosa", first_name="Rosa", last_name="Diaz", groups=["Front desk"])


@pytest.fixture
def admin():
    return SuperuserFactory(username="admin")


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        time = 1_000_000.0

    monkeypatch.setattr(login_throttle, "now", lambda: Clock.time)
    return Clock


def form_attempt(rf, username, password, address):
    """One sign-in attempt through the login form itself (no page to render)."""
    request = rf.post(LOGIN_URL, REMOTE_ADDR=address)
    form = ThrottledLoginForm(request, data={"username": username, "password": password})
    return form.is_valid(), form


def lock_by_http(client, username, settings):
    for number in range(settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT):
        sign_in(client, username, "wrong-password", address=f"198.51.100.{number + 1}")


def lock_by_form(rf, username, settings):
    for number in range(settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT):
        form_attempt(rf, username, "wrong-password", f"198.51.100.{number + 1}")


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_eighty_failures_from_twenty_addresses_lock_out_even_the_right_password(rf, rosa):
    outcomes = [
        form_attempt(rf, "rosa", "wrong-password", f"198.51.100.{number % 20 + 1}")[0]
        for number in range(80)
    ]
    assert not any(outcomes)
    accepted, form = form_attempt(rf, "rosa", "pw", "192.0.2.99")
    assert not accepted
    assert form.errors.as_data()["__all__"][0].code == "locked"


def test_the_person_is_told_the_account_is_locked_and_what_to_do(client, rosa, settings):
    lock_by_http(client, "rosa", settings)
    response = sign_in(client, "rosa", "pw", address="192.0.2.99")
    assert response.status_code == 200
    body = response.content.decode()
    assert "This account is temporarily locked" in body
    assert "Ask an administrator to unlock it, or try again in about 30 minutes." in body
    assert "_auth_user_id" not in client.session


def test_a_name_with_no_account_is_locked_the_same_way(rf, rosa, settings):
    for number in range(settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT):
        form_attempt(rf, "nobody", "wrong-password", f"198.51.100.{number + 1}")
        form_attempt(rf, "rosa", "wrong-password", f"198.51.100.{number + 1}")
    errors = [form_attempt(rf, name, "x", "192.0.2.1")[1].errors for name in ("nobody", "rosa")]
    assert errors[0] == errors[1]


def test_fewer_failures_than_the_limit_leave_the_account_open(rf, rosa, settings):
    for number in range(settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT - 1):
        form_attempt(rf, "rosa", "wrong-password", f"198.51.100.{number + 1}")
    assert form_attempt(rf, "rosa", "pw", "192.0.2.99")[0]


def test_the_lock_lapses_by_itself(rf, rosa, settings, clock):
    for number in range(settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT):
        form_attempt(rf, "Rosa", "wrong-password", f"198.51.100.{number + 1}")
    clock.time += settings.LOGIN_LOCKOUT_SECONDS - 60
    assert not form_attempt(rf, "rosa", "pw", "192.0.2.99")[0]
    clock.time += 61
    assert form_attempt(rf, "rosa", "pw", "192.0.2.99")[0]


def test_the_lock_is_in_the_audit_log(rf, rosa, settings):
    lock_by_form(rf, "rosa", settings)
    entry = ModelLogEntry.objects.get(action=login_throttle.LOCKED)
    assert entry.object_id == str(rosa.pk)
    assert entry.user is None
    assert entry.data["failures"] == settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT


def test_an_admin_sees_the_lock_and_lifts_it_and_the_audit_log_says_who(
    client, rf, rosa, admin, settings
):
    lock_by_form(rf, "rosa", settings)
    client.force_login(admin)
    listing = client.get(LOCKED_URL).content.decode()
    assert "locked-sign-ins" in listing  # in the Reports menu
    [row] = BeautifulSoup(listing, "html.parser").select("tbody tr")
    assert "Rosa Diaz" in row.text
    assert str(settings.LOGIN_THROTTLE_FAILURES_PER_ACCOUNT) in row.text
    users_list = client.get("/admin/users/").content.decode()
    assert f"/admin/sign-ins/{rosa.pk}/unlock/" in users_list
    assert f"/admin/sign-ins/{rosa.pk}/sign-out-everywhere/" in users_list

    assert client.post(row.form["action"]).status_code == 302
    assert not login_throttle.locks_of([rosa])
    entry = ModelLogEntry.objects.get(action=login_throttle.UNLOCKED)
    assert (entry.object_id, entry.user) == (str(rosa.pk), admin)
    assert log_action_registry.get_formatter(entry).format_message(entry) == "Unlocked sign-in"
    assert form_attempt(rf, "rosa", "pw", "192.0.2.99")[0]


def test_a_locked_account_cannot_lift_its_own_lock(client, rf, admin, settings):
    lock_by_form(rf, "admin", settings)
    client.force_login(admin)  # a session it still had elsewhere
    client.post(f"/admin/sign-ins/{admin.pk}/unlock/")
    assert login_throttle.account_lock("admin")
    listing = client.get(LOCKED_URL).content.decode()
    assert "Another administrator can unlock your account" in listing


def test_only_user_managers_see_locks_and_only_superusers_unlock_superusers(
    client, rf, admin, rosa, settings
):
    lock_by_form(rf, "admin", settings)
    client.force_login(rosa)
    assert client.get(LOCKED_URL).status_code == 302  # Wagtail's "permission denied"
    client.post(f"/admin/sign-ins/{admin.pk}/unlock/")
    assert login_throttle.account_lock("admin")

    manager = UserFactory(groups=["Editors"])
    manager.user_permissions.add(*_user_management_permissions())
    client.force_login(manager)
    assert "Only a superuser can unlock" in client.get(LOCKED_URL).content.decode()
    client.post(f"/admin/sign-ins/{admin.pk}/unlock/")
    assert login_throttle.account_lock("admin")


def _user_management_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label__in=["auth", "wagtailadmin"],
        codename__in=["change_user", "access_admin"],
    )


def test_with_redis_down_sign_in_answers_and_each_process_still_locks(
    client, rf, rosa, settings, monkeypatch
):
    from django.test import override_settings

    from practice import resilient_cache

    monkeypatch.setattr(resilient_cache, "_health", {})
    nothing_listens = "redis://127.0.0.1:9/0"
    backend = {"BACKEND": "practice.resilient_cache.ResilientRedisCache"}
    caches = {
        "default": {**backend, "LOCATION": nothing_listens},
        "pages": {**backend, "LOCATION": nothing_listens, "KEY_PREFIX": "pages"},
    }
    with override_settings(CACHES=caches):
        lock_by_form(rf, "rosa", settings)
        response = sign_in(client, "rosa", "pw")
        assert response.status_code == 200
        assert "This account is temporarily locked" in response.content.decode()
        assert [user for user, _lock in login_throttle.locks_of([rosa])] == [rosa]
