"""The practice's offices, their hours, closures and clinicians, and which one the footer shows.

The words are in content/locations.yaml; days there count from the day the demo is loaded.
"""

import datetime

from django.utils import timezone
from wagtail.models import Site

from education.models import ClinicianPage, TreatmentPage
from pages.models import (
    Closure,
    LocationClinician,
    LocationIndexPage,
    LocationPage,
    LocationService,
    OpeningHours,
)
from pages.us_address import validate_us_phone, validate_zip_code
from practice.models import PracticeSettings

from .loader import load
from .tree import add_published, english_home, english_pages, existing_child, section_index

# Keys of a location in the YAML that are not fields of the page.
NOT_FIELDS = ("primary", "hours", "closures", "clinicians", "treatments")


def build(log):
    home = english_home()
    if home is None:
        return
    content = load("locations")
    index = section_index(home, LocationIndexPage, content["index"], log)
    for spec in content["locations"]:
        location = _location(index, spec, log)
        if spec["primary"]:
            _make_primary(location)


def _location(index, spec, log):
    existing = existing_child(index, LocationPage, spec["slug"])
    if existing:
        return existing
    location = LocationPage(**{k: v for k, v in spec.items() if k not in NOT_FIELDS})
    location.opening_hours = [
        OpeningHours(weekday=day, opens=opens, closes=closes, sort_order=order)
        for order, (day, opens, closes) in enumerate(spec["hours"])
    ]
    open_days = {day for day, _, _ in spec["hours"]}
    location.closures = [
        _closure(order, closure, open_days) for order, closure in enumerate(spec["closures"])
    ]
    location.clinician_links = _links(
        LocationClinician, "clinician", ClinicianPage, spec["clinicians"]
    )
    location.service_links = _links(LocationService, "treatment", TreatmentPage, spec["treatments"])
    # The demo is held to the editor's rules for the ZIP code and phone number.
    validate_zip_code(location.zip_code)
    validate_us_phone(location.phone)
    return add_published(index, location, log, "location")


def _links(link_model, field, page_model, slugs):
    """The location's links (`link_model`, whose `field` names the page) to the English pages of
    `page_model` with these slugs, in their order; a slug with no such page is left out."""
    pages = {page.slug: page for page in english_pages(page_model).filter(slug__in=slugs)}
    return [
        link_model(**{field: pages[slug]}, sort_order=order)
        for order, slug in enumerate(slugs)
        if slug in pages
    ]


def _closure(order, spec, open_days):
    """A closure about `in_days` from today, moved on to a day the office would be open (a
    closure on a Sunday it never opens would tell patients nothing)."""
    first = timezone.localdate() + datetime.timedelta(days=spec["in_days"])
    while open_days and first.weekday() not in open_days:
        first += datetime.timedelta(days=1)
    length = spec.get("last_in_days", spec["in_days"]) - spec["in_days"]
    return Closure(
        first_day=first,
        last_day=first + datetime.timedelta(days=length) if length else None,
        reason=spec["reason"],
        sort_order=order,
    )


def _make_primary(location):
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    if practice.primary_location_id is None:
        practice.primary_location = location
        practice.save()
