from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import login_throttle, staff_admin
from .dashboard import add_mail_trouble_panel, add_my_drafts_panel
from .languages import refuse_cross_language_alias
from .log_actions import register_formatters
from .missing_spanish import MissingTranslationsView
from .page_cache import remember_page_served, remember_served_page
from .style_guide import style_guide

# Before Wagtail's own restriction check (order 0), which then reuses what it works out.
hooks.register("before_serve_page", remember_served_page, order=-1)
# Inside Wagtail's restriction check (order 0): runs only when the page itself is served.
hooks.register("on_serve_page", remember_page_served, order=1)
hooks.register("before_serve_page", refuse_cross_language_alias)
hooks.register("construct_homepage_panels", add_my_drafts_panel)
hooks.register("construct_homepage_panels", add_mail_trouble_panel)


@hooks.register("insert_global_admin_css")
def project_admin_css():
    """Styles for the admin screens this project adds (the checklist, panels, reports)."""
    return format_html('<link rel="stylesheet" href="{}">', static("practice/css/admin.css"))


@hooks.register("register_admin_urls")
def register_style_guide_url():
    return [path("style-guide/", style_guide, name="style_guide")]


@hooks.register("register_help_menu_item")
def register_style_guide_menu_item():
    return MenuItem(
        "Style guide", reverse("style_guide"), name="style-guide", icon_name="doc-full", order=900
    )


# Staff sign-ins: locked accounts, "Sign out everywhere" (practice/staff_admin.py).


@hooks.register("register_admin_urls")
def register_staff_session_urls():
    return [
        path("sign-ins/locked/", staff_admin.LockedSignInsView.as_view(), name="locked_sign_ins"),
        path(
            "sign-ins/<int:user_id>/unlock/",
            staff_admin.UnlockSignInView.as_view(),
            name="unlock_sign_in",
        ),
        path(
            "sign-ins/<int:user_id>/sign-out-everywhere/",
            staff_admin.EndColleagueSessionsView.as_view(),
            name="end_colleague_sessions",
        ),
        path(
            "account/sign-out-everywhere/",
            staff_admin.EndOwnSessionsView.as_view(),
            name="end_own_sessions",
        ),
    ]


class UserManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return staff_admin.can_manage_users(request.user)


@hooks.register("register_reports_menu_item")
def register_locked_sign_ins_menu_item():
    return UserManagersMenuItem(
        "Locked sign-ins", reverse("locked_sign_ins"), name="locked-sign-ins", icon_name="lock"
    )


@hooks.register("register_user_listing_buttons")
def staff_session_buttons(user, request_user):
    if not staff_admin.may_act_on(request_user, user):
        return []
    buttons = [
        Button(
            "Sign out everywhere",
            reverse("end_colleague_sessions", args=[user.pk]),
            icon_name="logout",
            priority=60,
        )
    ]
    if login_throttle.account_lock(user.get_username()):
        unlock_url = reverse("unlock_sign_in", args=[user.pk])
        buttons.append(Button("Unlock sign-in", unlock_url, icon_name="lock-open", priority=50))
    return buttons


@hooks.register("register_account_menu_item")
def end_own_sessions_menu_item(request):
    return {
        "url": reverse("end_own_sessions"),
        "label": "Sign out everywhere",
        "help_text": "Sign out of every other computer and phone; this one stays signed in.",
    }


@hooks.register("register_log_actions")
def register_staff_session_log_actions(actions):
    register_formatters(actions, staff_admin.LOG_FORMATTERS)


# What staff have not translated yet (practice/missing_spanish.py).


@hooks.register("register_admin_urls")
def register_missing_translations_url():
    return [
        path(
            "missing-translations/",
            MissingTranslationsView.as_view(),
            name="missing_translations",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MenuItem(
        "Missing in Spanish",
        reverse("missing_translations"),
        name="missing-translations",
        icon_name="globe",
    )
