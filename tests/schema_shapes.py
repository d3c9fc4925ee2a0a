"""A schema.org shape check for the site's JSON-LD graphs, run locally (no validator online).

`problems(data, language)` lists what a search engine or map would miss: a graph that is not
one graph, an @id defined twice, a reference to a node the page does not define, an address
not in parts, a telephone not in E.164, an office without coordinates or hours, a page whose
inLanguage is not its own, a property schema.org does not give that type.
"""

import re

E164 = re.compile(r"^\+1\d{10}$")
PAGE_TYPES = {"WebPage", "MedicalWebPage", "ProfilePage"}

# What each type must carry, and what else it may (schema.org's properties for it that the
# site uses). A property outside both is reported: a misspelling reads as nothing to a parser.
SHAPES = {
    "MedicalOrganization": (
        {"@id", "name", "url", "logo", "telephone", "address"},
        {"email", "medicalSpecialty", "sameAs", "location"},
    ),
    "MedicalClinic": (
        {"@id", "name", "url", "telephone", "address", "geo", "openingHoursSpecification"},
        {
            "parentOrganization",
            "medicalSpecialty",
            "specialOpeningHoursSpecification",
            "amenityFeature",
            "description",
            "availableService",
            "employee",
        },
    ),
    "PostalAddress": (
        {"streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"},
        set(),
    ),
    "GeoCoordinates": ({"latitude", "longitude"}, set()),
    "OpeningHoursSpecification": (
        {"opens", "closes"},
        {"dayOfWeek", "validFrom", "validThrough"},
    ),
    "WebSite": ({"@id", "url", "name", "inLanguage"}, {"publisher"}),
}
for _page_type in PAGE_TYPES:
    SHAPES[_page_type] = (
        {"@id", "url", "name", "inLanguage"},
        {
            "description",
            "publisher",
            "about",
            "mainEntity",
            "audience",
            "lastReviewed",
            "reviewedBy",
            "dateModified",
        },
    )


def nodes_within(value):
    """Every object in `value`, however deeply nested."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes_within(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes_within(item)


def problems(data, language_tag):
    found = []
    if data.get("@context") != "https://schema.org" or not isinstance(data.get("@graph"), list):
        return ["not one schema.org @graph"]
    top = data["@graph"]
    defined = [node["@id"] for node in top if "@id" in node]
    found += [f"{node_id} defined twice" for node_id in set(defined) if defined.count(node_id) > 1]
    organizations = [node for node in top if node.get("@type") == "MedicalOrganization"]
    if len(organizations) != 1:
        found.append(f"{len(organizations)} definitions of the organization")
    if top[0].get("@type") not in PAGE_TYPES or top[0].get("inLanguage") != language_tag:
        found.append(f"the page's node is not a page in {language_tag}: {top[0].get('@type')}")
    for node in nodes_within(top):
        found += _node_problems(node, set(defined))
    return found


def _node_problems(node, defined):
    found = []
    node_type = node.get("@type")
    named = node.get("@id", "")
    if (
        set(node) == {"@id"}
        and named.endswith(("#organization", "#clinic"))
        and named not in defined
    ):
        found.append(f"{named} is named but not defined")
    if isinstance(node.get("address"), str):
        found.append(f"{node_type} has its address in one string")
    if "telephone" in node and not E164.match(node["telephone"]):
        found.append(f"{node_type} telephone {node['telephone']!r} is not E.164")
    if node_type in SHAPES:
        required, optional = SHAPES[node_type]
        if missing := required - set(node):
            found.append(f"{node_type} {node.get('@id', '')} lacks {sorted(missing)}")
        if unknown := set(node) - required - optional - {"@type"}:
            found.append(f"{node_type} has properties outside its shape: {sorted(unknown)}")
    return found
