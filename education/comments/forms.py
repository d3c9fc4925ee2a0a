"""The patient's comment form under an article, and the practice's reply form in the admin."""

import re

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import MAX_BODY_LENGTH, MAX_NAME_LENGTH, Comment

# Characters that change how the text around them is displayed without being visible
# themselves: bidirectional embeddings, overrides and isolates (which can make a name or a web
# address read backwards), and C0 controls other than tab and line breaks. Left-to-right and
# right-to-left marks and zero-width joiners stay: mixed-script text and emoji need them.
INVISIBLE_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")

# "2,000" in English, "2.000" in Spanish: formatted when the message is shown.
lazy_number = lazy(lambda number: number_format(number, force_grouping=True), str)


def plain_text(value):
    """Text as people typed it, without invisible controls, with Unix line breaks.

    Browsers send each line break as CRLF but count it as one character against `maxlength`;
    normalising first makes the server count what the browser counted.
    """
    return INVISIBLE_CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


class PlainTextField(forms.CharField):
    def to_python(self, value):
        value = super().to_python(value)
        return plain_text(value) if value else value


class CommentForm(forms.ModelForm):
    name = PlainTextField(
        label=_("Name"),
        max_length=MAX_NAME_LENGTH,
        help_text=_("Shown with your comment. A first name is enough."),
        error_messages={
            "required": _("Enter your name"),
            "max_length": format_lazy(
                _("Your name must be {limit} characters or fewer"), limit=MAX_NAME_LENGTH
            ),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_(
            "Never published. We use it only if we need to contact you about this comment."
        ),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Your email address must be 254 characters or fewer"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    body = PlainTextField(
        label=_("Comment"),
        max_length=MAX_BODY_LENGTH,
        help_text=format_lazy(
            _(
                "Up to {limit} characters. Comments are public, so please leave out details of "
                "your own health."
            ),
            limit=lazy_number(MAX_BODY_LENGTH),
        ),
        error_messages={
            "required": _("Write your comment"),
            "max_length": format_lazy(
                _("Your comment must be {limit} characters or fewer; it has %(show_value)s"),
                limit=lazy_number(MAX_BODY_LENGTH),
            ),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "comment-%s")
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"]
        if not name.strip():
            raise forms.ValidationError(gettext("Enter your name"))
        return name

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(gettext("Write your comment"))
        return body


class PracticeReplyForm(forms.Form):
    name = PlainTextField(
        label="Shown as",
        max_length=MAX_NAME_LENGTH,
        help_text="The name patients see above the reply, e.g. the practice's name.",
    )
    body = PlainTextField(
        label="Reply",
        max_length=MAX_BODY_LENGTH,
        help_text=(
            "Plain text, shown under the comment once the comment is approved. General "
            "information only: never advice about one person's care."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
