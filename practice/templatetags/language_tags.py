"""The page's language in <html lang>, its hreflang alternates, and the language switcher."""

from django import template
from django.utils import translation

from practice import languages

register = template.Library()


@register.simple_tag
def html_lang():
    """The active language as <html lang> writes it ("en-US", "es")."""
    return languages.hreflang(translation.get_language())


@register.simple_tag
def home_url():
    """The home page in the active language: "/" or "/es/"."""
    return languages.home_url(translation.get_language())


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context, page):
    return {"alternates": languages.alternates(page, context.get("request"))}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context.get("request")
    return {"links": languages.switch_links(request, page)}
