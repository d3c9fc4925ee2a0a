"""What the patient was reading when they asked for a consultation.

Condition, treatment, clinician and location pages link to the form with the page's id
(/consultation/?condition=12). The form carries it in a hidden field, and the stored request
links to the page, so the front desk sees what the patient asked about. It is a hint, never an
answer: an unknown, unpublished or malformed value is dropped without a word to the patient.

This app knows only `practice`, so the page types are named, not imported.
"""

import re

from django.apps import apps
from wagtail.models import Page

FIELD_NAME = "regarding"
PAGE_TYPES = {
    "condition": ("education", "ConditionPage"),
    "treatment": ("education", "TreatmentPage"),
    "clinician": ("education", "ClinicianPage"),
    "location": ("pages", "LocationPage"),
}
PAGE_ID = re.compile(r"[0-9]{1,9}")


def regarding_from_query(query):
    """'condition:12' for ?condition=12: the first parameter naming a page type, with a whole
    number; '' when there is none."""
    for kind in PAGE_TYPES:
        value = query.get(kind, "")
        if PAGE_ID.fullmatch(value):
            return f"{kind}:{int(value)}"
    return ""


def regarding_page(value):
    """The live, public page a hidden 'condition:12' names, or None."""
    kind, _, page_id = str(value or "").partition(":")
    if kind not in PAGE_TYPES or not PAGE_ID.fullmatch(page_id):
        return None
    try:
        model = apps.get_model(*PAGE_TYPES[kind])
    except LookupError:  # that kind of page is not part of this site
        return None
    page = model.objects.live().public().filter(pk=int(page_id)).first()
    # Stored as a plain Page: the request links to it whatever its type.
    return Page.objects.get(pk=page.pk) if page else None
