"""The practice's pages in other templates: JSON-LD for a location, and the notices every
footer links to."""

from django import template

from practice.localized import in_active_language, in_default_language
from practice.structured_data import script

from ..models import NoticePage
from ..structured_data import location_json_ld as location_data

register = template.Library()


@register.simple_tag(takes_context=True)
def location_json_ld(context, location):
    return script(location_data(location, context.get("request")))


@register.simple_tag
def notice_pages():
    """Live, public notices (nondiscrimination, privacy practices, accessibility), in tree
    order: every page's footer links to them, whatever else staff put there. A Spanish page
    links each notice's Spanish translation, or the English notice while there is none (two
    queries, however many notices)."""
    english = in_default_language(NoticePage.objects.live_public()).order_by("path")
    return in_active_language(english, NoticePage.objects.live_public())
