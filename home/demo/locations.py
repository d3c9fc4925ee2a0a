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
from .tree import english_home, english_pages

# Keys of a location in the YAML that are not fields of the page.
NOT_FIELDS = ("primary", "hours", "closures", "clinicians", "treatments")


def build(log):
    home = english_home()
    if home is None:
        return
    content = load("locations")
    index = _index(home, content["index"], log)
    for spec in content["locations"]:
        location = _location(index, spec, log)
        if spec["primary"]:
            _make_primary(location)


def _index(home, spec, log):
    existing = LocationIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = LocationIndexPage(show_in_menus=True, **spec)
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Created the page {index.title!r}.")
    return index


def _location(index, spec, log):
    existing = LocationPage.objects.child_of(index).filter(slug=spec["slug"]).first()
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
    clinicians = {
        c.slug: c for c in english_pages(ClinicianPage).filter(slug__in=spec["clinicians"])
    }
    location.clinician_links = [
        LocationClinician(clinician=clinicians[slug], sort_order=order)
        for order, slug in enumerate(spec["clinicians"])
        if slug in clinicians
    ]
    treatments = {
        t.slug: t for t in english_pages(TreatmentPage).filter(slug__in=spec["treatments"])
    }
    location.service_links = [
        LocationService(treatment=treatments[slug], sort_order=order)
        for order, slug in enumerate(spec["treatments"])
        if slug in treatments
    ]
    # The demo is held to the editor's rules for the ZIP code and phone number.
    validate_zip_code(location.zip_code)
    validate_us_phone(location.phone)
    index.add_child(instance=location)
    location.save_revision().publish()
    log(f"Created the location {location.title!r}.")
    return location


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
