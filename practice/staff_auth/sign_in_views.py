"""The steps after the password, in the look of Wagtail's sign-in page: verify a second factor
(passkey, authenticator app, or a recovery code), or enroll the first one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit, factors
from .forms import AuthenticatorCodeForm, RecoveryCodeForm
from .gate import SKIPPED_SESSION_KEY, may_skip, needs_second_factor, safe_next
from .gate import second_factor_step as step_for


def verified_with(request, device, factor):
    """The session is now verified by `device`; its key changes, as at any sign-in."""
    otp_login(request, device)
    request.session.cycle_key()
    audit.verified(request, request.user, factor)


def wait_message(seconds):
    return f"Too many wrong codes. Wait {seconds} seconds, then try again."


@method_decorator(never_cache, name="dispatch")
class SignInStep(FormView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next=self.request.POST.get("next") or self.request.GET.get("next", ""), **kwargs
        )


class VerifyView(SignInStep):
    """Passkey or authenticator-app code, with a link to the recovery-code step."""

    template_name = "staff_auth/verify.html"
    form_class = AuthenticatorCodeForm
    device_model = TOTPDevice
    factor = factors.AUTHENTICATOR_APP
    refused = "That is not the code your app shows now. Check that your phone's clock is right."

    def dispatch(self, request, *args, **kwargs):
        if not needs_second_factor(request):
            return redirect(safe_next(request))
        if not factors.has_factor(request.user):
            return step_for(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            has_passkey=factors.passkeys(user).exists(),
            has_app=factors.authenticator_apps(user).exists(),
            **kwargs,
        )

    def check(self, code):
        return factors.check_authenticator_code(self.request.user, code)

    def form_valid(self, form):
        request = self.request
        if wait := factors.seconds_to_wait(request.user, self.device_model):
            form.add_error("code", wait_message(wait))
            return self.form_invalid(form)
        device = self.check(form.cleaned_data["code"])
        if device is None:
            audit.second_factor_failed(request, request.user, self.factor)
            form.add_error("code", self.refused)
            return self.form_invalid(form)
        verified_with(request, device, self.factor)
        return redirect(safe_next(request))


class RecoveryCodeView(VerifyView):
    template_name = "staff_auth/recovery_code.html"
    form_class = RecoveryCodeForm
    device_model = StaticDevice
    factor = factors.RECOVERY_CODE
    refused = "That is not one of your unused recovery codes."

    def check(self, code):
        return factors.use_recovery_code(self.request.user, code)

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.request.user.is_verified():
            left = factors.recovery_codes_left(self.request.user)
            audit.recovery_code_used(self.request, self.request.user, left)
            messages.warning(
                self.request,
                f"You signed in with a recovery code; {left} left. If your passkey or phone is "
                "lost, remove it and add a new one under Sign-in factors, and make new codes.",
            )
        return response


def after_enrollment(request):
    """Recovery codes, shown once, after the first factor; the factors page after another."""
    if factors.recovery_codes_left(request.user) is None:
        url = reverse("staff_auth:recovery_codes")
        going = request.POST.get("next") or request.GET.get("next")
        return f"{url}?{urlencode({'next': going})}" if going else url
    return reverse("staff_auth:factors")


class EnrollView(SignInStep):
    """Add a passkey (the library's ceremony, in the page's script) or an authenticator app (its
    key as a QR code and as text, confirmed by a code from it). The first enrollment happens
    here right after the password; later ones need a verified session."""

    template_name = "staff_auth/enroll.html"
    form_class = AuthenticatorCodeForm

    def dispatch(self, request, *args, **kwargs):
        if needs_second_factor(request) and factors.has_factor(request.user):
            return step_for(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        device = factors.pending_authenticator_app(user)
        return super().get_context_data(
            first=not factors.has_factor(user),
            may_skip=needs_second_factor(self.request) and may_skip(user),
            qr_code=mark_safe(factors.qr_code_svg(device)),  # drawn by segno from our own data
            secret_key=factors.secret_key(device),
            after_enrollment=after_enrollment(self.request),
            **kwargs,
        )

    def form_valid(self, form):
        request = self.request
        pending = factors.pending_authenticator_app(request.user)
        device = factors.confirm_authenticator_app(pending, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", "That code does not match. Type the code the app shows now.")
            return self.form_invalid(form)
        audit.factor_added(request, request.user, factors.AUTHENTICATOR_APP)
        if not request.user.is_verified():
            verified_with(request, device, factors.AUTHENTICATOR_APP)
        messages.success(request, "Your authenticator app is set up.")
        return redirect(after_enrollment(request))


@method_decorator(never_cache, name="dispatch")
class SkipView(View):
    """Development only: the account `make run` prints may go on without a second factor."""

    def post(self, request):
        if not (needs_second_factor(request) and may_skip(request.user)):
            raise PermissionDenied
        request.session[SKIPPED_SESSION_KEY] = request.user.pk
        audit.skipped(request, request.user)
        messages.warning(
            request,
            format_html(
                "You skipped the second factor. Only this development account may; "
                "production requires one (<a href='{}'>set one up</a>).",
                reverse("staff_auth:enroll"),
            ),
        )
        return redirect(safe_next(request))
