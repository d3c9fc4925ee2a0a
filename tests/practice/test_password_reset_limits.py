"""The admin's password reset sends a limited number of mails per email address and per client,
and answers every request the same way: whether an account has the address, and whether a
limit was reached, is never told (issue 25, finding 8: 13 mails to one address in 0.5 s)."""

import logging
from types import SimpleNamespace

import pytest
from django.core import mail

from practice import spam
from tests.factories import UserFactory
from tests.helpers import mail_sent

pytestmark = pytest.mark.django_db

RESET_URL = "/admin/password_reset/"
DONE_URL = "/admin/password_reset/done/"


def ask(client, email, address="203.0.113.7"):
    """Ask for a reset mail; whatever the request queued is sent, as the worker would."""
    with mail_sent():
        return client.post(RESET_URL, {"email": email}, REMOTE_ADDR=address)


@pytest.fixture
def rosa():
    return UserFactory(username="rosa", email="rosa@practice.example")


def test_thirteen_requests_for_one_address_send_no_more_than_the_limit(client, rosa):
    answers = [ask(client, "rosa@practice.example") for _ in range(13)]
    assert {(answer.status_code, answer["Location"]) for answer in answers} == {(302, DONE_URL)}
    assert len(mail.outbox) == 3  # PASSWORD_RESET_LIMIT_PER_EMAIL (13 before the limit)
    assert all(message.to == ["rosa@practice.example"] for message in mail.outbox)


def test_one_mailbox_asked_for_from_many_clients_is_still_limited(client, rosa, settings):
    for number in range(13):
        ask(client, "Rosa@Practice.example ", address=f"198.51.100.{number + 1}")
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_EMAIL


def test_one_client_asking_for_many_mailboxes_is_limited(client, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 4
    for number in range(6):
        UserFactory(email=f"staff{number}@practice.example")
        ask(client, f"staff{number}@practice.example")
    assert len(mail.outbox) == 4
    # Another client is not held back by that one.
    UserFactory(email="nurse@practice.example")
    ask(client, "nurse@practice.example", address="192.0.2.44")
    assert len(mail.outbox) == 5


def test_the_answer_never_tells_whether_an_account_exists_or_a_limit_was_reached(
    client, rosa, settings
):
    settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 1
    sent = ask(client, "rosa@practice.example")
    limited = ask(client, "rosa@practice.example")
    nobody = ask(client, "nobody@practice.example", address="192.0.2.10")
    assert len(mail.outbox) == 1
    answers = [(answer.status_code, answer["Location"]) for answer in (sent, limited, nobody)]
    assert answers == [(302, DONE_URL)] * 3
    done = client.get(DONE_URL)
    assert done.status_code == 200
    assert "rosa" not in done.content.decode()


def test_addresses_without_an_account_use_up_the_allowance_just_the_same(client, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 2
    ask(client, "nobody@practice.example")
    ask(client, "nobody-else@practice.example")
    UserFactory(email="rosa@practice.example")
    ask(client, "rosa@practice.example")
    assert mail.outbox == []


def test_a_limited_request_is_logged_without_the_address(client, rosa, settings, caplog):
    settings.PASSWORD_RESET_LIMIT_PER_EMAIL = 1
    with caplog.at_level(logging.WARNING, logger="practice.password_reset"):
        ask(client, "rosa@practice.example")
        ask(client, "rosa@practice.example")
    [record] = caplog.records
    assert "too many for one email address" in record.getMessage()
    assert "rosa" not in record.getMessage()
    assert "203.0.113.7" not in record.getMessage()


def test_the_allowance_comes_back_in_the_next_period(client, rosa, settings, monkeypatch):
    for _ in range(5):
        ask(client, "rosa@practice.example")
    assert len(mail.outbox) == 3
    later = spam.time.time() + settings.PASSWORD_RESET_LIMIT_PERIOD
    monkeypatch.setattr(spam, "time", SimpleNamespace(time=lambda: later))
    ask(client, "rosa@practice.example")
    assert len(mail.outbox) == 4
