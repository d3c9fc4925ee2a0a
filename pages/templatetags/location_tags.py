"""The practice's pages in other templates: JSON-LD for a location and for the practice (the
home page includes the latter with one tag), and the notices every footer links to."""

from django import template
from django.utils import translation

from education.templatetags.education_tags import json_ld
from practice.languages import DEFAULT_LANGUAGE, hreflang

from ..models import LocationPage, NoticePage
from ..structured_data import location_json_ld as location_data
from ..structured_data import organization_json_ld as organization_data

register = template.Library()


@register.simple_tag(takes_context=True)
def location_json_ld(context, location):
    return json_ld(location_data(location, context.get("request")))


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The practice as a MedicalOrganization with its logo and every live, public location."""
    locations = LocationPage.objects.live_public().order_by("path")
    return json_ld(organization_data(list(locations), context.get("request")))


@register.simple_tag
def notice_pages():
    """The live, public notices (nondiscrimination, language assistance, privacy practices,
    accessibility) every page's footer links to, in the English tree's order and one query:
    each in the active language, or in English while it has no translation, so a Spanish page
    still links to every notice (marked as English, `lang`). Never both versions of one."""
    active = translation.get_language()
    versions = {}
    for notice in NoticePage.objects.live_public().select_related("locale").order_by("path"):
        versions.setdefault(notice.translation_key, {})[notice.locale.language_code] = notice
    links = []
    for by_language in versions.values():
        notice = by_language.get(active) or by_language.get(DEFAULT_LANGUAGE)
        if notice is not None:
            code = notice.locale.language_code
            links.append({"page": notice, "lang": "" if code == active else hreflang(code)})
    return links
