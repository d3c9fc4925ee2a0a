"""Which languages the site speaks, and where the same page lives in each of them: addresses,
hreflang alternates and the language switcher. (What a page shows in the visitor's language is
practice/localized.py.)

A translation is an ordinary page in another locale's tree, sharing its source's
`translation_key` (Wagtail's own i18n); only live, public versions count, so a draft
translation is never linked to.
"""

from django.conf import settings
from django.http import Http404
from django.urls import reverse, translate_url
from django.utils import translation

# The language a page is served in when nothing says otherwise, and hreflang's x-default.
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def hreflang(code):
    """A language code as hreflang and <html lang> write it: "en-US", "es"."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def language_name(code):
    """The language's name in that language ("English", "Español")."""
    return dict(settings.LANGUAGES)[code]


def other_languages():
    active = translation.get_language()
    return [code for code, _name in settings.LANGUAGES if code != active]


def home_url(language):
    """The home page's address in `language`: "/" for English, "/es/" for Spanish."""
    with translation.override(language):
        return reverse("wagtail_serve", args=("",))


def switch_links(request, page=None):
    """Where the language switcher goes: for each other language, the same page in it, or
    that language's home page marked `untranslated` when the page has no version there."""
    if not getattr(page, "pk", None):
        page = None  # an error page or a view outside the page tree
    versions = page.language_versions if page else {}
    links = []
    for code in other_languages():
        if page:
            version = versions.get(code)
            url = version.get_url(request) if version else None
        else:
            # A view outside the page tree (search): the same address in the other language.
            url = translate_url(request.get_full_path(), code) if request else None
            if url == (request.get_full_path() if request else None):
                url = None
        links.append(
            {
                "code": code,
                "lang": hreflang(code),
                "name": language_name(code),
                "url": url or home_url(code) + "?untranslated=1",
                "translated": bool(url),
            }
        )
    return links


def alternates(page, request=None):
    """hreflang alternates for `page`: each live version's full address, plus x-default (the
    default language's version); empty when the page exists in one language only."""
    versions = page.language_versions
    if len(versions) < 2:
        return []
    links = [
        {"lang_code": hreflang(code), "location": version.get_full_url(request)}
        for code, version in sorted(versions.items())
    ]
    default = versions.get(DEFAULT_LANGUAGE)
    if default is not None:
        links.append({"lang_code": "x-default", "location": default.get_full_url(request)})
    return links


def refuse_cross_language_alias(page, request, serve_args, serve_kwargs):
    """before_serve_page hook: an alias shows its source's words, so an alias in another
    language's tree (what Wagtail makes for an untranslated parent, or with
    WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE) would show English under lang="es". It is not
    found instead; the translation has to be written and reviewed first."""
    if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
        raise Http404
