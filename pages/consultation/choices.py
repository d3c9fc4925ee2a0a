"""One stored value per choice, whatever the form's language.

The form in the site's default language (English) defines the values: "Phone", "I am a new
patient". A translated form's choices are labels over those values, matched by position in
the field of the same clean_name: the Spanish radio button reads "Por teléfono" and posts
"Phone". A choice the English form has and the translation lacks is offered with its English
label, so adding a choice to the English form offers it at once on every translation.

The front desk reads each stored value in its own language, and the patient's label beside it.
"""

from django.conf import settings
from django.utils import translation
from wagtail.contrib.forms.forms import _split_by_newline_or_comma
from wagtail.coreutils import get_supported_content_language_variant

from practice.localized import locale_ids

# The field types whose answers are one of the listed choices (insurance plans have their own
# stored values: pages.insurance).
CHOICE_FIELD_TYPES = {"radio", "dropdown", "checkboxes"}


def split_choices(text):
    """The choices as Wagtail's form builder reads them: one a line, or comma-separated."""
    return [choice for choice in _split_by_newline_or_comma(text or "") if choice]


def field_choices(field, source_field=None):
    """[(stored value, label)] for a choice field; `source_field` is the default language's
    field of the same name, whose choices are the values."""
    labels = split_choices(field.choices)
    if source_field is None:
        return [(label, label) for label in labels]
    values = split_choices(source_field.choices)
    return [
        (value, labels[index] if index < len(labels) else value)
        for index, value in enumerate(values)
    ]


def source_fields(page):
    """{clean_name: field} of the default language's translation of a consultation page; {} when
    the page is that translation (its own choices are the values)."""
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if locale_ids().get(default_language) == page.locale_id:
        return {}  # no query for the English form, the one most patients fill out
    source = page.queue_page()
    if source.pk == page.pk:
        return {}
    return {field.clean_name: field for field in source.specific.get_form_fields()}


def labels_by_value(page):
    """{clean_name: {stored value: label}} for one page's choice fields."""
    sources = source_fields(page)
    return {
        field.clean_name: dict(field_choices(field, sources.get(field.clean_name)))
        for field in page.get_form_fields()
        if field.field_type in CHOICE_FIELD_TYPES
    }


def translated_label(value, labels):
    """The label a stored value (or each of a list of them) has in `labels`."""
    if isinstance(value, list):
        return [labels.get(item, item) for item in value]
    if isinstance(value, str):
        return labels.get(value, value)
    return value


class AnswerLabels:
    """How one form's stored choice values read for the person looking (their admin language)
    and for the patient (the labels of the page they filled in). Built once per list or
    export; each page's fields are read once."""

    def __init__(self, queue_page):
        self.queue_page = queue_page
        self._pages = {}
        self._staff_labels = None

    def _labels(self, page):
        if page.pk not in self._pages:
            self._pages[page.pk] = labels_by_value(page)
        return self._pages[page.pk]

    def staff_labels(self):
        """The labels in the active (staff member's) language: its translation of the form
        when there is one, the stored values otherwise."""
        if self._staff_labels is None:
            language = (translation.get_language() or "").split("-")[0]
            translations = self.queue_page.get_translations(inclusive=True).select_related("locale")
            page = next(
                (
                    page
                    for page in translations.specific()
                    if page.locale.language_code.split("-")[0] == language
                ),
                self.queue_page,
            )
            self._staff_labels = self._labels(page)
        return self._staff_labels

    def for_staff(self, form_data):
        """The answers with each choice value in the staff member's language."""
        labels = self.staff_labels()
        return {
            name: translated_label(value, labels.get(name, {})) for name, value in form_data.items()
        }

    def for_patient(self, page, name, value):
        """The label the patient chose, on the page they filled in."""
        return translated_label(value, self._labels(page.specific).get(name, {}))
