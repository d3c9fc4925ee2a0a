"""Email leaves the request: it is queued as plain parts once the request commits, and the
background worker sends it, trying again later when the mail server fails (practice/mail.py)."""

import datetime
import json
import time

import pytest
from django.core import mail
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends

from practice.mail import MAIL_ATTEMPTS, RETRY_DELAYS, send_message
from practice.prerender import render_published_page
from tests.factories import UserFactory
from tests.helpers import bench_stack, mail_sent, send_queued_mail

pytestmark = pytest.mark.django_db

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def queued_mail():
    queue = task_backends["background"]
    return [result for result in queue.results if result.task.func is send_message.func]


def full_message():
    message = mail.EmailMultiAlternatives(
        "Your appointment",
        "See you on Tuesday.",
        "office@practice.example",
        ["patient@example.org"],
        cc=["nurse@practice.example"],
        bcc=["records@practice.example"],
        reply_to=["front-desk@practice.example"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>See you on Tuesday.</p>", "text/html")
    return message


@pytest.fixture
def mail_server_down(settings):
    """SMTP to a port nothing listens on: the connection is refused at once."""
    settings.EMAIL_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", bench_stack().free_port()


def test_a_message_waits_for_the_commit_then_the_worker_sends_it_whole():
    with TestCase.captureOnCommitCallbacks(execute=True) as committed:
        full_message().send()
        assert queued_mail() == []  # nothing before the commit
    assert len(committed) == 1
    (queued,) = queued_mail()
    json.dumps(queued.args)  # plain data only: no model instance, nothing lazy
    assert queued.task.priority > render_published_page.priority  # not behind a bulk publish
    assert mail.outbox == []  # the request itself sent nothing

    send_queued_mail()

    (sent,) = mail.outbox
    original = full_message()
    for part in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "alternatives"):
        assert getattr(sent, part) == getattr(original, part), part
    assert sent.extra_headers == {"Auto-Submitted": "auto-generated"}


def test_nothing_is_mailed_for_a_transaction_rolled_back():
    with mail_sent(), transaction.atomic():
        full_message().send()
        transaction.set_rollback(True)
    assert queued_mail() == []
    assert mail.outbox == []


def test_a_failed_attempt_is_tried_again_later_then_given_up(mail_server_down, caplog):
    with mail_sent():
        full_message().send()
    assert mail.outbox == []

    for attempt in range(2, MAIL_ATTEMPTS + 1):
        (retry,) = queued_mail()
        assert retry.kwargs == {"attempt": attempt}
        wait = retry.task.run_after - timezone.now()
        expected = datetime.timedelta(seconds=RETRY_DELAYS[attempt - 2])
        assert expected - datetime.timedelta(seconds=5) < wait <= expected
        send_queued_mail()

    assert queued_mail() == []
    assert "Gave up on an email after 3 attempts (ConnectionRefusedError)" in caplog.text
    assert "patient@example.org" not in caplog.text


def test_development_sends_at_the_commit_without_a_worker(settings):
    settings.EMAIL_TASK_BACKEND = "default"  # the immediate backend, as practice.settings.dev
    with TestCase.captureOnCommitCallbacks(execute=True):
        full_message().send()
    assert queued_mail() == []
    assert [message.subject for message in mail.outbox] == ["Your appointment"]


def test_a_password_reset_never_waits_on_a_hung_mail_server_and_queues_only_text(client, settings):
    user = UserFactory(email="ana.reyes@practice.example")
    server = bench_stack().HungMailServer()
    settings.EMAIL_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 10
    try:
        started = time.perf_counter()
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = client.post(reverse("wagtailadmin_password_reset"), {"email": user.email})
        elapsed = time.perf_counter() - started
        connections = list(server.connections)
    finally:
        server.close()

    assert response.status_code == 302
    assert connections == [], "the request itself talked to the mail server"
    assert elapsed < 2, f"the reset request took {elapsed:.1f} s"
    (queued,) = queued_mail()
    (parts,) = queued.args
    assert parts["to"] == ["ana.reyes@practice.example"]
    assert "/admin/password_reset/confirm/" in parts["body"]
    # Rendered text and addresses only: nothing the worker would have to load or unpickle.
    assert all(isinstance(value, str | list | dict) for value in parts.values())
    assert str(user.pk) not in json.dumps(parts["headers"])
