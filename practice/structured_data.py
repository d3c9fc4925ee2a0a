"""One JSON-LD graph per page: the page's own nodes, then the practice and its offices, each
defined once and named elsewhere by @id.

The practice is built from its Location pages and settings by the pages app, which this
foundation module never imports: the app registers its builder with the
`register_practice_graph` hook (a function of the request that returns the organization and
its offices). Every page that names the practice (publisher, employer) points at
`organization_ref()`, so a search engine reads one definition, with the address in parts, the
coordinates and the hours, never an address squeezed into one string.
"""

import copy
import json

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail import hooks

from .cache import content_version
from .localized import locale_ids
from .site_url import absolute

CONTEXT = "https://schema.org"
PRACTICE_GRAPH_HOOK = "register_practice_graph"

# The escapes Django's json_script uses: no "<", ">" or "&" reaches the HTML parser, so a title
# containing "</script>" or "<!--" cannot end the element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# The language of a page as inLanguage (BCP 47) and og:locale write it: the practice serves
# patients in the United States in both languages.
LANGUAGE_TAGS = {"en": "en-US", "es": "es-US"}


# schema.org's MedicalSpecialty values (https://schema.org/MedicalSpecialty).
MEDICAL_SPECIALTIES = {
    "Anesthesia",
    "Cardiovascular",
    "CommunityHealth",
    "Dentistry",
    "Dermatology",
    "DietNutrition",
    "Emergency",
    "Endocrine",
    "Gastroenterologic",
    "Genetic",
    "Geriatric",
    "Gynecologic",
    "Hematologic",
    "Infectious",
    "LaboratoryScience",
    "Midwifery",
    "Musculoskeletal",
    "Neurologic",
    "Nursing",
    "Obstetric",
    "Oncologic",
    "Optometric",
    "Otolaryngologic",
    "Pathology",
    "Pediatric",
    "PharmacySpecialty",
    "Physiotherapy",
    "PlasticSurgery",
    "Podiatric",
    "PrimaryCare",
    "Psychiatric",
    "PublicHealth",
    "Pulmonary",
    "Radiography",
    "Renal",
    "RespiratoryTherapy",
    "Rheumatologic",
    "SpeakingTherapy",
    "Surgical",
    "Toxicologic",
    "Urologic",
}


def specialty_names(text):
    """'Anesthesia, Neurologic' as a list of names, in the order staff wrote them."""
    return [name.strip() for name in text.split(",") if name.strip()]


def validate_medical_specialties(text):
    unknown = [name for name in specialty_names(text) if name not in MEDICAL_SPECIALTIES]
    if unknown:
        raise ValidationError(
            "Not a schema.org medical specialty: %(names)s. Use names such as Anesthesia, "
            "Musculoskeletal, Neurologic, Physiotherapy.",
            params={"names": ", ".join(unknown)},
        )


def language_tag(language_code=None):
    """'en-US' or 'es-US' for the active language (or `language_code`)."""
    code = (language_code or translation.get_language() or "en").split("-")[0]
    return LANGUAGE_TAGS.get(code, LANGUAGE_TAGS["en"])


def page_language_tag(page):
    """The page's own language as inLanguage writes it, from the cached locales (reading
    `page.locale` would cost a query)."""
    codes = {locale_id: code for code, locale_id in locale_ids().items()}
    return language_tag(codes.get(page.locale_id))


def organization_id():
    return absolute("/") + "#organization"


def organization_ref():
    """How a page names the practice (publisher, employer): by @id, defined once per graph."""
    return {"@id": organization_id()}


def practice_nodes(request):
    """The organization and its offices, from whichever app registered them: built once per
    content version, language and day (closures come and go by the day) for every page."""
    key = f"practice-graph:{content_version()}:{translation.get_language()}:{timezone.localdate()}"
    nodes = cache.get(key)
    if nodes is None:
        nodes = [node for build in hooks.get_hooks(PRACTICE_GRAPH_HOOK) for node in build(request)]
        cache.set(key, nodes, 300)
    return copy.deepcopy(nodes)


def graph(request, page_nodes):
    """The page's nodes first, then the practice's. Two nodes with one @id (a location's page
    says more about its own office than the practice's list does) are merged, so each @id is
    defined once."""
    nodes, by_id = [], {}
    for node in [*page_nodes, *practice_nodes(request)]:
        node_id = node.get("@id")
        if node_id in by_id:
            by_id[node_id].update(node)
            continue
        if node_id:
            by_id[node_id] = node
        nodes.append(node)
    return {"@context": CONTEXT, "@graph": nodes}


def web_page(page, request, schema_type="WebPage"):
    """The page itself: its address, name, description and language, published by the
    practice."""
    url = page.get_full_url(request)
    node = {
        "@type": schema_type,
        "@id": url,
        "url": url,
        "name": page.seo_title or page.title,
        "inLanguage": page_language_tag(page),
        "publisher": organization_ref(),
    }
    if description := page.get_meta_description():
        node["description"] = description
    return node


def web_site(name):
    """The site as a whole (on the home page): its name and its languages."""
    return {
        "@type": "WebSite",
        "@id": absolute("/") + "#website",
        "url": absolute("/"),
        "name": name,
        "inLanguage": list(LANGUAGE_TAGS.values()),
        "publisher": organization_ref(),
    }


def script(data):
    """`data` as a <script type="application/ld+json"> element, safely escaped."""
    # Compact: machines read it, and every page carries the practice's offices.
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    text = text.translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
