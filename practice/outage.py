"""When PostgreSQL is unreachable, visitors get a calm 503 page instead of a server error.

The page is rendered without a request context, so nothing on it needs the database. Nothing
has to be done for recovery: CONN_HEALTH_CHECKS makes Django drop a dead connection and open a
new one on the next request, so the site answers normally as soon as the database is back.
bench/db_outage.py proves that against gunicorn and a real PostgreSQL.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def service_unavailable():
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never keep the outage page in a browser, CDN or our own page cache.
    response["Cache-Control"] = "no-store"
    return response


def log_outage(request, exception):
    # The first line says what failed (connection refused, server closed the connection);
    # a traceback per request would bury the logs during an outage.
    reason = str(exception).strip().splitlines()[0][:200] if str(exception).strip() else ""
    logger.error(
        "Database unavailable (%s: %s) for %s %s",
        type(exception).__name__,
        reason,
        request.method,
        request.path,
    )


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            log_outage(request, exception)
            return service_unavailable()
        return None
