"""The dashboard warns those who can act when email keeps failing: what fails and since when,
never a word of a message (practice/dashboard.py, practice.mail.delivery_trouble)."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.utils import formats, timezone
from django_tasks_db.models import DBTaskResult

from practice.dashboard import MailTroublePanel, add_mail_trouble_panel
from practice.mail import MAIL_ATTEMPTS, delivery_trouble, mail_task, message_parts
from tests.factories import SuperuserFactory, UserFactory
from tests.helpers import DATABASE_TASKS, bench_stack, run_like_the_worker

pytestmark = pytest.mark.django_db

# What no warning may show: a patient's address and name.
PATIENT_MESSAGE = EmailMessage(
    "Maria Quintero-Hale asked to be called back", "Call her today.", to=["maria.q@example.org"]
)


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


SMTP = "django.core.mail.backends.smtp.EmailBackend"
OUTBOX = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def mail_server(settings):
    """SMTP settings naming a port nothing listens on: every attempt through it fails."""
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", bench_stack().free_port()
    return settings


def attempt(settings, fails, number=1):
    """One attempt at sending the patient's message, run as the worker runs it: through the
    mail server that is down, or (when it does not fail) into the outbox."""
    settings.EMAIL_DELIVERY_BACKEND = SMTP if fails else OUTBOX
    result = mail_task().enqueue(message_parts(PATIENT_MESSAGE), attempt=number)
    row = run_like_the_worker(DBTaskResult.objects.get(pk=result.id))
    assert row.status == ("FAILED" if fails else "SUCCESSFUL")
    return row


def panels_for(user):
    panels = []
    add_mail_trouble_panel(SimpleNamespace(user=user), panels)
    return panels


def test_three_failures_in_a_row_warn_superusers_with_what_and_when_and_nothing_personal(
    client, mail_server
):
    for _ in range(3):
        latest = attempt(mail_server, fails=True)
    client.force_login(SuperuserFactory())

    page = client.get("/admin/").content.decode()

    assert "Email is not being delivered" in page
    assert "The last 3 attempts to send email failed." in page
    when = timezone.localtime(latest.finished_at)
    assert f"The latest failed on {formats.date_format(when, 'F j, Y')} at" in page
    assert "the mail server refused the connection (ConnectionRefusedError)" in page
    assert f"mail server 127.0.0.1:{mail_server.EMAIL_PORT}" in page
    for personal in ("maria", "Maria", "Quintero", "Call her"):
        assert personal not in page


def test_no_warning_while_mail_gets_through(mail_server):
    attempt(mail_server, fails=True)
    attempt(mail_server, fails=True)
    assert delivery_trouble() is None, "two failures are not yet trouble"
    attempt(mail_server, fails=False)
    attempt(mail_server, fails=True)
    attempt(mail_server, fails=True)
    assert delivery_trouble() is None, "the streak was broken by a message sent"
    assert panels_for(SuperuserFactory()) == []


def test_only_superusers_and_settings_managers_are_warned(mail_server):
    for _ in range(3):
        attempt(mail_server, fails=True)
    editor = UserFactory()
    settings_manager = UserFactory()
    settings_manager.user_permissions.add(
        Permission.objects.get(codename="change_practicesettings")
    )

    assert panels_for(editor) == []
    assert [type(panel) for panel in panels_for(settings_manager)] == [MailTroublePanel]
    assert [type(panel) for panel in panels_for(SuperuserFactory())] == [MailTroublePanel]


def test_a_message_given_up_is_reported_for_a_day(mail_server):
    attempt(mail_server, fails=True, number=MAIL_ATTEMPTS)
    trouble = delivery_trouble()

    text = MailTroublePanel(trouble).render_html({})
    assert "1 message could not be sent in 3 attempts over the last day" in text
    assert "maria" not in text
    tomorrow = timezone.now() + datetime.timedelta(hours=25)
    assert delivery_trouble(now=tomorrow) is None


def test_mail_waiting_long_for_the_worker_is_reported():
    mail_task().enqueue(message_parts(PATIENT_MESSAGE), attempt=1)
    assert delivery_trouble() is None, "a message just queued is not late"

    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=20))
    trouble = delivery_trouble()

    assert trouble.waiting_too_long == 1 and trouble.latest_failure_at is None
    text = MailTroublePanel(trouble).render_html({})
    assert "1 message has waited more than 15 minutes to be sent" in text
    assert "is the background worker running?" in text
