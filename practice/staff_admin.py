"""Admin screens for staff sign-ins: the locked accounts and "Sign out everywhere".

- "Locked sign-ins" (Reports): the accounts practice/login_throttle.py has locked after too many
  failed sign-ins from any address, with a button to lift each lock.
- "Sign out everywhere": from one's own account page (More actions), it ends every other
  session and keeps this one; from the Users list, an administrator ends all of a colleague's.

Who manages users (Wagtail's "Can change user" permission) may lift locks and end colleagues'
sessions; a superuser's only by another superuser, and never one's own lock (someone still
signed in elsewhere to a locked account must not be able to unlock it). Every lift and every
"Sign out everywhere" is written to the audit log.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from practice import login_throttle, staff_sessions
from practice.log_actions import log_formatter

MANAGE_USERS = "auth.change_user"


def can_manage_users(user):
    return user.has_perm(MANAGE_USERS)


def may_act_on(actor, colleague):
    """Whether `actor` may lift `colleague`'s lock or end their sessions."""
    return (
        actor.pk != colleague.pk
        and can_manage_users(actor)
        and (actor.is_superuser or not colleague.is_superuser)
    )


def _moment(timestamp):
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).astimezone(
        timezone.get_current_timezone()
    )


def _person(user):
    return user.get_full_name() or user.get_username()


class LockedSignInsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "practice/admin/locked_sign_ins.html"
    page_title = "Locked sign-ins"
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_users(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        users = get_user_model()._default_manager.filter(is_active=True)
        locks = sorted(login_throttle.locks_of(users), key=lambda found: -found[1]["since"])
        rows = [
            {
                "user": user,
                "name": _person(user),
                "since": _moment(lock["since"]),
                "until": _moment(lock["until"]),
                "failures": lock["failures"],
                "may_unlock": may_act_on(self.request.user, user),
            }
            for user, lock in locks
        ]
        return super().get_context_data(rows=rows, **kwargs)


class ColleagueActionView(WagtailAdminTemplateMixin, TemplateView):
    """A question on GET, the action on POST, for one colleague chosen by id."""

    template_name = "practice/admin/confirm_staff_action.html"
    header_icon = "user"
    question = ""
    button_label = ""

    def dispatch(self, request, user_id):
        self.colleague = get_object_or_404(get_user_model(), pk=user_id)
        if not may_act_on(request.user, self.colleague):
            raise PermissionDenied
        return super().dispatch(request, user_id)

    def get_page_subtitle(self):
        return _person(self.colleague)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question.format(name=_person(self.colleague)),
            button_label=self.button_label,
            back_url=reverse("wagtailusers_users:index"),
            **kwargs,
        )


class UnlockSignInView(ColleagueActionView):
    page_title = "Unlock sign-in"
    question = (
        "Let {name} sign in again now? Their account was locked after too many failed "
        "sign-in attempts; if they did not make them, someone may be guessing their password."
    )
    button_label = "Yes, unlock"

    def post(self, request, user_id):
        login_throttle.lift_lock(self.colleague, by=request.user)
        messages.success(request, f"{_person(self.colleague)} can sign in again.")
        return redirect("locked_sign_ins")


class EndColleagueSessionsView(ColleagueActionView):
    page_title = "Sign out everywhere"
    question = (
        "Sign {name} out of every session, on every computer and phone? They will need to "
        "sign in again."
    )
    button_label = "Yes, sign them out everywhere"

    def post(self, request, user_id):
        staff_sessions.end_sessions(self.colleague, by=request.user)
        messages.success(request, f"{_person(self.colleague)} is signed out everywhere.")
        return redirect("wagtailusers_users:index")


class EndOwnSessionsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "practice/admin/confirm_staff_action.html"
    header_icon = "user"
    page_title = "Sign out everywhere"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=(
                "Sign out of every other session, on every other computer and phone? This one "
                "stays signed in. Do it if you signed in somewhere you no longer use, or think "
                "someone else may have your password (then change it too)."
            ),
            button_label="Yes, sign out my other sessions",
            back_url=reverse("wagtailadmin_account"),
            **kwargs,
        )

    def post(self, request):
        staff_sessions.end_sessions(request.user, by=request.user, request=request)
        messages.success(request, "Your other sessions are signed out.")
        return redirect("wagtailadmin_account")


def _ended_sessions(data):
    if data.get("kept_current_session"):
        return "Signed out of every other session"
    return "Signed out of every session"


def _locked(data):
    return f"Sign-in locked after {data.get('failures')} failed attempts from any address"


def _unlocked(data):
    return "Unlocked sign-in"


LOG_FORMATTERS = {
    login_throttle.LOCKED: log_formatter("Lock sign-in", _locked),
    login_throttle.UNLOCKED: log_formatter("Unlock sign-in", _unlocked),
    staff_sessions.SIGNED_OUT_EVERYWHERE: log_formatter("Sign out everywhere", _ended_sessions),
}
