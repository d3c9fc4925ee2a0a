"""The practice's pages in other templates: JSON-LD for a location and for the practice (the
home page includes the latter with one tag), and the notices every footer links to."""

from django import template

from education.templatetags.education_tags import json_ld
from practice.localized import in_active_language, in_default_language

from ..models import LocationPage, NoticePage
from ..structured_data import location_json_ld as location_data
from ..structured_data import organization_json_ld as organization_data

register = template.Library()


@register.simple_tag(takes_context=True)
def location_json_ld(context, location):
    return json_ld(location_data(location, context.get("request")))


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    """The practice as a MedicalOrganization with its logo and every live, public location
    (each once, in the page's language where it is translated)."""
    english = in_default_language(LocationPage.objects.live_public()).order_by("path")
    locations = in_active_language(english, LocationPage.objects.live_public())
    return json_ld(organization_data(locations, context.get("request")))


@register.simple_tag
def notice_pages():
    """Live, public notices (nondiscrimination, privacy practices, accessibility), in tree
    order: every page's footer links to them, whatever else staff put there. A Spanish page
    links each notice's Spanish translation, or the English notice while there is none (two
    queries, however many notices)."""
    english = in_default_language(NoticePage.objects.live_public()).order_by("path")
    return in_active_language(english, NoticePage.objects.live_public())
