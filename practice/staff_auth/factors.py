"""A staff member's sign-in factors: passkeys, authenticator apps and recovery codes, each a
django-otp "device" of the account.

Recovery codes are kept as digests (the first 64 bits of SHA-256), never as typed: what the
database holds cannot be typed back in. Each has 60 random bits, so the digests cannot be
worked back either. django-otp deletes a code as it is used, so each works once.
"""

import base64
import hashlib
import re
import secrets

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user, user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

PASSKEY = "passkey"
AUTHENTICATOR_APP = "authenticator app"
RECOVERY_CODE = "recovery code"

RECOVERY_CODE_COUNT = 10
RECOVERY_CODE_PATTERN = re.compile(r"[a-z2-7]{12}")


def kind(device):
    if isinstance(device, WebAuthnCredential):
        return PASSKEY
    if isinstance(device, TOTPDevice):
        return AUTHENTICATOR_APP
    return RECOVERY_CODE


def has_factor(user):
    """Whether the account has any confirmed factor to verify a sign-in with."""
    return user_has_device(user, confirmed=True)


def passkeys(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def authenticator_apps(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("created_at")


def sign_in_factors(user):
    """Passkeys and authenticator apps: what recovery codes stand in for."""
    return [*passkeys(user), *authenticator_apps(user)]


def recovery_codes_left(user):
    """How many unused recovery codes the account has, or None when it has none made."""
    device = StaticDevice.objects.filter(user=user).first()
    return device.token_set.count() if device else None


def remove_every_factor(user):
    """An admin's reset: every factor goes, and with them any session they verified."""
    removed = [kind(device) for device in devices_for_user(user, confirmed=None)]
    with transaction.atomic():
        for model in (WebAuthnCredential, TOTPDevice, StaticDevice):
            model.objects.filter(user=user).delete()
    return removed


# --- Authenticator apps ----------------------------------------------------------------------


def pending_authenticator_app(user):
    """The app being set up: its key is shown until a code from it confirms it."""
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return pending or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )


def secret_key(device):
    """The key as an app asks for it typed in: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device):
    """The key as a QR code the app scans: an SVG drawn here, no request elsewhere."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, title="QR code for your authenticator app", dark="#000", light="#fff"
    )


def confirm_authenticator_app(device, code):
    """The app, now confirmed, when `code` is the one it shows now; otherwise None."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(code):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return device


def check_authenticator_code(user, code):
    """The account's app that shows `code` now (each code works once), or None."""
    for device in authenticator_apps(user):
        if verified := verify_token(user, device.persistent_id, code):
            return verified
    return None


def seconds_to_wait(user, model):
    """How long django-otp's back-off makes this account wait before its next try, or 0."""
    wait = 0
    for device in model.objects.filter(user=user, confirmed=True):
        allowed, details = device.verify_is_allowed()
        if not allowed and details and details.get("locked_until"):
            wait = max(wait, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
    return wait


# --- Recovery codes --------------------------------------------------------------------------


def normalized_recovery_code(typed):
    """What was typed, as stored codes are made: lower case, no spaces or hyphens."""
    return re.sub(r"[\s-]", "", typed).lower()


def _digest(code):
    return hashlib.sha256(code.encode()).hexdigest()[:16]


def make_recovery_codes(user):
    """New codes in place of any old ones; returned once, for the person to keep."""
    codes = [
        base64.b32encode(secrets.token_bytes(8)).decode().lower()[:12]
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Recovery codes")
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=_digest(code)) for code in codes
        )
    return ["-".join((code[:4], code[4:8], code[8:])) for code in codes]


def use_recovery_code(user, code):
    """The recovery-code device when `code` (normalized) is an unused one; the code is spent."""
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return None
    return verify_token(user, device.persistent_id, _digest(code))
