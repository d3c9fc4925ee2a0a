"""What a link preview shows of a page (Open Graph): a picture for every page and its language.

The picture is the page's own (an article's hero, a clinician's photo), else its section's
(the page under the home page it belongs to, when that type has one), else the site-wide share
image staff set under Settings > Theme. Messaging apps and social networks show nothing for a
page without one.
"""

from django.conf import settings

from .models import ThemeSettings
from .pages import SOCIAL_IMAGE_SPEC
from .structured_data import language_tag

# The depth of the sections in the page tree: Root (1), the home page (2), its children (3).
SECTION_DEPTH = 3


def section_of(page):
    """The section `page` belongs to (itself at the top), as its own type; None for the home
    page. Walks parents the router already loaded, so an article costs no query."""
    ancestor = page
    while ancestor.depth > SECTION_DEPTH:
        ancestor = ancestor.get_parent()
    if ancestor is page or ancestor.depth < SECTION_DEPTH:
        return None
    # Only a section whose type has a picture is fetched as that type.
    if not getattr(ancestor.specific_class, "social_image_field", None):
        return None
    return ancestor.specific


def share_picture(page, request):
    """(rendition, text alternative) of the picture shown when `page` is shared, or
    (None, '') when neither the page, its section nor the settings have one."""
    for candidate in (page, section_of(page)):
        if candidate is not None and (rendition := candidate.social_image):
            # A decorative picture has no alt text on the page; a preview still describes it.
            return rendition, candidate.social_image_alt or rendition.image.title
    theme = ThemeSettings.for_request(request)
    if theme.share_image is not None:
        return theme.share_image.get_rendition(SOCIAL_IMAGE_SPEC), theme.share_image_alt
    return None, ""


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
