from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site root's live, public children marked "show in menus", in tree order.

    Memoised on the request so the header and any other caller share two queries.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    if not hasattr(request, "_practice_main_menu"):
        children = site.root_page.get_children().live().public().in_menu()
        request._practice_main_menu = list(children)
    return request._practice_main_menu


@register.filter
def in_section(page, section):
    """True when `page` is `section` or lies below it in the page tree."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))
