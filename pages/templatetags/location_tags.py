"""The practice's pages in other templates: JSON-LD for a location."""

from django import template

from practice.structured_data import script

from ..structured_data import location_json_ld as location_data

register = template.Library()


@register.simple_tag(takes_context=True)
def location_json_ld(context, location):
    return script(location_data(location, context.get("request")))
