"""Query strings the site cannot read get a 400 that says so, never a server error.

Every view reads its query parameters (`q`, `topic`, `page`, ...) as text and may hand them to
the database. Two kinds of value break that further down, so they are refused here, once, for
every address:

- bytes that are not UTF-8 (`%FF`, the overlong `%C0%AF`): Django would quietly turn them into
  U+FFFD, and the visitor would get results for something they never typed;
- control characters, NUL above all: PostgreSQL refuses to store or even compare text holding
  a NUL, which made `/search/?q=a%00b` answer 500.

Form fields are left to their forms: Django's CharField refuses NUL with a message next to the
field, and the visitor keeps what they typed (tests/practice/test_fuzz_inputs.py walks them).
"""

import re
from urllib.parse import unquote_to_bytes

from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.shortcuts import render
from django.utils.translation import gettext

# C0 controls but tab, line feed and carriage return (a pasted line break is harmless), and DEL.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def unreadable_query(request):
    """Why the query string cannot be read, or None when it can."""
    # The bytes as they came (WSGI hands them over as latin-1), as Django itself reads them.
    raw = get_bytes_from_wsgi(request.META, "QUERY_STRING", "")
    if not raw:
        return None
    try:
        unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return gettext("it contains bytes that are not text")
    for name, values in request.GET.lists():
        if CONTROL_CHARACTERS.search(name) or any(map(CONTROL_CHARACTERS.search, values)):
            return gettext("it contains a control character (such as a null character)")
    return None


def bad_request(request, reason):
    response = render(request, "400_unreadable.html", {"reason": reason}, status=400)
    response["Cache-Control"] = "private, no-store"
    return response


class UnreadableQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = unreadable_query(request)
        if reason is not None:
            return bad_request(request, reason)
        return self.get_response(request)
