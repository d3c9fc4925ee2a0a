"""What the patient was reading when they asked for a consultation.

Condition, treatment, clinician and location pages link to the form with the page's id
(/consultation/?condition=12), and a link may name one page of each kind
(/consultation/?treatment=12&clinician=5: the treatment the patient read, and the clinician
they chose for it). The form carries them in one hidden field ("treatment:12 clinician:5"),
and the stored request links to each page, so the front desk sees what the patient asked about.
It is a hint, never an answer: an unknown, unpublished or malformed value is dropped without a
word to the patient.

This app knows only `practice`, so the page types are named, not imported.
"""

import re

from django.apps import apps
from wagtail.models import Locale, Page

FIELD_NAME = "regarding"
# Each kind of page, the request's field it fills ("topic" for regarding_topic), and its model.
PAGE_TYPES = {
    "condition": ("topic", ("education", "ConditionPage")),
    "treatment": ("topic", ("education", "TreatmentPage")),
    "clinician": ("clinician", ("education", "ClinicianPage")),
    "location": ("location", ("pages", "LocationPage")),
}
SLOTS = ("topic", "clinician", "location")
PAGE_ID = re.compile(r"[0-9]{1,9}")
# The longest value the hidden field can hold when it is honest: one page of each kind.
MAX_LENGTH = 80


def regarding_from_query(query):
    """'treatment:12 clinician:5' for ?treatment=12&clinician=5: for each field of the request,
    the first parameter naming a page of that kind with a whole number; '' when there is none."""
    found = {}
    for kind, (slot, _model) in PAGE_TYPES.items():
        value = query.get(kind, "")
        if slot not in found and PAGE_ID.fullmatch(value):
            found[slot] = f"{kind}:{int(value)}"
    return " ".join(found[slot] for slot in SLOTS if slot in found)


def _live_page(kind, page_id):
    try:
        model = apps.get_model(*PAGE_TYPES[kind][1])
    except LookupError:  # that kind of page is not part of this site
        return None
    return model.objects.live().public().filter(pk=int(page_id)).first()


def regarding_pages(value):
    """The live, public pages a hidden 'treatment:12 clinician:5' names, by the request's
    field they fill: {"topic": <TreatmentPage>, "clinician": <ClinicianPage>}. Anything odd
    (an unknown kind, a page that is not live, a second page for the same field) is left out."""
    value = str(value or "")
    if len(value) > MAX_LENGTH:
        return {}
    pages = {}
    for token in value.split():
        kind, _, page_id = token.partition(":")
        if kind not in PAGE_TYPES or not PAGE_ID.fullmatch(page_id):
            continue
        slot = PAGE_TYPES[kind][0]
        if slot not in pages:
            pages[slot] = _live_page(kind, page_id)
    return {slot: page for slot, page in pages.items() if page is not None}


def for_the_front_desk(page):
    """The page as the request stores it: a plain Page (the request links to it whatever its
    type), in the site's default language when it has a translation there, so the front desk
    reads one title, and filters on one page, whatever language the patient read it in."""
    translations = Page.objects.filter(translation_key=page.translation_key)
    default = translations.filter(locale=Locale.get_default()).first()
    return default or translations.get(pk=page.pk)


def regarding_fields(value):
    """The request's fields for a hidden value: {"regarding_topic": <Page>, ...}."""
    pages = regarding_pages(value)
    return {f"regarding_{slot}": for_the_front_desk(page) for slot, page in pages.items()}
