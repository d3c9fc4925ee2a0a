"""How a request's answers read in the admin: short cells for the list, links to call or write
to the patient, and plain values for the exports."""

import re

from django.conf import settings
from django.utils.text import Truncator

# Long answers are read on the request's own page; the list keeps one short row per request.
LONG_FIELD_TYPES = {"multiline"}
TICK_FIELD_TYPES = {"checkbox", "consent"}


def listed_fields(form_fields):
    return [field for field in form_fields if field.field_type not in LONG_FIELD_TYPES]


def tel_href(phone):
    """`tel:` keeps the digits and a leading plus; phones dial nothing else."""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}" if re.sub(r"\D", "", digits) else ""


def cell(field, form_data):
    """One answer as the list and the request page show it: text, and a link where one helps
    ({"text": ..., "href": ...})."""
    value = form_data.get(field.clean_name)
    if field.field_type in TICK_FIELD_TYPES:
        return {"text": "Yes" if value else "No", "href": ""}
    text = display_answer(value)
    if not value:
        return {"text": text, "href": ""}
    if field.field_type == "email":
        return {"text": text, "href": f"mailto:{value}"}
    if field.field_type == "tel":
        return {"text": text, "href": tel_href(str(value))}
    return {"text": text, "href": ""}


def display_answer(value):
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if value in (None, "", []):
        return "(no answer)"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def export_answer(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return value


def person_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def time_zone_name():
    """ "New York" for America/New_York: the practice's clock, named as people say it."""
    return settings.TIME_ZONE.rsplit("/", 1)[-1].replace("_", " ")


# The work queue's columns (at most seven at 1280 px): the request, when it came, its status,
# who sent it, how to reach them, what it is about, who has it. Every other answer is on the
# request's own page.
NAME_AUTOCOMPLETE = ("name", "given-name", "family-name")
ABOUT_LENGTH = 12  # words of the patient's reason shown in the list


def name_fields(form_fields):
    """The fields that name the patient: those the browser fills with a name, or else the
    first single line."""
    named = [field for field in form_fields if field.autocomplete in NAME_AUTOCOMPLETE]
    if named:
        return named
    lines = [field for field in form_fields if field.field_type == "singleline"]
    return lines[:1]


def contact_fields(form_fields):
    """How to reach the patient: the way they chose (a choice field about contact), then their
    phone numbers and email addresses."""
    chosen = [
        field
        for field in form_fields
        if field.field_type in {"radio", "dropdown"} and "contact" in field.clean_name
    ]
    reach = [field for field in form_fields if field.field_type in {"tel", "email"}]
    return chosen[:1] + reach


def about_fields(form_fields):
    return [field for field in form_fields if field.field_type in LONG_FIELD_TYPES]


def queue_row(item, form_fields, answers):
    """One request's cells: `answers` are its form data with choices in the staff member's
    language."""
    name = " ".join(
        str(answers.get(field.clean_name) or "") for field in name_fields(form_fields)
    ).strip()
    reach = [
        cell(field, answers)
        for field in contact_fields(form_fields)
        if answers.get(field.clean_name)
    ]
    about = [
        Truncator(str(answers[field.clean_name])).words(ABOUT_LENGTH)
        for field in about_fields(form_fields)
        if answers.get(field.clean_name)
    ]
    # Words, so the list wraps a name between its words and never at a hyphen inside one.
    return {"request": item, "name": name.split(), "reach": reach, "about": about}
