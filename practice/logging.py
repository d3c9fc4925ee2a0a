"""Structured logs that never carry what a patient typed.

- JsonFormatter writes one JSON object per line with a fixed set of fields. It never reads a
  request's GET, POST, body or cookies: for request-bound records it takes the method, the path
  without its query string, and the status code, nothing else.
- RedactFilter scrubs every message and traceback: query strings are cut off any URL (a search
  or a form's GET parameters can hold what a patient typed, including on /consultation/) and
  email addresses (a commenter's, a patient's) are replaced.
- GunicornJsonLogger writes gunicorn's access log in the same shape, path only.

Used by LOGGING in practice/settings/base.py and by deploy/gunicorn.conf.py.
"""

import datetime
import json
import logging
import re

from gunicorn.glogging import Logger as GunicornLogger

# A URL or path followed by a query string: keep the path, drop everything from "?" on.
QUERY_STRING = re.compile(r"(?P<path>(?:https?://[^\s/?#\"']+)?/[^\s?#\"']*)\?[^\s#\"']*")
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
REDACTED_EMAIL = "[email removed]"


def redact(text):
    text = QUERY_STRING.sub(r"\g<path>", text)
    return EMAIL_ADDRESS.sub(REDACTED_EMAIL, text)


class RedactFilter(logging.Filter):
    """Renders each record's message once, redacted, so no handler sees the raw arguments."""

    def filter(self, record):
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        record.exc_info = None  # the redacted text above is what gets written
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = getattr(request, "method", None)
            entry["path"] = request.path  # never get_full_path(): no query string
        status_code = getattr(record, "status_code", None)
        if status_code is not None:
            entry["status"] = status_code
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = redact(record.exc_text)
        return json.dumps(entry, ensure_ascii=False, default=str)


class GunicornJsonLogger(GunicornLogger):
    """gunicorn's access log as JSON lines: the path, never the query string or referrer."""

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        entry = {
            "time": datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO", ""),
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.seconds * 1000 + request_time.microseconds / 1000, 1),
            "remote": environ.get("REMOTE_ADDR"),
        }
        try:
            self.access_log.info(json.dumps(entry))
        except Exception:  # noqa: BLE001 - logging must never break a response
            self.error(f"Failed to write the access log entry for {entry['path']}")
