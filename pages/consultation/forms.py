"""The consultation form as patients see it, built from the fields staff define in the editor."""

import re

import django.forms
from django.core.validators import RegexValidator
from django.forms import ValidationError
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from pages.insurance import insurance_plan_choices
from practice.spam import HONEYPOT_FIELD

from .choices import field_choices
from .regarding import FIELD_NAME as REGARDING_FIELD

# Limits on what one field accepts. Browsers are not told (no maxlength attribute): they would
# silently cut pasted text, and the patient would lose words without noticing.
MAX_LENGTHS = {
    "singleline": 200,
    "multiline": 1000,
    "email": 254,
    "tel": 30,
}

# The browser fills these in from the patient's saved details (WCAG 1.3.5, identify input
# purpose); staff pick one per field, and email and phone fields get theirs automatically.
DEFAULT_AUTOCOMPLETE = {"email": "email", "tel": "tel"}

# Field names the page itself uses: a staff field with one of these names would break the form.
RESERVED_FIELD_NAMES = frozenset({HONEYPOT_FIELD, "csrfmiddlewaretoken", REGARDING_FIELD})

PHONE_NUMBER = re.compile(r"^\+?[\d\s().\-]*$")
phone_number_validator = RegexValidator(PHONE_NUMBER, code="invalid")
# What Django reads in place of bytes that are not UTF-8. Browsers send the page's own UTF-8, so
# it comes from a robot or a damaged request: the patient is asked to type the answer again
# rather than the front desk reading "Mar\ufffda".
UNREADABLE = "\ufffd"


def readable_text_validator(label):
    message = gettext("%(label)s contains characters we could not read. Please type it again.")
    message %= {"label": label}
    return RegexValidator(
        UNREADABLE, inverse_match=True, message=message.replace("%", "%%"), code="unreadable"
    )


# Messages to the patient are in the page's language (models.in_page_language makes it active
# while the form is built); the labels they name are the page's own, translated by editors.
INVALID_MESSAGES = {
    "email": gettext_lazy("Enter an email address in the correct format, like name@example.com"),
    "tel": gettext_lazy("Enter a phone number using digits, like (555) 014-2290"),
    "number": gettext_lazy("Enter a number, using digits only"),
}
CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "insurance"}
# Offered after the accepted plans, so nobody is turned away by the list. The stored value
# stays in English for the front desk; the patient reads it in their language.
OTHER_PLAN = "Another plan, or paying for myself"
OTHER_PLAN_LABEL = gettext_lazy("Another plan, or paying for myself")
CHOOSE_A_PLAN = pgettext_lazy("insurance plan drop-down", "Choose a plan")
TICK_TYPES = {"checkbox", "consent"}
# A choice about how to be contacted ("contact_preference") and the fields each answer needs.
CONTACT_CHOICE_TYPES = {"radio", "dropdown"}
CONTACT_WORDS = {"tel": ("phone", "call", "text"), "email": ("mail",)}
MISSING_CONTACT = {
    "tel": gettext_lazy("Enter a phone number, so that we can call you as you asked"),
    "email": gettext_lazy("Enter an email address, so that we can write to you as you asked"),
}


def _lower_first(label):
    """The label in the middle of a sentence: "Enter your full name", "¿cómo prefiere...?"."""
    opening = len(label) - len(label.lstrip("¿¡"))  # Spanish questions open with "¿"
    first_word = label[opening:].split(" ", 1)[0]
    if first_word.isupper():  # an acronym: "MRI scan date"
        return label
    return label[:opening] + label[opening : opening + 1].lower() + label[opening + 1 :]


def default_required_message(field):
    label = _lower_first(field.label)
    if field.field_type in CHOICE_TYPES:
        return gettext("Select %(label)s") % {"label": label}
    if field.field_type in TICK_TYPES:
        return gettext("Check the box to continue")
    return gettext("Enter %(label)s") % {"label": label}


def link_privacy_notice(label, url):
    """The consent label with "privacy notice" linked (added at the end if the label lacks it).

    The link opens in a new tab so that reading the notice never loses what was typed.
    """
    if not url:
        return label
    words = gettext("privacy notice")
    link = format_html(
        '<a href="{}" target="_blank" rel="noopener">{}'
        '<span class="visually-hidden"> {}</span></a>',
        url,
        words,
        gettext("(opens in a new tab)"),
    )
    match = re.search(re.escape(words), label, flags=re.IGNORECASE)
    if not match:
        # Translators: the consent checkbox's label, then a link to the privacy notice.
        return format_html(gettext("{label} (read our {link})"), label=label, link=link)
    before, after = label[: match.start()], label[match.end() :]
    return mark_safe(escape(before) + link + escape(after))


class ConsultationForm(BaseForm):
    """The patient-facing form. `privacy_url` links the consent checkbox to the privacy notice;
    `regarding` ('condition:12', see regarding.py) is carried in a hidden field."""

    def __init__(self, *args, privacy_url=None, regarding="", **kwargs):
        super().__init__(*args, **kwargs)
        # Never an error: one about a field the patient cannot see would only confuse them.
        # Whatever arrives is read by regarding.regarding_page, which drops anything odd.
        hidden = django.forms.CharField(
            required=False, initial=regarding, widget=django.forms.HiddenInput
        )
        hidden.validators = []  # not even the NUL-character check
        self.fields[REGARDING_FIELD] = hidden
        for field in self.fields.values():
            if getattr(field, "is_consent", False):
                field.label = link_privacy_notice(field.label, privacy_url)

    def clean(self):
        cleaned_data = super().clean()
        self.require_the_way_to_reach()
        return cleaned_data

    def require_the_way_to_reach(self):
        """ "Phone" needs a phone number and "Email" an address: the error sits on the empty
        field. The chosen value is the English form's on every translation (choices.py)."""
        for name, field in self.fields.items():
            if getattr(field, "field_type", "") not in CONTACT_CHOICE_TYPES:
                continue
            if "contact" not in name:
                continue
            chosen = str(self.cleaned_data.get(name) or "").lower()
            for field_type, words in CONTACT_WORDS.items():
                if any(word in chosen for word in words):
                    self._require_one(field_type)

    def _require_one(self, field_type):
        names = [
            name
            for name, field in self.fields.items()
            if getattr(field, "field_type", "") == field_type
        ]
        if not names or any(self.cleaned_data.get(name) for name in names):
            return
        if names[0] not in self.errors:  # a number typed wrong already says what to fix
            self.add_error(names[0], ValidationError(MISSING_CONTACT[field_type], "required"))


class ConsultationFormBuilder(FormBuilder):
    """Wagtail's form builder with messages patients understand, length limits, phone and
    consent fields, and autocomplete hints. On a translated page, `source_fields` (the default
    language's fields by name, see choices.py) give each choice the value it stores."""

    def __init__(self, fields, source_fields=None):
        super().__init__(fields)
        self.source_fields = source_fields or {}

    def get_formatted_field_choices(self, field):
        return field_choices(field, self.source_fields.get(field.clean_name))

    def get_field_options(self, field):
        options = super().get_field_options(field)
        label = field.label
        messages = {
            "invalid": INVALID_MESSAGES.get(field.field_type)
            or gettext("Check %(label)s") % {"label": _lower_first(label)},
            "invalid_choice": gettext("Select one of the options given for %(label)s")
            % {"label": _lower_first(label)},
        }
        if field.field_type in MAX_LENGTHS:
            messages["max_length"] = gettext("%(label)s must be %(limit)s characters or fewer") % {
                "label": label,
                "limit": MAX_LENGTHS[field.field_type],
            }
        options["error_messages"] = {
            # Django %-formats these with their params: a "%" in a label must stay one.
            **{code: str(message).replace("%", "%%") for code, message in messages.items()},
            "required": field.required_message or default_required_message(field),
        }
        return options

    def _char_field(self, field_type, options, **kwargs):
        form_field = django.forms.CharField(max_length=MAX_LENGTHS[field_type], **options, **kwargs)
        form_field.widget.attrs.pop("maxlength", None)
        return form_field

    def create_singleline_field(self, field, options):
        return self._char_field("singleline", options)

    def create_multiline_field(self, field, options):
        textarea = django.forms.Textarea(attrs={"rows": 6})
        return self._char_field("multiline", options, widget=textarea)

    def create_email_field(self, field, options):
        form_field = django.forms.EmailField(max_length=MAX_LENGTHS["email"], **options)
        form_field.widget.attrs.pop("maxlength", None)
        form_field.widget.attrs["spellcheck"] = "false"
        return form_field

    def create_tel_field(self, field, options):
        form_field = self._char_field(
            "tel",
            options,
            widget=django.forms.TextInput(attrs={"type": "tel"}),
            validators=[phone_number_validator],
        )
        return form_field

    def create_insurance_field(self, field, options):
        # Read when the form is built, so a plan the front desk adds today is offered today.
        plans = insurance_plan_choices()
        choices = [("", CHOOSE_A_PLAN), *plans, (OTHER_PLAN, OTHER_PLAN_LABEL)]
        return django.forms.ChoiceField(choices=choices, **options)

    def create_consent_field(self, field, options):
        options["required"] = True  # consent is never optional
        form_field = django.forms.BooleanField(**options)
        form_field.is_consent = True
        return form_field

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            name = field.clean_name or field.get_field_clean_name()
            autocomplete = field.autocomplete or DEFAULT_AUTOCOMPLETE.get(field.field_type)
            if autocomplete:
                formfields[name].widget.attrs["autocomplete"] = autocomplete
            formfields[name].field_type = field.field_type  # read by ConsultationForm.clean
            if isinstance(formfields[name], django.forms.CharField):
                formfields[name].validators.append(readable_text_validator(field.label))
        return formfields

    def get_form_class(self):
        return type("ConsultationForm", (ConsultationForm,), self.formfields)


class ConsultationFormPageForm(WagtailAdminFormPageForm):
    """The editor's form for the page: refuses field labels that clash with the page's own."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        for form in formset.forms:
            if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
                continue
            name = form.instance.clean_name or form.instance.get_field_clean_name()
            if name in RESERVED_FIELD_NAMES:
                form.add_error(
                    "label",
                    ValidationError(
                        f"The form uses the name “{name}” for itself. Please choose another label."
                    ),
                )
        return cleaned_data
