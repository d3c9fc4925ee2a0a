"""A staff member's own sign-in factors (the account's "Sign-in factors" page), recovery codes,
and an admin's reset of a colleague's factors."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import audit, factors
from .gate import safe_next

# Wagtail's own permission to manage users: the people who may also reset their factors.
MANAGE_USERS_PERMISSION = "auth.change_user"


def may_reset(actor, account):
    """Someone who manages users, for a colleague (their own factors they change themselves);
    a superuser's factors only by another superuser."""
    return (
        actor.has_perm(MANAGE_USERS_PERMISSION)
        and actor.pk != account.pk
        and (actor.is_superuser or not account.is_superuser)
    )


class FactorsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff_auth/factors.html"
    page_title = "Sign-in factors"
    header_icon = "key"

    def get_context_data(self, **kwargs):
        user = self.request.user
        passkeys, apps = list(factors.passkeys(user)), list(factors.authenticator_apps(user))
        return super().get_context_data(
            passkeys=passkeys,
            apps=apps,
            may_remove=len(passkeys) + len(apps) > 1,
            recovery_codes_left=factors.recovery_codes_left(user),
            **kwargs,
        )

    def post(self, request):
        """Removes one of the person's own passkeys or apps, never the last one."""
        own = {device.persistent_id: device for device in factors.sign_in_factors(request.user)}
        device = own.get(request.POST.get("device", ""))
        if device is None:
            raise PermissionDenied
        if len(own) < 2:
            messages.error(request, "Add another passkey or app before removing your last one.")
            return redirect("staff_auth:factors")
        device.delete()
        audit.factor_removed(request, request.user, factors.kind(device))
        messages.success(request, f"Removed {device.name or factors.kind(device)}.")
        return redirect("staff_auth:factors")


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(TemplateView):
    """Recovery codes are shown once: when first made (right after the first factor), and
    whenever the person makes new ones, which ends the old ones."""

    template_name = "staff_auth/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if not factors.sign_in_factors(request.user):
            return redirect("staff_auth:enroll")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        codes = None
        if factors.recovery_codes_left(request.user) is None:
            codes = self.make_codes()
        return self.render_to_response(self.get_context_data(codes=codes))

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(codes=self.make_codes()))

    def make_codes(self):
        codes = factors.make_recovery_codes(self.request.user)
        audit.recovery_codes_made(self.request, self.request.user)
        return codes

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next=safe_next(self.request),
            codes_left=factors.recovery_codes_left(self.request.user),
            **kwargs,
        )


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """Removes every factor of a colleague who lost theirs: at their next sign-in they enroll
    a new one. Recorded against their account, with who did it."""

    template_name = "staff_auth/reset.html"
    page_title = "Reset sign-in factors"
    header_icon = "key"

    def dispatch(self, request, user_id):
        self.account = get_object_or_404(get_user_model(), pk=user_id)
        if not may_reset(request.user, self.account):
            raise PermissionDenied
        return super().dispatch(request, user_id=user_id)

    def get_page_subtitle(self):
        return get_user_display_name(self.account)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account,
            factors=factors.sign_in_factors(self.account),
            recovery_codes_left=factors.recovery_codes_left(self.account),
            **kwargs,
        )

    def post(self, request, user_id):
        removed = factors.remove_every_factor(self.account)
        audit.factors_reset(request, self.account, removed)
        name = get_user_display_name(self.account)
        messages.success(
            request, f"Removed every sign-in factor of {name}: they set up a new one at sign-in."
        )
        return redirect("staff_auth:report")
