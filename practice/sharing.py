"""What a link preview shows of a page (Open Graph): a picture for every page and its language.

The picture is the page's own (an article's hero, a clinician's photo), else its section's
(the page under the home page it belongs to, when that type has one), else the site-wide share
image staff set under Settings > Theme. Messaging apps and social networks show nothing for a
page without one.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from .models import ThemeSettings
from .pages import SOCIAL_IMAGE_SPEC, IndexPage
from .structured_data import language_tag

# The depth of the sections in the page tree: Root (1), the home page (2), its children (3).
SECTION_DEPTH = 3


def section_of(page):
    """The section `page` lies in, as its own type when that type has a picture (a section's
    front page, IndexPage); None for the home page, a section itself, and a section whose type
    has none."""
    if page.depth is None or page.depth <= SECTION_DEPTH:
        return None
    child = page  # the page one level below the section, on the way up
    while child.depth > SECTION_DEPTH + 1:
        child = child.get_parent()
    section = getattr(child, "_cached_parent_obj", None) or _load_section(child)
    if section is None or not getattr(section.specific_class, "social_image_field", None):
        return None
    return section.specific  # already its own type, unless some other code loaded it


def _load_section(child):
    """`child`'s parent, the section, in the one query treebeard's `get_parent` makes, joined
    to the tables of the section types with a picture (and to the picture): as its own type
    when it is one of them, so a section without a picture costs no query more. Kept as
    `child`'s parent, which the breadcrumbs then read without a query of their own."""
    links = _section_links()
    joined = Page.objects.select_related(*links, *(f"{link}__share_image" for link in links))
    found = joined.filter(path=child.path[: SECTION_DEPTH * Page.steplen]).first()
    if found is None:  # a page not yet in the tree (a preview)
        return None
    # A missing joined row reads as None (Django's "does not exist" is also an AttributeError).
    section = next(
        (specific for link in links if (specific := getattr(found, link, None)) is not None),
        found,
    )
    child._cached_parent_obj = section
    return section


@cache
def _section_links():
    """The names under which a Page reaches the row of each section type with a picture (its
    own table, joined on the page's id): 'articleindexpage', 'treatmentindexpage', ..."""
    return tuple(
        model._meta.parents[Page].remote_field.get_accessor_name()
        for model in apps.get_models()
        if issubclass(model, IndexPage) and Page in model._meta.parents
    )


def share_picture(page, request):
    """(rendition, text alternative) of the picture shown when `page` is shared, or
    (None, '') when neither the page, its section nor the settings have one."""
    for candidate in _page_then_section(page):
        if candidate is not None and (rendition := candidate.social_image):
            # A decorative picture has no alt text on the page; a preview still describes it.
            return rendition, candidate.social_image_alt or rendition.image.title
    theme = ThemeSettings.for_request(request)
    if theme.share_image is not None:
        return theme.share_image.get_rendition(SOCIAL_IMAGE_SPEC), theme.share_image_alt
    return None, ""


def _page_then_section(page):
    yield page
    yield section_of(page)  # looked up only for a page without a picture of its own


def og_locale(language_code):
    """Open Graph's form of a language: 'en_US', 'es_US'."""
    return language_tag(language_code).replace("-", "_")


def alternate_locales(page):
    """og:locale:alternate for each other language the page is published in."""
    current = language_tag()
    return [
        og_locale(code)
        for code in page.language_versions
        if language_tag(code) != current and code in dict(settings.LANGUAGES)
    ]
