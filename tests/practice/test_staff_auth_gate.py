"""A session signed in with a password alone reaches no admin page and no export: every admin
address below answers with the second-factor step, and only that step, its passkey addresses
and sign-out stay open (practice/staff_auth/middleware.py). Issue 25, finding 10."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry, PageViewRestriction

from tests.factories import (
    ConsultationRequestFactory,
    StandardPageFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.helpers import staff_authenticator

pytestmark = pytest.mark.usefixtures("password_only_sign_in")

VERIFY = "/admin/sign-in-factors/verify/"
ENROLL = "/admin/sign-in-factors/add/"


@pytest.fixture
def boss(db):
    return SuperuserFactory(username="boss")


@pytest.fixture
def admin_urls(consultation_page, home_page):
    """Every kind of admin address a signed-in person uses, with one of each kind of object."""
    request = ConsultationRequestFactory(page=consultation_page)
    submissions = f"/admin/forms/submissions/{consultation_page.pk}/"
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{home_page.pk}/",
        f"/admin/pages/{home_page.pk}/edit/",
        "/admin/reports/site-history/",
        "/admin/reports/locked/",
        "/admin/snippets/pages/insuranceplan/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/account/",
        "/admin/api/main/pages/",
        "/admin/choose-page/",
        "/admin/images/chooser/",
        "/admin/consultation-requests/",
        f"/admin/consultation-requests/{request.pk}/",
        submissions,
        submissions + "?export=csv",
        submissions + "?export=xlsx",
        "/admin/sign-in-factors/",
        "/admin/sign-in-factors/recovery-codes/",
        "/admin/sign-in-factors/staff/",
        "/admin/sign-in-factors/audit/",
        "/admin/login/",
    ]


def test_every_admin_page_sends_a_password_only_session_to_verify(client, boss, admin_urls):
    staff_authenticator(boss)
    client.force_login(boss)
    for url in admin_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(VERIFY), (url, response["Location"])
    exports = PageLogEntry.objects.filter(action="consultation.requests.export")
    assert not exports.exists()
    assert not PageLogEntry.objects.filter(action__startswith="consultation.requests").exists()


def test_an_account_with_no_factor_is_sent_to_enroll(client, boss, admin_urls):
    client.force_login(boss)
    for url in admin_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROLL), (url, response["Location"])


def test_the_step_remembers_where_the_person_was_going(client, boss):
    staff_authenticator(boss)
    client.force_login(boss)
    response = client.get("/admin/pages/?ordering=title")
    assert response["Location"] == VERIFY + "?next=%2Fadmin%2Fpages%2F%3Fordering%3Dtitle"
    response = client.get("/admin/login/?next=/admin/users/")
    assert response["Location"] == VERIFY + "?next=%2Fadmin%2Fusers%2F"


def test_a_post_changes_nothing(client, boss, home_page):
    staff_authenticator(boss)
    client.force_login(boss)
    response = client.post(f"/admin/pages/{home_page.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    home_page.refresh_from_db()
    response = client.post(
        reverse("wagtailadmin_account"), {"name_email-first_name": "Mallory"}, follow=False
    )
    assert response["Location"].startswith(VERIFY)
    boss.refresh_from_db()
    assert boss.first_name != "Mallory"


def test_the_steps_and_sign_out_stay_open(client, boss):
    staff_authenticator(boss)
    client.force_login(boss)
    assert client.get(VERIFY).status_code == 200
    assert client.get(VERIFY + "recovery-code/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200
    assert client.get("/admin/sprite/").status_code == 200
    assert client.post("/admin/sign-in-factors/passkeys/authentication/begin/").status_code == 200
    response = client.post("/admin/logout/")
    assert response["Location"] == "/admin/login/"
    assert "_auth_user_id" not in client.session


def test_outside_the_admin_a_password_only_session_counts_as_signed_out(client, boss, home_page):
    """A page kept for signed-in people is not shown to a session with a password alone."""
    staff_authenticator(boss)
    members = StandardPageFactory(parent=home_page, title="Staff notices", slug="notices")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(boss)
    response = client.get("/notices/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    verified = SuperuserFactory(username="verified")
    from django.test import Client

    from tests.helpers import verify_session

    other = Client()
    other.force_login(verified)
    verify_session(other.session, verified)
    assert other.get("/notices/").status_code == 200


def test_a_wrong_password_is_logged_without_what_was_typed(client, boss):
    client.post("/admin/login/", {"username": "boss", "password": "hunter2"})
    client.post("/admin/login/", {"username": "hunter2-typed-here", "password": "x"})
    entries = ModelLogEntry.objects.filter(action="staff_auth.sign_in_failed").order_by("pk")
    assert [entry.label for entry in entries] == ["boss", "(no such account)"]
    assert "hunter2" not in str([entry.data for entry in entries])


def test_an_account_without_the_admin_is_refused_it_without_a_loop(client, db):
    """Wagtail keeps such an account out of the admin; the second factor is for staff."""
    reader = UserFactory(username="reader")
    client.force_login(reader)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/admin/login/")
    assert len(response.redirect_chain) < 4
