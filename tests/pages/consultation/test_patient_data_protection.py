"""What patients type never travels by email, and never reaches logs or error reports."""

import io
import logging
import sys
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client
from django.views.debug import get_exception_reporter_class
from django_tasks.backends.dummy import DummyBackend

from pages.consultation.models import ConsultationFormPage, ConsultationRequest
from practice.privacy import forget_protected_values, protect_form_data
from tests.helpers import mail_sent

from .helpers import PERSONAL_VALUES, answers

pytestmark = pytest.mark.django_db
URL = "/consultation/"


@pytest.fixture
def console_log():
    """What the configured console handler writes (the production log), while the test runs."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_the_office_is_told_a_request_arrived_without_any_of_its_content(client, consultation_page):
    with mail_sent():
        client.post(URL, answers())

    [message] = mail.outbox
    stored = ConsultationRequest.objects.get()
    assert message.to == ["office@rubin-pain.example"]
    assert message.subject == "New consultation request from the website"
    assert "A new consultation request arrived" in message.body
    assert f"http://testserver/admin/consultation-requests/{stored.pk}/" in message.body
    everything = message.message().as_string()
    for value in PERSONAL_VALUES + ["Burning pain", "Quintero"]:
        assert value not in everything
    assert not message.attachments and not message.alternatives
    assert message.reply_to == []


def test_wagtails_own_email_rendering_carries_no_answers_either(consultation_page):
    form = consultation_page.get_form(answers(), page=consultation_page)
    assert form.is_valid()
    text = consultation_page.render_email(form)
    assert "A new consultation request arrived" in text
    for value in PERSONAL_VALUES:
        assert value not in text


def test_no_email_is_sent_when_no_address_is_set(client, consultation_page):
    ConsultationFormPage.objects.filter(pk=consultation_page.pk).update(to_address="")
    with mail_sent():
        assert client.post(URL, answers()).status_code == 303
    assert mail.outbox == []
    assert ConsultationRequest.objects.count() == 1


def test_a_mail_queue_that_cannot_be_written_does_not_lose_the_request(
    client, consultation_page, console_log
):
    unreachable = OperationalError("the task table is unreachable")
    with mock.patch.object(DummyBackend, "enqueue", side_effect=unreachable), mail_sent():
        response = client.post(URL, answers())

    assert response.status_code == 303
    assert ConsultationRequest.objects.count() == 1
    assert "Could not queue an email (New consultation request" in console_log.getvalue()
    assert mail.outbox == []


def failing_submission(page, form):
    """A fault deep in storing the request: a library logs a value, then fails with the answers
    in its exception message (as a database driver's error might)."""
    logging.getLogger("some.library").warning("Rejected row for %s", form.cleaned_data["email"])
    raise RuntimeError(f"could not store {form.cleaned_data!r} ({form.cleaned_data['reason']})")


def test_a_failing_request_never_writes_what_the_patient_typed_to_the_log(
    consultation_page, console_log
):
    client = Client(raise_request_exception=False)
    with mock.patch.object(ConsultationFormPage, "process_form_submission", failing_submission):
        response = client.post(URL, answers())

    assert response.status_code == 500
    log = console_log.getvalue()
    assert "Internal Server Error: /consultation/" in log
    assert "RuntimeError: could not store" in log  # the fault itself is still reported
    assert "Rejected row for [redacted]" in log
    assert "[redacted]" in log
    for value in PERSONAL_VALUES:
        assert value not in log


def test_error_reports_show_no_posted_values_local_variables_or_answers(consultation_page, rf):
    request = rf.post(URL, answers())
    protect_form_data(request)
    form = consultation_page.get_form(request.POST, page=consultation_page)
    form.is_valid()
    try:
        failing_submission(consultation_page, form)
    except RuntimeError:
        reporter = get_exception_reporter_class(request)(request, *sys.exc_info())
    finally:
        forget_protected_values()
    text = reporter.get_traceback_text()
    html = reporter.get_traceback_html()

    assert "RuntimeError" in text
    for value in PERSONAL_VALUES:
        assert value not in text
        assert value not in html


def test_other_requests_are_logged_as_usual(console_log):
    logging.getLogger("practice.test").warning("The value %s is fine", "Maria Quintero-Hale")
    assert "The value Maria Quintero-Hale is fine" in console_log.getvalue()
