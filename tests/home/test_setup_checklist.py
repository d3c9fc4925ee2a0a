"""The first-run checklist on superusers' dashboards: each item done or linked to where it is
done, gone once everything is; `make run` ends with how to sign in; a lost password has a way
back."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command

from education.review import MEDICAL_REVIEWERS
from home.setup_checklist import checklist
from practice.management.commands.run_site import BANNER_VARIABLE
from practice.management.commands.run_site import Command as RunSite
from practice.models import PracticeSettings
from tests.factories import ClinicianPageFactory, NoticePageFactory, UserFactory

pytestmark = pytest.mark.django_db


def labels(items, done):
    return {item.label for item in items if item.done is done}


def panel(client, user):
    client.force_login(user)
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return html.find(id="setup-checklist-section")


def finish_setup(site, settings, consultation_page, clinician_index):
    settings.SITE_URL = "https://www.example-practice.com"
    reviewer = UserFactory(groups=[MEDICAL_REVIEWERS])
    ClinicianPageFactory(parent=clinician_index, user=reviewer)
    for name in ("Front desk", "Comment moderators"):
        UserFactory(groups=[name])
    practice = PracticeSettings.for_site(site)
    practice.email = "office@example-practice.com"
    practice.save()
    consultation_page.to_address = "desk@example-practice.com"
    consultation_page.save_revision().publish()


def test_a_fresh_site_lists_everything_to_do_with_links(client, superuser, site, consultation_page):
    PracticeSettings.objects.filter(site=site).update(email="")
    items = checklist()
    assert labels(items, False) == {
        "The public site address is set",
        "A medical reviewer is linked to their clinician profile",
        "The Front desk group has members",
        "The Comment moderators group has members",
        "The office email addresses are set",
    }
    section = panel(client, superuser)
    assert section is not None
    links = {a.get_text(strip=True): a["href"] for a in section.find_all("a", href=True)}
    assert links["The Front desk group has members"] == "/admin/users/"
    assert links["The office email addresses are set"].startswith("/admin/settings/practice/")
    for href in links.values():
        if href.startswith("/admin/"):
            assert client.get(href).status_code == 200, href


def test_the_checklist_is_for_superusers_only(client, editor, consultation_page):
    assert panel(client, editor) is None


def test_items_tick_off_and_the_panel_goes_when_all_are_done(
    client, superuser, site, settings, consultation_page, clinician_index
):
    finish_setup(site, settings, consultation_page, clinician_index)
    assert labels(checklist(), False) == set()
    assert panel(client, superuser) is None


def test_legal_notices_count_once_a_person_publishes_them(
    client, superuser, site, settings, consultation_page, clinician_index
):
    finish_setup(site, settings, consultation_page, clinician_index)
    notice = NoticePageFactory(title="Notice of privacy practices")
    assert labels(checklist(), False) == {"The legal notices are reviewed"}
    notice.save_revision(user=superuser).publish()
    assert labels(checklist(), False) == set()


def test_an_empty_group_does_not_count_inactive_members(consultation_page):
    UserFactory(groups=["Front desk"], is_active=False)
    assert "The Front desk group has members" in labels(checklist(), False)
    assert Group.objects.get(name="Front desk").user_set.count() == 1


def test_ensure_admin_says_how_to_reset_a_lost_password():
    call_command("ensure_admin", stdout=io.StringIO())
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    assert "already exists (admin)" in out.getvalue()
    assert "manage.py changepassword admin" in out.getvalue()


def test_run_site_prints_the_sign_in_last(monkeypatch):
    monkeypatch.setenv(BANNER_VARIABLE, "user name: admin\npassword:  s3cret")
    command = RunSite(stdout=io.StringIO(), no_color=True)
    command.addr, command.protocol, command._raw_ipv6 = "127.0.0.1", "http", False
    command.on_bind(8300)
    printed = command.stdout.getvalue().rstrip().splitlines()
    assert "Starting development server at http://127.0.0.1:8300/" in "\n".join(printed)
    assert printed[-2:] == ["user name: admin", "password:  s3cret"]
