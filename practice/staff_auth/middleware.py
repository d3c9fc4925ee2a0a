"""Sends a session that has only a password to the second-factor step.

In the admin, every view but the few `gate.is_open` lets through answers with a redirect to
the verification step (or to enrollment, for an account with no factor yet): pages, JSON
endpoints, choosers, reports and exports alike, whatever the method. Outside it, such a session
counts as signed out, so pages and documents kept for signed-in people stay closed to it.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.deprecation import MiddlewareMixin

from practice.security import is_admin_path

from .gate import is_open, needs_second_factor, second_factor_step


class SecondFactorMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        # Without a session cookie nobody is signed in: the session is not even read, so an
        # anonymous page keeps its headers (no "Vary: Cookie") and costs no query.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        if not needs_second_factor(request):
            return None
        if not is_admin_path(request.path_info):
            request.user = AnonymousUser()
            return None
        if is_open(view_func, request):
            return None
        return second_factor_step(request)
