from django import template

from practice.structured_data import script

from .. import structured_data
from ..health_icons import icon_svg
from ..models.reviewed import has_text as rich_text_has_text

register = template.Library()


@register.simple_tag
def json_ld(data):
    """`data` as a <script type="application/ld+json"> element, safely escaped."""
    return script(data)


def _register_json_ld_tag(name, data_of):
    """{% <name> page %}: the page's JSON-LD, from `data_of(page, request)`."""

    def tag(context, page):
        return json_ld(data_of(page, context.get("request")))

    register.simple_tag(tag, takes_context=True, name=name)


# {% article_json_ld page %}, and the same for clinicians, conditions and treatments.
for _name, _data_of in [
    ("article_json_ld", structured_data.article_json_ld),
    ("clinician_json_ld", structured_data.clinician_json_ld),
    ("condition_json_ld", structured_data.condition_json_ld),
    ("treatment_json_ld", structured_data.treatment_json_ld),
]:
    _register_json_ld_tag(_name, _data_of)


@register.filter
def has_text(html):
    """True when rich text holds words: an emptied section ("<p></p>") is left out."""
    return rich_text_has_text(html)


@register.filter
def missing_full_stop(text):
    """ "." when `text` does not already end a sentence, so "et al." or a title ending in "?"
    is not followed by a second stop; else nothing."""
    return "" if str(text).rstrip().endswith((".", "?", "!")) else "."


@register.simple_tag
def health_icon(name):
    """A condition's or treatment's drawing as inline SVG ("" when it has none)."""
    return icon_svg(name)
