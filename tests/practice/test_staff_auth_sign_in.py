"""Signing in to the admin takes the password and then a second factor: a code from the
authenticator app (worked out here from the app's key, as the app does), or a recovery code,
each once; the first sign-in enrolls one (practice/staff_auth/). Issue 25, finding 10."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from practice.staff_auth.factors import make_recovery_codes, recovery_codes_left
from tests.factories import UserFactory
from tests.helpers import current_code, staff_authenticator

pytestmark = pytest.mark.usefixtures("password_only_sign_in")

VERIFY = "/admin/sign-in-factors/verify/"
RECOVERY = "/admin/sign-in-factors/verify/recovery-code/"
ENROLL = "/admin/sign-in-factors/add/"


@pytest.fixture
def nurse(db):
    return UserFactory(username="nurse", groups=["Editors"])


def sign_in_with_password(client, username="nurse"):
    response = client.post("/admin/login/", {"username": username, "password": "pw"})
    assert response.status_code == 302
    return client.get(response["Location"])


def events(user):
    entries = ModelLogEntry.objects.filter(object_id=str(user.pk), action__startswith="staff_auth")
    return [entry.action.removeprefix("staff_auth.") for entry in entries.order_by("pk")]


def test_the_code_the_app_shows_signs_in(client, nurse):
    app = staff_authenticator(nurse)
    response = sign_in_with_password(client)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    response = client.post(VERIFY + "?next=/admin/pages/", {"code": current_code(app)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert events(nurse) == ["sign_in", "verified"]


def test_a_wrong_code_is_refused_and_so_is_a_code_used_already(client, nurse):
    app = staff_authenticator(nurse)
    sign_in_with_password(client)
    wrong = f"{(int(current_code(app)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "not the code your app shows now" in response.text
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert events(nurse) == ["sign_in", "sign_in_failed"]
    # django-otp's back-off: the next try waits a second (the test moves the clock on).
    TOTPDevice.objects.filter(pk=app.pk).update(throttling_failure_timestamp=None)
    code = current_code(app)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    client.post("/admin/logout/")
    sign_in_with_password(client)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200, "a code works once"


def test_tries_in_a_row_make_the_person_wait(client, nurse):
    app = staff_authenticator(nurse)
    sign_in_with_password(client)
    wrong = f"{(int(current_code(app)) + 3) % 1_000_000:06d}"
    client.post(VERIFY, {"code": wrong})
    response = client.post(VERIFY, {"code": current_code(app)})
    assert "Too many wrong codes. Wait" in response.text
    assert client.get("/admin/")["Location"].startswith(VERIFY)


@pytest.mark.parametrize(
    "typed", ["12 34 5", "abcdef", "1234567", "12\x003456", "9" * 10_000, "１２３４５６"]
)
def test_a_code_that_cannot_be_one_gets_a_message(client, nurse, typed):
    staff_authenticator(nurse)
    sign_in_with_password(client)
    response = client.post(VERIFY, {"code": typed})
    assert response.status_code == 200
    assert "error-message" in response.text
    assert events(nurse) == ["sign_in"]


def test_a_recovery_code_works_once_and_only_once(client, nurse):
    staff_authenticator(nurse)
    codes = make_recovery_codes(nurse)
    assert len(codes) == 10 and len(set(codes)) == 10
    sign_in_with_password(client)
    response = client.post(RECOVERY, {"code": codes[0].upper().replace("-", " ")})
    assert response["Location"] == "/admin/"
    assert recovery_codes_left(nurse) == 9
    assert "9 left" in client.get("/admin/").text
    client.post("/admin/logout/")
    sign_in_with_password(client)
    response = client.post(RECOVERY, {"code": codes[0]})
    assert response.status_code == 200
    assert "not one of your unused recovery codes" in response.text
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert events(nurse)[-2:] == ["sign_in", "sign_in_failed"]
    assert "recovery_code_used" in events(nurse)


def test_recovery_codes_are_kept_as_digests_only(nurse):
    codes = make_recovery_codes(nurse)
    stored = list(nurse.staticdevice_set.get().token_set.values_list("token", flat=True))
    assert not {code.replace("-", "") for code in codes} & set(stored)


def test_the_first_sign_in_enrolls_an_app_then_shows_recovery_codes_once(client, nurse):
    response = sign_in_with_password(client)
    assert response["Location"].startswith(ENROLL)
    page = client.get(response["Location"])
    assert "<svg" in page.text and "QR code for your authenticator app" in page.text
    pending = TOTPDevice.objects.get(user=nurse, confirmed=False)
    assert pending.key  # the key the page showed, now typed into the "app"
    response = client.post(ENROLL + "?next=/admin/pages/", {"code": current_code(pending)})
    assert response["Location"].startswith("/admin/sign-in-factors/recovery-codes/")
    first = client.get(response["Location"])
    assert first["Cache-Control"].startswith("max-age=0")
    assert first.text.count("<code>") == 10
    assert 'href="/admin/pages/"' in first.text
    again = client.get("/admin/sign-in-factors/recovery-codes/")
    assert "<code>" not in again.text and "10 unused recovery codes" in again.text
    assert client.get("/admin/pages/").status_code == 200
    assert events(nurse) == ["sign_in", "factor_added", "verified", "recovery_codes_made"]


def test_a_password_only_session_adds_no_factor_to_an_account_that_has_one(client, nurse):
    staff_authenticator(nurse)
    sign_in_with_password(client)
    assert client.get(ENROLL)["Location"].startswith(VERIFY)
    response = client.post("/admin/sign-in-factors/passkeys/registration/begin/")
    assert response.status_code == 403
    client.post("/admin/sign-in-factors/skip/")
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    assert "skipped" not in events(nurse)


def test_the_development_account_may_skip_enrollment(client, nurse, settings):
    settings.STAFF_MFA_SKIP_USERS = ["nurse"]
    sign_in_with_password(client)
    page = client.get(ENROLL)
    assert "This development account may skip the second factor" in page.text
    assert client.post("/admin/sign-in-factors/skip/")["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert events(nurse)[-1] == "skipped"


def test_no_one_else_may_skip(client, nurse, settings):
    settings.STAFF_MFA_SKIP_USERS = ["admin"]
    sign_in_with_password(client)
    assert "may skip" not in client.get(ENROLL).text
    client.post("/admin/sign-in-factors/skip/")  # refused: Wagtail answers with its dashboard
    assert client.get("/admin/")["Location"].startswith(ENROLL)
    assert "skipped" not in events(nurse)
