"""Every email the site sends leaves the request: it is queued, and the background worker sends it.

A mail server that hangs held each consultation request 30 s (until gunicorn killed the worker,
after the request was stored: the patient saw an error and sent it again), and every page on
that node waited behind it. So settings.EMAIL_BACKEND is `QueuedEmailBackend`: whatever sends
mail through Django (the office's notice of a consultation request, the moderators' notice of
a comment, Wagtail's workflow and comment notifications, the admin's password reset) only
writes each message's parts (subject, body, addresses, headers: plain text, never a model
instance) into a task, once the request's transaction commits. `send_message` then sends it
from the worker through EMAIL_DELIVERY_BACKEND (SMTP in production, with EMAIL_TIMEOUT), and
tries again later when that fails: MAIL_ATTEMPTS in all. Each attempt is a row of django-tasks'
database backend, the failed ones with their error, which `delivery_trouble()` reads for the
dashboard's warning (practice/dashboard.py).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task, task_backends

logger = logging.getLogger(__name__)

MAIL_ATTEMPTS = 3
# Seconds before the second and the third attempt: a restarting mail server, then a longer outage.
RETRY_DELAYS = (60, 15 * 60)


# --- Queueing, in the request ------------------------------------------------------------


def message_parts(message):
    """What `message` says, as JSON-ready data."""
    if message.attachments:
        # Nothing the site sends has any; files do not belong in the task table.
        raise ValueError("Queued email carries no attachments.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in alternatives(message)],
        "content_subtype": message.content_subtype,
    }


def alternatives(message):
    return getattr(message, "alternatives", None) or []


def message_from_parts(parts):
    message = EmailMultiAlternatives(
        parts["subject"],
        parts["body"],
        parts["from_email"],
        parts["to"],
        bcc=parts["bcc"],
        cc=parts["cc"],
        reply_to=parts["reply_to"],
        headers=parts["headers"],
    )
    message.content_subtype = parts["content_subtype"]
    for content, mimetype in parts["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


def mail_task():
    """`send_message` on the task backend settings.EMAIL_TASK_BACKEND names."""
    return send_message.using(backend=settings.EMAIL_TASK_BACKEND)


def enqueue(parts):
    """Queue one message. A queue that cannot be written to (the task table unreachable) costs
    that message, never the request that sent it: whatever it stored stays stored."""
    try:
        mail_task().enqueue(parts, attempt=1)
    except Exception:
        logger.exception("Could not queue an email (%s); it was not sent", parts["subject"])


class QueuedEmailBackend(BaseEmailBackend):
    """settings.EMAIL_BACKEND: queues each message once the current transaction commits (at
    once outside a transaction), so a rolled-back request mails nothing and no request waits
    on the mail server."""

    def send_messages(self, email_messages):
        for message in email_messages:
            transaction.on_commit(partial(enqueue, message_parts(message)))
        return len(email_messages)


# --- Sending, in the worker --------------------------------------------------------------


# Before any page render (practice/prerender.py): a bulk publish queues hundreds of those, and
# the office must not hear of a consultation request only after them.
MAIL_PRIORITY = 10


@task(backend="background", priority=MAIL_PRIORITY)
def send_message(parts, attempt=1):
    """Send one message through settings.EMAIL_DELIVERY_BACKEND. A failure is raised, so the
    worker records this attempt as failed with its error, after the next one is queued."""
    try:
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
        connection.send_messages([message_from_parts(parts)])
    except Exception as error:
        try_again_later(parts, attempt, error)
        raise


def try_again_later(parts, attempt, error):
    failure = type(error).__name__
    if attempt >= MAIL_ATTEMPTS:
        logger.error("Gave up on an email after %s attempts (%s)", attempt, failure)
        return
    if not task_backends[settings.EMAIL_TASK_BACKEND].supports_defer:
        logger.error("Could not send an email (%s); not retried on this backend", failure)
        return
    delay = RETRY_DELAYS[attempt - 1]
    run_after = timezone.now() + timedelta(seconds=delay)
    mail_task().using(run_after=run_after).enqueue(parts, attempt=attempt + 1)
    logger.warning("Could not send an email (%s); attempt %s in %s s", failure, attempt + 1, delay)


# --- What the dashboard says --------------------------------------------------------------

# The window the dashboard looks back over, how many failures in a row it calls trouble, and
# how long a message may wait for the worker before it does (no worker running, say).
TROUBLE_WINDOW = timedelta(hours=24)
FAILURES_IN_A_ROW = 3
LONGEST_WAIT = timedelta(minutes=15)

# What an error means, in words staff can act on (never the error's own text, which can hold
# an address).
ERROR_MEANINGS = {
    "smtplib.SMTPServerDisconnected": "the mail server closed the connection or did not answer",
    "builtins.TimeoutError": "the mail server did not answer in time",
    "builtins.ConnectionRefusedError": "the mail server refused the connection",
    "socket.gaierror": "the mail server's name could not be found",
    "smtplib.SMTPAuthenticationError": "the mail server refused the user name or password",
    "smtplib.SMTPRecipientsRefused": "the mail server refused the recipients",
    "smtplib.SMTPSenderRefused": "the mail server refused the sender address",
}


def error_meaning(exception_class_path):
    name = exception_class_path.rpartition(".")[2]
    meaning = ERROR_MEANINGS.get(exception_class_path, "sending failed")
    return f"{meaning} ({name})"


@dataclass(frozen=True)
class DeliveryTrouble:
    failures_in_a_row: int  # the latest attempts, all failed
    latest_failure_at: object  # None when nothing failed (messages only wait)
    latest_error: str
    given_up: int  # messages whose every attempt failed, within the window
    waiting_too_long: int  # messages the worker should have sent LONGEST_WAIT ago


def waiting_too_long(mail, now):
    from django_tasks_db.models import get_date_max

    due_long_ago = now - LONGEST_WAIT
    return (
        mail.filter(status="READY")
        .filter(
            Q(run_after=get_date_max(), enqueued_at__lte=due_long_ago)
            | Q(run_after__lte=due_long_ago)
        )
        .count()
    )


def delivery_trouble(now=None):
    """Why the dashboard should warn that email is not delivered, or None: the latest
    FAILURES_IN_A_ROW attempts failed or a message was given up (within TROUBLE_WINDOW), or
    messages wait longer than LONGEST_WAIT for the worker."""
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    mail = DBTaskResult.objects.filter(task_path=send_message.module_path)
    recent = mail.finished().filter(finished_at__gte=now - TROUBLE_WINDOW)
    latest = list(recent.order_by("-finished_at").values_list("status", flat=True)[:50])
    failures_in_a_row = next((i for i, s in enumerate(latest) if s != "FAILED"), len(latest))
    given_up = recent.failed().filter(args_kwargs__kwargs__attempt=MAIL_ATTEMPTS).count()
    late = waiting_too_long(mail, now)
    if failures_in_a_row < FAILURES_IN_A_ROW and not given_up and not late:
        return None
    last_failure = recent.failed().order_by("-finished_at").first()
    return DeliveryTrouble(
        failures_in_a_row=failures_in_a_row,
        latest_failure_at=last_failure and last_failure.finished_at,
        latest_error=last_failure and error_meaning(last_failure.exception_class_path),
        given_up=given_up,
        waiting_too_long=late,
    )
