"""Staff sessions end after their idle limit (the front desk's 15 minutes, everyone else's 60),
the admin's background polling does not keep them alive, and "Sign out everywhere" ends every
other session of a person, from their own account or an administrator's (issue 25)."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from wagtail import hooks
from wagtail.models import ModelLogEntry

from practice import staff_sessions
from practice.settings.env import env_minutes_by_name
from tests.factories import SuperuserFactory, UserFactory

pytestmark = pytest.mark.django_db

# Any address will do: the middleware looks at every request of a signed-in session.
SOME_PAGE = "/robots.txt"
MINUTE = 60


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        time = 2_000_000.0

        @classmethod
        def advance(cls, minutes):
            cls.time += minutes * MINUTE

    monkeypatch.setattr(staff_sessions, "now", lambda: Clock.time)
    return Clock


@pytest.fixture
def front_desk():
    return UserFactory(username="rosa", groups=["Front desk"])


@pytest.fixture
def editor():
    return UserFactory(username="ed", groups=["Editors"])


def signed_in(client):
    return SESSION_KEY in client.session


def test_the_front_desk_is_signed_out_after_15_idle_minutes_with_a_message(
    client, clock, front_desk
):
    client.force_login(front_desk)
    clock.advance(15.5)
    response = client.get("/admin/pages/?q=x")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/pages/%3Fq%3Dx"
    assert not signed_in(client)
    login_page = client.get(response["Location"]).content.decode()
    assert "You were signed out after 15 minutes without activity" in login_page


def test_activity_keeps_the_front_desk_signed_in(client, clock, front_desk):
    client.force_login(front_desk)
    for _ in range(4):
        clock.advance(14)
        assert client.get(SOME_PAGE).status_code == 200
    assert signed_in(client)


def test_other_staff_have_the_site_wide_limit(client, clock, editor):
    client.force_login(editor)
    clock.advance(59)
    client.get(SOME_PAGE)
    assert signed_in(client)
    clock.advance(61)
    assert client.get(SOME_PAGE).status_code == 302
    assert not signed_in(client)


def test_the_shortest_limit_of_a_persons_groups_applies(client, clock, settings):
    settings.IDLE_SIGN_OUT_GROUP_MINUTES = {"Front desk": 15, "Editors": 30}
    client.force_login(UserFactory(groups=["Editors", "Front desk"]))
    clock.advance(16)
    client.get(SOME_PAGE)
    assert not signed_in(client)


def test_the_editors_polling_does_not_count_as_activity(client, clock, home_page):
    desk_admin = SuperuserFactory(groups=["Front desk"])
    client.force_login(desk_admin)
    ping = f"/admin/editing-sessions/ping/wagtailcore/page/{home_page.pk}/0/"
    for _ in range(3):
        clock.advance(5)
        assert client.post(ping).status_code == 200
    clock.advance(1)
    assert client.get(SOME_PAGE).status_code == 302
    assert not signed_in(client)


def test_an_idle_session_is_signed_out_by_a_poll_too(client, clock):
    client.force_login(SuperuserFactory(groups=["Front desk"]))
    clock.advance(16)
    # Signed out before the view runs, so the page need not exist.
    client.post("/admin/editing-sessions/ping/wagtailcore/page/999999/0/")
    assert not signed_in(client)


def test_anonymous_requests_are_not_touched(rf):
    class NoSession:
        def __getattr__(self, name):
            raise AssertionError("an anonymous request must not load a session")

    request = rf.get("/")
    request.session = request.user = NoSession()
    middleware = staff_sessions.StaffSessionMiddleware(lambda request: None)
    assert middleware.process_view(request, None, (), {}) is None


def test_sign_out_everywhere_ends_other_sessions_and_keeps_this_one(client, rf, editor):
    menu = [
        item(rf.get("/admin/account/")) for item in hooks.get_hooks("register_account_menu_item")
    ]
    assert "/admin/account/sign-out-everywhere/" in [item["url"] for item in menu if item]
    client.force_login(editor)
    laptop = Client()
    laptop.force_login(editor)

    response = client.post("/admin/account/sign-out-everywhere/")
    assert response["Location"] == "/admin/account/"
    assert client.get(SOME_PAGE).status_code == 200
    assert signed_in(client)
    answer = laptop.get("/admin/")
    assert answer["Location"] == "/admin/login/?next=/admin/"
    assert not signed_in(laptop)
    assert "all your sessions were ended" in laptop.get(answer["Location"]).content.decode()
    entry = ModelLogEntry.objects.get(action=staff_sessions.SIGNED_OUT_EVERYWHERE)
    assert (entry.object_id, entry.user, entry.data) == (
        str(editor.pk),
        editor,
        {"kept_current_session": True},
    )


def test_signing_in_again_after_sign_out_everywhere_works(client, editor):
    client.force_login(editor)
    staff_sessions.end_sessions(editor, by=editor)
    client.get(SOME_PAGE)
    assert not signed_in(client)
    client.post("/admin/login/", {"username": "ed", "password": "pw"})
    assert client.get(SOME_PAGE).status_code == 200
    assert signed_in(client)


def test_an_admin_signs_a_colleague_out_everywhere(client, front_desk):
    desk = Client()
    desk.force_login(front_desk)
    admin = SuperuserFactory()
    client.force_login(admin)  # the button is on the Users list (test_sign_in_locks.py)
    client.post(f"/admin/sign-ins/{front_desk.pk}/sign-out-everywhere/")
    desk.get(SOME_PAGE)
    assert not signed_in(desk)
    assert signed_in(client)
    entry = ModelLogEntry.objects.get(action=staff_sessions.SIGNED_OUT_EVERYWHERE)
    assert (entry.object_id, entry.user) == (str(front_desk.pk), admin)


def test_staff_cannot_sign_out_colleagues_without_managing_users(client, front_desk, editor):
    desk = Client()
    desk.force_login(front_desk)
    client.force_login(editor)
    client.post(f"/admin/sign-ins/{front_desk.pk}/sign-out-everywhere/")
    desk.get(SOME_PAGE)
    assert signed_in(desk)
    assert not ModelLogEntry.objects.filter(action=staff_sessions.SIGNED_OUT_EVERYWHERE).exists()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", {"Front desk": 15}),
        ("Front desk=10, Billing office=20", {"Front desk": 10, "Billing office": 20}),
    ],
)
def test_group_limits_are_read_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("IDLE_SIGN_OUT_GROUP_MINUTES", value)
    assert env_minutes_by_name("IDLE_SIGN_OUT_GROUP_MINUTES", {"Front desk": 15}) == expected


@pytest.mark.parametrize("value", ["Front desk", "Front desk=0", "=15", "Front desk=ten"])
def test_a_wrong_group_limit_is_refused_with_an_example(monkeypatch, value):
    monkeypatch.setenv("IDLE_SIGN_OUT_GROUP_MINUTES", value)
    with pytest.raises(ImproperlyConfigured, match="like 'Front desk=15,Editors=30'"):
        env_minutes_by_name("IDLE_SIGN_OUT_GROUP_MINUTES", {})
