"""The consultation form's questions as staff define them in the editor: the field types on
offer, browser autofill, the message when one is missing, and a short heading for the list of
requests. Imported by `models` (Django finds the model there)."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import AbstractFormField

# The field types staff can add to the consultation form. Wagtail's date, date/time, URL,
# multiple-select and hidden fields are left out: none of them serve a first contact well.
CONSULTATION_FIELD_TYPES = [
    ("singleline", "Single line text"),
    ("multiline", "Multi-line text"),
    ("email", "Email address"),
    ("tel", "Phone number"),
    ("number", "Number"),
    ("radio", "Radio buttons (choose one)"),
    ("dropdown", "Drop-down list (choose one)"),
    ("checkboxes", "Checkboxes (choose any)"),
    ("insurance", "Insurance plan (the accepted plans under Snippets, or paying myself)"),
    ("checkbox", "Single checkbox"),
    ("consent", "Consent checkbox (always required, links to the privacy notice)"),
]

AUTOCOMPLETE_CHOICES = [
    ("", "Automatic (email and phone fields)"),
    ("name", "Full name"),
    ("given-name", "First name"),
    ("family-name", "Last name"),
    ("email", "Email address"),
    ("tel", "Phone number"),
    ("bday", "Date of birth"),
    ("postal-code", "ZIP code"),
    ("off", "Never autofill"),
]


# Headings for the list of requests when staff give none: the field type says it all.
SHORT_HEADINGS = {"consent": "Consent", "email": "Email", "tel": "Phone"}


class ConsultationFormField(AbstractFormField):
    page = ParentalKey("ConsultationFormPage", related_name="form_fields", on_delete=models.CASCADE)
    field_type = models.CharField(
        verbose_name="field type", max_length=16, choices=CONSULTATION_FIELD_TYPES
    )
    field_type.required_on_save = True
    autocomplete = models.CharField(
        "browser autofill",
        max_length=20,
        blank=True,
        choices=AUTOCOMPLETE_CHOICES,
        help_text="Lets the patient's browser fill this in from their saved details.",
    )
    required_message = models.CharField(
        "message when missing",
        max_length=255,
        blank=True,
        help_text="Shown when a required field is left empty, e.g. 'Enter your full name'.",
    )

    column_heading = models.CharField(
        max_length=24,
        blank=True,
        help_text=(
            "A short heading for this answer in the list of requests, e.g. 'Best times'. Left "
            "empty, the label is used ('Email', 'Phone' and 'Consent' for those types)."
        ),
    )

    panels = AbstractFormField.panels + [
        FieldPanel("autocomplete"),
        FieldPanel("required_message"),
        FieldPanel("column_heading"),
    ]

    @property
    def list_heading(self):
        if self.column_heading:
            return self.column_heading
        return SHORT_HEADINGS.get(self.field_type, self.label)
