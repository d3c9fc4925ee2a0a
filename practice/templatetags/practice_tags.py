import html

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

from practice import sharing, structured_data
from practice.cache import version_and_language
from practice.models import PracticeSettings, ThemeSettings
from practice.security import allow_inline_style
from practice.site_links import site_links
from practice.site_url import absolute

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The children of the site's home page in the active language (the English one when it
    has none) that are live, public and marked "show in menus", in tree order: read with the
    footer's links (practice/site_links.py)."""
    return site_links(context.get("request")).get("menu", [])


@register.simple_tag(takes_context=True, name="site_links")
def site_links_tag(context):
    """The lists of pages every page links to, by name: "menu", "footer", "notices"."""
    return site_links(context.get("request"))


@register.filter
def in_section(page, section):
    """True when `page` is `section` or lies below it in the page tree."""
    return bool(page and section and getattr(page, "path", "").startswith(section.path))


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The ancestors of `page` from the site's home page (in the page's language) down,
    without `page` itself.

    Walks up through parents the router has already loaded, so a page served normally costs
    no query here.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or page is None or page.pk == site.root_page_id:
        return []
    trail = []
    ancestor = page
    while ancestor.depth > 1 and ancestor.pk != site.root_page_id:
        ancestor = _parent(ancestor, site)
        if ancestor is None:
            break
        trail.insert(0, ancestor)
    # The Spanish home page is the English one's sibling: the walk passed it, up to the root.
    homes = [n for n, ancestor in enumerate(trail) if _is_home_page(ancestor, site)]
    if not homes:
        return []  # not under this site's home page (e.g. an unsaved preview)
    return trail[homes[0] :]


def _parent(page, site):
    """The page's parent; the site's home page was read with the site, so it costs nothing."""
    if page.path[: -page.steplen] == site.root_page.path:
        return site.root_page
    return page.get_parent()


def _is_home_page(page, site):
    """The site's home page or its translation (the Spanish home page, a sibling of the
    English one at the top of the tree)."""
    if page.pk == site.root_page_id:
        return True
    return page.depth == 2 and page.translation_key == site.root_page.translation_key


@register.simple_tag(takes_context=True)
def page_query(context, param, number):
    """The current query string with `param` set to `number` (other filters kept)."""
    query = context["request"].GET.copy()
    query[param] = number
    return "?" + query.urlencode()


@register.simple_tag
def absolute_url(url):
    """`url` on the site's public address (settings.SITE_URL), whatever host was asked."""
    return absolute(url)


@register.simple_tag(name="content_version")
def content_version_tag():
    """The current content version and language, to key {% wagtailcache %} fragments on."""
    return version_and_language()


# A page with fewer sections than this reads fine without a contents list.
MIN_SECTIONS_FOR_CONTENTS = 3


@register.simple_tag
def section_headings(stream):
    """(anchor, text) for each section heading (h2) of a StreamField, for a contents list; an
    empty list when there are too few sections to need one. The anchors are the blocks' ids,
    which the heading block template writes as "section-<id>"."""
    headings = [
        (f"section-{block.id}", block.value["text"])
        for block in stream
        if block.block_type == "heading" and block.value["level"] == "h2" and block.id
    ]
    return headings if len(headings) >= MIN_SECTIONS_FOR_CONTENTS else []


@register.simple_tag(takes_context=True)
def theme_style(context):
    """The theme's colours as an inline <style> in the <head>: no stylesheet request to wait for
    before the first paint. The page's Content-Security-Policy allows this exact text by its
    hash (practice/security.py); the colours are validated hex values (ThemeSettings)."""
    request = context.get("request")
    if request is None:
        return ""
    theme = ThemeSettings.for_request(request)
    css = render_to_string("practice/theme.css", {"theme": theme}).strip()
    allow_inline_style(request, css)
    return format_html("<style>{}</style>", mark_safe(css))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_json_ld(context, page, site=False):
    """The page's JSON-LD graph: the page (with the site as a whole on the home page), and the
    practice with its offices. Page types with more to say have tags of their own."""
    request = context.get("request")
    nodes = [structured_data.web_page(page, request)]
    if site:
        nodes.append(structured_data.web_site(PracticeSettings.for_request(request).name))
    return structured_data.script(structured_data.graph(request, nodes))


@register.simple_tag(takes_context=True)
def link_preview(context, page):
    """What a link preview shows beyond the title: the picture (practice/sharing.py), its
    text alternative, the page's language and its other languages, for Open Graph."""
    image, alt = sharing.share_picture(page, context.get("request"))
    return {
        "image": image,
        "alt": alt,
        "locale": sharing.og_locale(None),
        "alternate_locales": sharing.alternate_locales(page),
    }


# Search results show about 60 characters of a title; a little more is cut off, not lost.
TITLE_LIMIT = 65


@register.filter
def with_brand(title, brand):
    """'<title> | <brand>', with the brand once: left out when the title already names it or
    when the two together would be cut off in search results (the page's own words matter
    more there). `title` is the escaped output of the title block."""
    title = " ".join(html.unescape(str(title)).split())
    if title and (brand.casefold() in title.casefold() or len(f"{title} | {brand}") > TITLE_LIMIT):
        return escape(title)
    return escape(f"{title} | {brand}" if title else brand)
