"""Staff sessions end when left idle, and all at once on "Sign out everywhere".

Everyone who signs in here is staff, and every screen behind the sign-in can show health
information, so a session left open on a front-desk computer is signed out on its next request
once it has been idle longer than its limit: IDLE_SIGN_OUT_GROUP_MINUTES for the person's groups
(the shortest of them), else IDLE_SIGN_OUT_MINUTES. The person lands on the login page, with a
message saying why, and comes back to where they were after signing in.

What counts as activity is any request the person makes, but not the admin's background
polling: the editor pings Wagtail's editing sessions every few seconds (to show who else is
editing) for as long as the tab is open, and would otherwise keep a forgotten session alive
forever. The time of the last activity is kept in the session, written at most once a minute
(so a session may end up to a minute early, never late).

"Sign out everywhere" raises the person's sign-in generation (practice.models.SignInGeneration);
each session remembers the generation it signed in under, and one that is behind is signed out
here. One indexed query per signed-in request, and no scan of the session table, which has no
index by user.

The middleware sits after the authentication and message middleware (it needs request.user and
leaves a message) and works in process_view, once the address is resolved, so it can tell
polling from use. A request without a session cookie returns at once: anonymous public pages
never load or get a session, and the page cache answers them before this runs anyway.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.db.models import F
from django.urls import reverse
from django.utils.deprecation import MiddlewareMixin
from wagtail.log_actions import log

from practice.models import SignInGeneration
from practice.staff_auth.audit import concrete

LAST_SEEN = "practice_last_seen"
GENERATION = "practice_sign_in_generation"
# Seconds between writes of the last activity to the session.
RESOLUTION = 60
# Wagtail's background requests (URL namespaces): they are not someone using the admin.
POLLING_NAMESPACES = {"wagtailadmin_editing_sessions"}

SIGNED_OUT_EVERYWHERE = "practice.sign_out_everywhere"


def now():
    return time.time()


def idle_limit_minutes(user):
    """The shortest limit among the person's groups, else the site-wide one."""
    by_group = settings.IDLE_SIGN_OUT_GROUP_MINUTES
    names = user.groups.filter(name__in=list(by_group)).values_list("name", flat=True)
    return min((by_group[name] for name in names), default=settings.IDLE_SIGN_OUT_MINUTES)


def _shortest_limit_minutes():
    return min([settings.IDLE_SIGN_OUT_MINUTES, *settings.IDLE_SIGN_OUT_GROUP_MINUTES.values()])


def current_generation(user):
    found = SignInGeneration.objects.filter(user_id=user.pk).values_list("number", flat=True)
    return found.first() or 0


def is_polling(request):
    match = request.resolver_match
    return match is not None and bool(POLLING_NAMESPACES.intersection(match.namespaces))


def idle_minutes_passed(request, user):
    """The person's idle limit in minutes when this session has been idle past it, else 0."""
    last_seen = request.session.get(LAST_SEEN)
    if last_seen is None:
        return 0
    idle = now() - last_seen
    if idle <= _shortest_limit_minutes() * 60:
        return 0  # no need to look up the person's groups
    limit = idle_limit_minutes(user)
    return limit if idle > limit * 60 else 0


def note_activity(request):
    last_seen = request.session.get(LAST_SEEN)
    if last_seen is None or now() - last_seen >= RESOLUTION:
        request.session[LAST_SEEN] = now()


def start_session(sender, request, user, **kwargs):
    """At sign-in: the session starts active, under the person's current generation."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = now()
        request.session[GENERATION] = current_generation(user)


def connect_signals():
    user_logged_in.connect(start_session, dispatch_uid="practice.staff_sessions.start")


def end_sessions(user, by, request=None):
    """Sign `user` out of every session; the one `request` belongs to stays signed in."""
    # request.user arrives wrapped (django-otp's lazy user around Django's), which Wagtail's
    # log would silently skip.
    user, by = concrete(user), concrete(by)
    generation, _ = SignInGeneration.objects.get_or_create(user=user)
    SignInGeneration.objects.filter(pk=generation.pk).update(number=F("number") + 1)
    kept = request is not None and request.user.pk == user.pk
    if kept:
        request.session[GENERATION] = current_generation(user)
    log(user, SIGNED_OUT_EVERYWHERE, user=by, data={"kept_current_session": kept})


def _sign_out(request, message):
    logout(request)
    messages.warning(request, message)
    login_url = reverse("wagtailadmin_login")
    if is_polling(request) or request.path == login_url:
        return None  # the view answers as for anyone signed out
    return redirect_to_login(request.get_full_path(), login_url=login_url)


class StaffSessionMiddleware(MiddlewareMixin):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        if request.session.get(GENERATION, 0) != current_generation(user):
            return _sign_out(
                request,
                "You were signed out because all your sessions were ended, from another of "
                "your sessions or by an administrator. Sign in again to continue.",
            )
        minutes = idle_minutes_passed(request, user)
        if minutes:
            return _sign_out(
                request,
                f"You were signed out after {minutes} minute{'s' if minutes != 1 else ''} "
                "without activity, to keep health information safe on this computer. Sign in "
                "again to continue.",
            )
        if not is_polling(request):
            note_activity(request)
        return None
