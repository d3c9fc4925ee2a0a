"""JSON-LD (schema.org) for the practice's locations and for the practice as a whole.

Each location is a MedicalClinic with a structured PostalAddress, a +1 E.164 telephone, its
coordinates and opening hours; the home page describes the practice as a MedicalOrganization
that links them. The ids tie the graph together: a clinic names its organization by
"<home>#organization" and its clinicians by their profiles' "<profile>#person".
"""

from django.templatetags.static import static

from practice.models import PracticeSettings, ThemeSettings
from practice.site_url import absolute

from .hours import closure_specification, opening_hours_specification
from .us_address import e164

LOGO_SPEC = "max-600x600|format-png"


def organization_id():
    return absolute("/") + "#organization"


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


def clinic_summary(location, request):
    url = location.get_full_url(request)
    return {
        "@type": "MedicalClinic",
        "@id": url + "#clinic",
        "name": location.title,
        "url": url,
        "telephone": e164(location.phone),
        "address": postal_address(location),
    }


def location_json_ld(location, request):
    data = {
        "@context": "https://schema.org",
        **clinic_summary(location, request),
        "parentOrganization": {"@id": organization_id()},
        "amenityFeature": [
            _feature("Step-free access", location.step_free_access),
            _feature("Accessible restroom", location.accessible_toilet),
        ],
    }
    if location.intro:
        data["description"] = location.intro
    if location.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(location.latitude),
            "longitude": float(location.longitude),
        }
    hours = location.opening_hours.all()
    if hours:
        data["openingHoursSpecification"] = opening_hours_specification(hours)
    if closures := location.upcoming_closures:
        data["specialOpeningHoursSpecification"] = closure_specification(closures)
    if location.services:
        data["availableService"] = [
            {
                "@type": _service_type(treatment),
                "name": treatment.title,
                "url": treatment.get_full_url(request),
            }
            for treatment in location.services
        ]
    if location.clinicians:
        data["employee"] = [_person(clinician, request) for clinician in location.clinicians]
    return data


def organization_json_ld(locations, request):
    practice = PracticeSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalOrganization",
        "@id": organization_id(),
        "name": practice.name,
        "url": absolute("/"),
        "logo": _logo_url(request),
    }
    if practice.phone and e164(practice.phone):
        data["telephone"] = e164(practice.phone)
    if practice.email:
        data["email"] = practice.email
    if locations:
        data["location"] = [clinic_summary(location, request) for location in locations]
    return data


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
