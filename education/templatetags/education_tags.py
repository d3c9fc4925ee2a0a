import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..health_icons import icon_svg
from ..models.reviewed import has_text as rich_text_has_text
from ..structured_data import article_json_ld as article_data
from ..structured_data import clinician_json_ld as clinician_data
from ..structured_data import condition_json_ld as condition_data
from ..structured_data import treatment_json_ld as treatment_data

register = template.Library()

# The escapes Django's json_script uses: no "<", ">" or "&" reaches the HTML parser, so a title
# containing "</script>" or "<!--" cannot end the element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """`data` as a <script type="application/ld+json"> element, safely escaped."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def article_json_ld(context, article):
    return json_ld(article_data(article, context.get("request")))


@register.simple_tag(takes_context=True)
def clinician_json_ld(context, clinician):
    return json_ld(clinician_data(clinician, context.get("request")))


@register.simple_tag(takes_context=True)
def condition_json_ld(context, condition):
    return json_ld(condition_data(condition, context.get("request")))


@register.simple_tag(takes_context=True)
def treatment_json_ld(context, treatment):
    return json_ld(treatment_data(treatment, context.get("request")))


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
