"""How a request's answers read in the admin: short cells for the list, links to call or write
to the patient, and plain values for the exports."""

import re

from django.conf import settings

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
