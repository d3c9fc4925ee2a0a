from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from practice.log_actions import register_formatters

from . import passkeys, urls
from .account_views import MANAGE_USERS_PERMISSION, may_reset
from .audit import FORMATTERS


@hooks.register("register_admin_urls")
def register_staff_auth_urls():
    return [
        path("sign-in-factors/", include(urls)),
        # Outside our namespace: the library's template tags look up "otp_webauthn:...".
        path("sign-in-factors/passkeys/", include(passkeys.urlpatterns)),
    ]


@hooks.register("register_log_actions")
def register_staff_auth_log_actions(actions):
    register_formatters(actions, FORMATTERS)


@hooks.register("register_account_menu_item")
def sign_in_factors_account_item(request):
    return {
        "url": reverse("staff_auth:factors"),
        "label": "Sign-in factors",
        "help_text": "Your passkeys, authenticator apps and recovery codes.",
    }


class ManagersOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(MANAGE_USERS_PERMISSION)


class SuperusersOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def factors_report_menu_item():
    return ManagersOnlyMenuItem(
        "Sign-in factors of staff", reverse("staff_auth:report"), icon_name="key", order=700
    )


@hooks.register("register_reports_menu_item")
def audit_report_menu_item():
    return SuperusersOnlyMenuItem(
        "Staff sign-in audit", reverse("staff_auth:audit"), icon_name="key", order=710
    )


@hooks.register("register_user_listing_buttons")
def reset_factors_button(user, request_user):
    if may_reset(request_user, user):
        yield Button(
            "Reset sign-in factors",
            reverse("staff_auth:reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
