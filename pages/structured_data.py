"""JSON-LD (schema.org) for the practice and its offices, built once from the Location pages and
the practice's settings, and for a location's own page.

The practice is a MedicalOrganization with its primary office's address in parts, its E.164
telephone, its profiles (`sameAs`) and specialties; each office is a MedicalClinic with its
PostalAddress in parts, the coordinates staff entered, its opening hours and closures. Every
page's graph carries them once (`practice.structured_data.graph`, through the
`register_practice_graph` hook in wagtail_hooks.py); other nodes name them by @id:
"<home>#organization" and "<location>#clinic".
"""

from django.templatetags.static import static

from practice.models import PracticeSettings, ThemeSettings
from practice.site_url import absolute
from practice.structured_data import (
    graph,
    organization_id,
    organization_ref,
    specialty_names,
    web_page,
)

from .hours import closure_specification, opening_hours_specification
from .offices import office_for, office_list
from .us_address import e164

LOGO_SPEC = "max-600x600|format-png"
SCHEMA = "https://schema.org/"


def clinic_id(location, request=None):
    return location.get_full_url(request) + "#clinic"


def postal_address(location):
    street = ", ".join(part for part in (location.street_address, location.suite) if part)
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "addressLocality": location.city,
        "addressRegion": location.state,
        "postalCode": location.zip_code,
        "addressCountry": "US",
    }


def clinic(location, request, specialties=()):
    """An office: address in parts, E.164 telephone, coordinates, hours and closures."""
    url = location.get_full_url(request)
    data = {
        "@type": "MedicalClinic",
        "@id": clinic_id(location, request),
        "name": location.title,
        "url": url,
        "telephone": e164(location.phone),
        "address": postal_address(location),
        "parentOrganization": organization_ref(),
    }
    if specialties:
        data["medicalSpecialty"] = list(specialties)
    if location.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    if hours := location.opening_hours.all():
        data["openingHoursSpecification"] = opening_hours_specification(hours)
    if closures := location.upcoming_closures:
        data["specialOpeningHoursSpecification"] = closure_specification(closures)
    return data


def public_offices(primary_id):
    """Every live, public office, each once, in the active language where it is translated,
    with its hours and closures (pages/offices.py); and the primary one (the settings name its
    English page), else the first."""
    offices = office_list()
    return offices, office_for(primary_id) or (offices[0] if offices else None)


def practice_graph(request):
    """The organization and each office, as nodes of a page's graph."""
    practice = PracticeSettings.for_request(request)
    specialties = [SCHEMA + name for name in specialty_names(practice.medical_specialties)]
    offices, primary = public_offices(practice.primary_location_id)
    clinics = [clinic(office, request, specialties) for office in offices]
    organization = {
        "@type": "MedicalOrganization",
        "@id": organization_id(),
        "name": practice.name,
        "url": absolute("/"),
        "logo": _logo_url(request),
    }
    telephone = e164(practice.phone) or (e164(primary.phone) if primary else "")
    if telephone:
        organization["telephone"] = telephone
    if practice.email:
        organization["email"] = practice.email
    if primary is not None:
        organization["address"] = postal_address(primary)
    if specialties:
        organization["medicalSpecialty"] = list(specialties)
    if profiles := [link.url for link in practice.profiles]:
        organization["sameAs"] = profiles
    if clinics:
        organization["location"] = [{"@id": data["@id"]} for data in clinics]
    return [organization, *clinics]


def location_json_ld(location, request):
    """A location's page: the page, and its own office described in full (what it offers,
    who works there, its access), merged into the office the practice's graph defines."""
    extra = {
        "amenityFeature": [
            _feature("Step-free access", location.step_free_access),
            _feature("Accessible restroom", location.accessible_toilet),
        ],
    }
    if location.intro:
        extra["description"] = location.intro
    if location.services:
        extra["availableService"] = [
            {
                "@type": _service_type(treatment),
                "name": treatment.title,
                "url": treatment.get_full_url(request),
            }
            for treatment in location.services
        ]
    if location.clinicians:
        extra["employee"] = [_person(clinician, request) for clinician in location.clinicians]
    page = web_page(location, request)
    page["about"] = {"@id": clinic_id(location, request)}
    # The practice's graph defines the office again (with its specialties) and the two are
    # merged under one @id; a draft or private location (a preview) is only defined here.
    return graph(request, [page, {**clinic(location, request), **extra}])


def _service_type(treatment):
    return "MedicalTherapy" if treatment.kind == treatment.Kind.THERAPY else "MedicalProcedure"


def _feature(name, value):
    return {"@type": "LocationFeatureSpecification", "name": name, "value": value}


def _person(clinician, request):
    url = clinician.get_full_url(request)
    return {"@type": "Person", "@id": url + "#person", "name": clinician.display_name, "url": url}


def _logo_url(request):
    """The logo staff uploaded under Settings > Theme, as PNG; else the site's icon."""
    logo = ThemeSettings.for_request(request).logo
    if logo is not None:
        return absolute(logo.get_rendition(LOGO_SPEC).url)
    return absolute(static("practice/favicon.svg"))
