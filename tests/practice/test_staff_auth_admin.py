"""What admins do with staff sign-in: reset a colleague's factors (recorded against the
colleague, with who did it), read the sign-in audit (sign-ins, failures, factor changes and
consultation request exports, filtered by person, event and date, never a code), and see who
has which factors; what each staff member does with their own (practice/staff_auth/)."""

import datetime

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from practice.staff_auth.factors import make_recovery_codes, recovery_codes_left
from tests.factories import ConsultationRequestFactory, SuperuserFactory, UserFactory
from tests.helpers import current_code, staff_authenticator

AUDIT = "/admin/sign-in-factors/audit/"
REPORT = "/admin/sign-in-factors/staff/"


@pytest.fixture
def boss(db):
    return SuperuserFactory(username="boss")


@pytest.fixture
def nurse(db):
    return UserFactory(username="nurse", first_name="Nell", last_name="Ortiz", groups=["Editors"])


def reset_url(user):
    return f"/admin/sign-in-factors/reset/{user.pk}/"


def test_an_admin_resets_a_colleagues_factors_and_the_log_says_who(client, boss, nurse):
    staff_authenticator(nurse)
    make_recovery_codes(nurse)
    colleague = Client()
    colleague.force_login(nurse)  # verified, as any signed-in test session
    assert colleague.get("/admin/").status_code == 200
    client.force_login(boss)
    assert "Reset sign-in factors" in client.get("/admin/users/").text
    page = client.get(reset_url(nurse))
    assert "1 passkey or app and 10 unused recovery codes" in page.text
    response = client.post(reset_url(nurse))
    assert response["Location"] == REPORT
    assert not TOTPDevice.objects.filter(user=nurse).exists()
    assert recovery_codes_left(nurse) is None
    entry = ModelLogEntry.objects.get(action="staff_auth.factors_reset")
    assert (entry.object_id, entry.user) == (str(nurse.pk), boss)
    assert "Removed every sign-in factor (2: authenticator app, recovery code)" in entry.message
    # The session the removed app verified counts no longer: the colleague enrolls anew.
    assert colleague.get("/admin/")["Location"].startswith("/admin/sign-in-factors/add/")
    history = client.get(f"/admin/users/history/{nurse.pk}/")
    assert "Sign-in factors reset" in history.text


def test_only_user_managers_reset_and_never_their_own_or_a_superusers(client, boss, nurse):
    editor = UserFactory(username="ed", groups=["Editors"])
    client.force_login(editor)
    assert client.post(reset_url(nurse)).status_code == 302  # Wagtail's "no permission"
    assert client.get(REPORT).status_code == 302
    client.force_login(boss)
    assert client.get(reset_url(boss)).status_code == 302
    assert not ModelLogEntry.objects.filter(action="staff_auth.factors_reset").exists()
    from django.contrib.auth.models import Permission

    manager = UserFactory(username="manager", groups=["Editors"])
    manager.user_permissions.add(Permission.objects.get(codename="change_user"))
    client.force_login(manager)
    assert client.get(reset_url(nurse)).status_code == 200
    client.post(reset_url(boss))
    assert TOTPDevice.objects.filter(user=boss).exists()


def test_the_factors_report_shows_who_has_what(client, boss, nurse):
    staff_authenticator(nurse)
    make_recovery_codes(nurse)
    newcomer = UserFactory(username="newcomer", groups=["Editors"])
    client.force_login(boss)
    page = client.get(REPORT)
    assert page.status_code == 200
    assert "Nell Ortiz (nurse)" in page.text
    assert reset_url(nurse) in page.text and reset_url(boss) not in page.text
    nobody = client.get(REPORT + "?factor=none")
    assert "(newcomer)" in nobody.text and "(nurse)" not in nobody.text
    assert newcomer.get_username() in nobody.text


@pytest.mark.usefixtures("password_only_sign_in")
def test_the_audit_report_lists_sign_ins_failures_factor_changes_and_exports(
    client, boss, nurse, consultation_page
):
    app = staff_authenticator(nurse)
    client.post("/admin/login/", {"username": "nurse", "password": "wrong"})
    client.post("/admin/login/", {"username": "nurse", "password": "pw"})
    client.post("/admin/sign-in-factors/verify/", {"code": "000000"})
    TOTPDevice.objects.filter(pk=app.pk).update(throttling_failure_timestamp=None)
    client.post("/admin/sign-in-factors/verify/", {"code": current_code(app)})
    client.post("/admin/logout/")
    staff_authenticator(boss)
    client.post("/admin/login/", {"username": "boss", "password": "pw"})
    client.post("/admin/sign-in-factors/verify/", {"code": current_code(boss.totpdevice_set.get())})
    ConsultationRequestFactory(page=consultation_page)
    client.get(f"/admin/forms/submissions/{consultation_page.pk}/?export=csv")
    client.post(reset_url(nurse))

    page = client.get(AUDIT).text
    for event in [
        "Wrong password from 127.0.0.1",
        "Second factor refused (authenticator app)",
        "Second factor verified: authenticator app",
        "Signed out",
        "Exported 1 consultation request as CSV",
        "Removed every sign-in factor",
    ]:
        assert event in page, event
    assert "000000" not in page and "wrong" not in page
    only_nurse = client.get(AUDIT, {"person": nurse.pk}).text
    assert "Wrong password" in only_nurse and "Exported" not in only_nurse
    exports = client.get(AUDIT, {"action": "consultation.requests.export"}).text
    assert "Exported" in exports and "Signed out" not in exports
    later = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    assert "No log entries found" in client.get(AUDIT, {"timestamp_from": later}).text
    nonsense = {"action": "nope", "person": "abc", "timestamp_from": "x" * 10_000}
    assert client.get(AUDIT, nonsense).status_code == 200


def test_the_audit_report_is_for_superusers(client, nurse):
    client.force_login(nurse)
    assert client.get(AUDIT).status_code == 302


def test_staff_keep_their_own_factors_and_never_remove_the_last(client, nurse):
    app = staff_authenticator(nurse)
    second = TOTPDevice.objects.create(user=nurse, name="Old phone", confirmed=True)
    client.force_login(nurse)
    page = client.get("/admin/sign-in-factors/")
    assert "Old phone" in page.text and "Remove" in page.text
    assert "Sign-in factors" in client.get("/admin/account/").text
    client.post("/admin/sign-in-factors/", {"device": second.persistent_id})
    assert list(TOTPDevice.objects.filter(user=nurse)) == [app]
    response = client.post("/admin/sign-in-factors/", {"device": app.persistent_id}, follow=True)
    assert "Add another passkey or app before removing your last one" in response.text
    assert TOTPDevice.objects.filter(user=nurse).exists()
    other = staff_authenticator(UserFactory(username="other"))
    for someone_elses in [other.persistent_id, f"auth.user/{nurse.pk}", "x" * 10_000, "a/\x00"]:
        response = client.post("/admin/sign-in-factors/", {"device": someone_elses})
        assert response.status_code == 302  # Wagtail's "no permission", never a 500
    assert TOTPDevice.objects.filter(pk=other.pk).exists()


def test_new_recovery_codes_end_the_old_ones(client, nurse):
    staff_authenticator(nurse)
    old = make_recovery_codes(nurse)
    client.force_login(nurse)
    page = client.get("/admin/sign-in-factors/recovery-codes/")
    assert "10 unused recovery codes" in page.text and "<code>" not in page.text
    page = client.post("/admin/sign-in-factors/recovery-codes/")
    assert page.text.count("<code>") == 10
    assert not any(code in page.text for code in old)
    assert recovery_codes_left(nurse) == 10
