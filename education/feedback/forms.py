"""The feedback form: yes or no, and an optional short reason."""

import re

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import REASON_MAX_LENGTH, PageFeedback

# NUL and the other control characters (but tabs and line breaks) are never meant: they are
# taken out rather than refused, so a pasted reason is kept.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label=_("Was this page helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no"),
            "invalid_choice": _("Choose yes or no"),
        },
    )
    reason = forms.CharField(
        label=_("What could we do better? (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Please do not include your name, contact details or anything about your health. "
            "If you need medical advice, contact your clinician."
        ),
    )

    class Meta:
        model = PageFeedback
        fields = ["helpful", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The NUL-character check would refuse what clean_reason takes out anyway.
        self.fields["reason"].validators = []

    def clean_reason(self):
        reason = CONTROL_CHARACTERS.sub("", self.cleaned_data.get("reason", "")).strip()
        if len(reason) > REASON_MAX_LENGTH:
            message = gettext(
                "Keep it to {limit} characters or fewer (this has {length}). "
                "Your text is below: shorten it and send it again."
            )
            length = number_format(len(reason), force_grouping=True)
            raise forms.ValidationError(message.format(limit=REASON_MAX_LENGTH, length=length))
        return reason
