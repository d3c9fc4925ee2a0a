"""The practice's pages in other templates: JSON-LD for a location and for the practice (the
home page includes the latter with one tag), and the notices every footer links to."""

from django import template

from education.templatetags.education_tags import json_ld

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
    """Live, public notices (nondiscrimination, privacy practices, accessibility), in tree
    order: every page's footer links to them, whatever else staff put there."""
    return NoticePage.objects.live_public().order_by("path")
