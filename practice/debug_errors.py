"""Under DEBUG (`make run`), the pages a patient would see instead of Django's technical ones:
the designed 404 for an unknown address and the designed 500 for a crash, in the language of
the address (the locale middleware has already chosen it). A newcomer sees the site as it is
in production; the crash's traceback still goes to the console."""

import logging

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.views import defaults

from .views import server_error

logger = logging.getLogger("django.request")
# Django answers these with their own 400 and 403 pages whatever DEBUG says.
HANDLED_BY_DJANGO = (PermissionDenied, BadRequest, SuspiciousOperation, MultiPartParserError)


class DesignedErrorPages:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        if isinstance(exception, HANDLED_BY_DJANGO):
            return None
        # Django would log the 500 without its traceback: log it once, with the traceback.
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        response = server_error(request)
        response._has_been_logged = True  # what django.utils.log.log_response looks for
        return response
