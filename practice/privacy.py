"""Keeping what patients type out of logs and error reports.

A view that receives personal data calls `protect_form_data(request)` before it touches the form.
From then on, for that request:

- error reports (the debug page, emails to admins, anything built on Django's exception
  reporter) show no POST values, no local variables and no submitted value in exception messages;
- log records that pass through `RedactFormValuesFilter` (installed on every handler in
  settings.LOGGING) have each submitted value replaced by "[redacted]", in the message and in
  the traceback text.
"""

import json
import logging
from contextvars import ContextVar

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

REDACTED = "[redacted]"
# Shorter values ("1", "no") are not worth hiding and would garble every log line.
MIN_REDACTED_LENGTH = 3
# Never secret, and sent with every form.
NOT_PERSONAL_FIELDS = frozenset({"csrfmiddlewaretoken"})

_protected_values = ContextVar("practice_protected_values", default=())


def protect_form_data(request):
    """Mark this request's POST values as personal data that must never be logged or reported."""
    # Django's own switch: error reports then hide every POST parameter of this request.
    request.sensitive_post_parameters = "__ALL__"
    values = set()
    for name, items in request.POST.lists():
        if name in NOT_PERSONAL_FIELDS:
            continue
        for value in items:
            value = value.strip()
            if len(value) >= MIN_REDACTED_LENGTH:
                values.add(value)
    request.protected_values = tuple(values)
    _protected_values.set(request.protected_values)


def is_protected(request):
    return getattr(request, "sensitive_post_parameters", None) == "__ALL__"


def protected_values(request=None):
    values = set(_protected_values.get())
    values.update(getattr(request, "protected_values", ()))
    return values


def redact(text, values):
    """`text` with every value (and its JSON- and repr-escaped spellings) replaced."""
    if not text or not values:
        return text
    spellings = set()
    for value in values:
        spellings.update({value, json.dumps(value)[1:-1], repr(value)[1:-1]})
    for spelling in sorted(spellings, key=len, reverse=True):
        if len(spelling) >= MIN_REDACTED_LENGTH:
            text = text.replace(spelling, REDACTED)
    return text


def forget_protected_values(**kwargs):
    """Connected to request_started and request_finished: a worker thread serves one request
    after another, and values must not outlive their request."""
    _protected_values.set(())


class RedactFormValuesFilter(logging.Filter):
    """A logging filter (for handlers) that removes protected form values from records."""

    def filter(self, record):
        values = protected_values(getattr(record, "request", None))
        if not values:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the template, drop the arguments
            message = str(record.msg)
        record.msg, record.args = redact(message, values), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_text = redact(record.exc_text, values)
        record.stack_info = redact(record.stack_info, values)
        return True


class ProtectedRequestExceptionReporterFilter(SafeExceptionReporterFilter):
    """Django's safe filter, plus: for protected requests, hide POST data and every local
    variable even when DEBUG is on (the debug page is an error report too)."""

    def is_active(self, request):
        return is_protected(request) or super().is_active(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if is_protected(request):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)


class ProtectedRequestExceptionReporter(ExceptionReporter):
    """Removes protected values from exception messages shown in error reports."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        values = protected_values(self.request) if is_protected(self.request) else set()
        if not values:
            return data
        if "exception_value" in data:
            data["exception_value"] = redact(data["exception_value"], values)
        for frame in data["frames"]:
            if frame.get("exc_cause") is not None:
                frame["exc_cause"] = redact(str(frame["exc_cause"]), values)
        return data
