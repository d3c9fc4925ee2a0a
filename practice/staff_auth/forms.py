import re

from django import forms
from django.core.exceptions import ValidationError

from .factors import RECOVERY_CODE_PATTERN, normalized_recovery_code


class AuthenticatorCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 digits the app shows for this site now.",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        digits = re.sub(r"\s", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", digits):
            raise ValidationError("Enter the 6 digits your authenticator app shows, like 123456.")
        return digits


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label="Recovery code",
        help_text="One of the codes you kept when you set up your second factor. Each works once.",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
    )

    def clean_code(self):
        code = normalized_recovery_code(self.cleaned_data["code"])
        if not RECOVERY_CODE_PATTERN.fullmatch(code):
            raise ValidationError("Enter one of your recovery codes, like abcd-efgh-ijkl.")
        return code
