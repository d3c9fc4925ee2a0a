import datetime
import io
import json
import logging
import logging.config

import pytest
from django.conf import settings
from django.http import HttpResponseServerError
from django.test import RequestFactory
from django.utils.log import log_response

from practice.logging import GunicornJsonLogger, JsonFormatter, RedactFilter


@pytest.fixture
def json_log():
    """The production console handler (JSON formatter + redaction), writing to a buffer."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RedactFilter())
    logger = logging.getLogger("practice.test")
    logger.addHandler(handler)
    django_request = logging.getLogger("django.request")
    django_request.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    django_request.removeHandler(handler)


def test_settings_wire_the_json_formatter_and_redaction_into_the_console_handler():
    handler = settings.LOGGING["handlers"]["console"]
    # After the form-value filter (practice/privacy.py), which needs the raw arguments.
    assert handler["filters"] == ["redact_form_values", "redact"]
    assert settings.LOGGING["formatters"]["json"]["()"] == "practice.logging.JsonFormatter"
    assert settings.LOGGING["filters"]["redact"]["()"] == "practice.logging.RedactFilter"


def test_each_record_is_one_json_line_with_fixed_fields(json_log):
    logging.getLogger("practice.test").warning("Cache for %s is cold", "home")
    (entry,) = json_log()
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "practice.test"
    assert entry["message"] == "Cache for home is cold"
    assert entry["time"].endswith("+00:00")


def test_query_strings_are_cut_from_messages(json_log):
    logging.getLogger("practice.test").info(
        "GET /consultation/?name=Jane+Doe&reason=back+pain HTTP/1.1 then "
        "https://practice.example/search/?query=opioids"
    )
    message = json_log()[0]["message"]
    assert message == "GET /consultation/ HTTP/1.1 then https://practice.example/search/"
    assert "Jane" not in message and "opioids" not in message


def test_email_addresses_are_removed_from_messages_and_arguments(json_log):
    logging.getLogger("practice.test").info("Comment from %s held", "pat.smith@example.org")
    assert json_log()[0]["message"] == "Comment from [email removed] held"


def test_a_server_error_on_a_form_post_logs_no_form_values(json_log):
    request = RequestFactory().post(
        "/consultation/?ref=newsletter",
        {"name": "Jane Doe", "email": "jane@example.org", "message": "Severe migraine"},
    )
    try:
        raise ValueError("boom while saving the request for jane@example.org")
    except ValueError as error:
        # As Django logs an unhandled exception, but with the full path (query string and all).
        response = HttpResponseServerError()
        log_response(
            "Internal Server Error: %s",
            request.get_full_path(),
            response=response,
            request=request,
            exception=error,
        )
    raw = json.dumps(json_log())
    for secret in ("Jane", "Severe migraine", "jane@example.org", "newsletter"):
        assert secret not in raw
    entries = json_log()
    assert entries[-1]["path"] == "/consultation/"
    assert entries[-1]["method"] == "POST"
    assert entries[-1]["status"] == 500
    assert (
        "ValueError: boom while saving the request for [email removed]" in entries[-1]["exception"]
    )


def test_gunicorn_access_log_is_json_with_the_path_only():
    from gunicorn.config import Config

    cfg = Config()
    cfg.set("accesslog", "-")
    logger = GunicornJsonLogger(cfg)
    stream = io.StringIO()
    logger.access_log.handlers[0].setStream(stream)

    class Response:
        status = "200 OK"
        sent = 5120

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/consultation/thanks/",
        "QUERY_STRING": "name=Jane+Doe",
        "HTTP_REFERER": "https://practice.example/consultation/?name=Jane+Doe",
        "REMOTE_ADDR": "203.0.113.7",
    }
    logger.access(Response(), None, environ, datetime.timedelta(milliseconds=42))
    line = stream.getvalue().strip()
    entry = json.loads(line)
    assert entry["path"] == "/consultation/thanks/"
    assert entry["status"] == 200
    assert entry["bytes"] == 5120
    assert entry["duration_ms"] == 42.0
    assert "Jane" not in line
