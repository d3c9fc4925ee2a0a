"""A mail server that accepts connections and never answers (issue 25, finding 2: each request
waited 30 s, ended in a 500 though it was stored, and the patient sent it again). Now the
patient is answered at once and the request stored once; the worker's attempt times out after
EMAIL_TIMEOUT, is recorded as failed, and is tried again later."""

import datetime
import time

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pages.consultation.models import ConsultationRequest
from practice.mail import send_message
from tests.helpers import DATABASE_TASKS, bench_stack, run_like_the_worker

from .helpers import answers

pytestmark = pytest.mark.django_db
URL = "/consultation/"


@pytest.fixture
def hung_mail_server(settings):
    server = bench_stack().HungMailServer()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.TASKS = DATABASE_TASKS  # the queue as production keeps it
    yield server
    server.close()


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def test_the_patient_never_waits_on_a_hung_mail_server_and_the_worker_gives_it_a_timeout(
    client, consultation_page, hung_mail_server, settings
):
    settings.EMAIL_TIMEOUT = 10  # what production waits, from the worker

    def submit():
        # The request's on-commit callbacks (the queueing) run inside the timing, as in production.
        with TestCase.captureOnCommitCallbacks(execute=True):
            return client.post(URL, answers())

    response, seconds = timed(submit)

    assert response.status_code == 303, "the thank-you page"
    assert hung_mail_server.connections == [], "the request itself talked to the mail server"
    assert seconds < 1.5, f"the patient waited {seconds:.1f} s"
    assert ConsultationRequest.objects.count() == 1
    mail_tasks = DBTaskResult.objects.filter(task_path=send_message.module_path)
    (queued,) = mail_tasks

    settings.EMAIL_TIMEOUT = 0.5
    attempt, seconds = timed(lambda: run_like_the_worker(queued))

    assert len(hung_mail_server.connections) == 1
    assert 0.5 <= seconds < 3, f"the attempt took {seconds:.1f} s, not EMAIL_TIMEOUT"
    assert attempt.status == "FAILED"
    assert attempt.exception_class_path == "smtplib.SMTPServerDisconnected"
    (retry,) = mail_tasks.filter(status="READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)
    assert mail.outbox == []
    assert ConsultationRequest.objects.count() == 1
