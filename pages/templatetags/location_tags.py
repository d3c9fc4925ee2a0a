"""The practice's pages in other templates: JSON-LD for a location, and the office every footer
shows."""

from django import template

from practice.models import PracticeSettings
from practice.structured_data import script

from ..offices import office_for
from ..structured_data import location_json_ld as location_data

register = template.Library()


@register.simple_tag(takes_context=True)
def location_json_ld(context, location):
    return script(location_data(location, context.get("request")))


@register.simple_tag(takes_context=True)
def primary_office(context):
    """The office the settings name as primary, in the active language when translated, with
    its hours: from the offices every page reads (pages/offices.py). Outside them (a location
    in a private section, say) it is looked up as the settings have it."""
    practice = PracticeSettings.for_request(context["request"])
    if practice.primary_location_id is None:
        return None
    return office_for(practice.primary_location_id) or practice.primary_location_page
