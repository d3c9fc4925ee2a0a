"""What the location editor posts, and how the tests read JSON-LD."""

import json

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.helpers import soup_of


def location_editor_data(**fields):
    """The location editor's form: a valid office open on Mondays, with `fields` changed."""
    data = {
        "title": "Lakeview Office",
        "slug": "lakeview",
        "intro": "By the lake.",
        "street_address": "12 Lakeview Drive",
        "suite": "",
        "city": "Springfield",
        "state": "IL",
        "zip_code": "62704",
        "phone": "555-014-3300",
        "latitude": "",
        "longitude": "",
        "parking": "",
        "public_transport": "",
        "access_notes": "",
        "opening_hours": inline_formset(
            [{"weekday": "0", "opens": "08:00", "closes": "17:00", "note": ""}]
        ),
        "closures": inline_formset([]),
        "clinician_links": inline_formset([]),
        "service_links": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "action-publish": "publish",
        **fields,
    }
    return nested_form_data(data)


def json_ld_of(response, schema_type):
    """The nodes of `schema_type` in the page's JSON-LD graph, parsed."""
    (script,) = soup_of(response).find_all("script", type="application/ld+json")
    return [node for node in json.loads(script.string)["@graph"] if node["@type"] == schema_type]
