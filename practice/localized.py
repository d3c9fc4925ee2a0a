"""What editors wrote in English, shown in the visitor's language.

Translations are rows of their own (Wagtail's i18n: a page or a snippet per locale, linked by
`translation_key`). A list on a Spanish page keeps the English list's items and order, and
shows each item's Spanish translation where there is one, the English item where there is
not: one query for the list, one for its translations, however many items there are (never
`.localized` per row, which costs a query each).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale


def content_language(language=None):
    """The content language (a Locale's language_code) for `language`, by default the active
    one: 'es' under /es/, 'en-us' elsewhere. The default language when it is not a content
    language (Wagtail's i18n switched off, or a language the site has no pages in)."""
    try:
        return get_supported_content_language_variant(language or translation.get_language())
    except LookupError:
        return default_content_language()


def default_content_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def in_default_language(queryset):
    """The items editors wrote first (English): the rows a list is made of."""
    return queryset.filter(locale__language_code=default_content_language())


def in_active_language(items, translations):
    """`items` (default-language rows, in their order), each replaced by its translation in
    the active language when `translations` has one. `translations` is a queryset of the
    same model limited to what may be shown (live and public pages, say), so a draft
    translation leaves the English item in place. An item kept in English gets
    `fallback_language` ('en'), for a `lang` attribute; a translated one gets ''."""
    items = list(items)
    language = content_language()
    if language == default_content_language() or not items:
        return [_marked(item, "") for item in items]
    keys = [item.translation_key for item in items]
    found = {
        row.translation_key: row
        for row in translations.filter(locale__language_code=language, translation_key__in=keys)
    }
    fallback = fallback_language()
    return [
        _marked(found[item.translation_key], "")
        if item.translation_key in found
        else _marked(item, fallback)
        for item in items
    ]


def _marked(item, fallback_language):
    item.fallback_language = fallback_language
    return item


class TranslatedText(str):
    """A setting's words, which know whether they are the English kept in place of a
    translation staff have not written yet: `fallback_language` is then 'en' (for a `lang`
    attribute), else ''."""

    fallback_language = ""


def translated_field(instance, name, language=None):
    """`instance.<name>` in `language` (by default the active one): the `<name>_es` field
    on a Spanish page when staff filled it in, else the English `<name>`, marked with its
    `fallback_language`. Rich text counts as empty when it has no words (the editor saves an
    empty paragraph as '<p></p>')."""
    language = content_language(language)
    english = TranslatedText(getattr(instance, name) or "")
    if language != default_content_language():
        value = getattr(instance, f"{name}_{language.replace('-', '_')}", "")
        if has_words(value):
            return TranslatedText(value)
        english.fallback_language = fallback_language()
    return english


def has_words(value):
    return bool(strip_tags(value or "").strip())


def fallback_language():
    """The language code of the default language ('en'), for `lang` attributes."""
    return translation.to_language(default_content_language()).split("-")[0]


class Translated:
    """An object's words in the active language, for templates:
    `{{ practice.translated.emergency_notice }}`. Only the fields named are translated; any
    other name is an error, so a typo cannot silently show English on a Spanish page."""

    def __init__(self, instance, fields):
        self._instance = instance
        self._fields = fields

    def __getattr__(self, name):
        if name.startswith("_") or name not in self._fields:
            raise AttributeError(f"{name!r} is not one of the translated fields {self._fields}")
        return translated_field(self._instance, name)


LOCALE_IDS_KEY = "languages:locale-ids"


def locale_ids():
    """{language code: Locale id}, from the cache: locales are made once, by a migration (and
    read with the sites when a page is found by its address: practice/site_structure.py)."""
    ids = cache.get(LOCALE_IDS_KEY)
    if ids is None:
        ids = dict(Locale.objects.values_list("language_code", "id"))
        cache.set(LOCALE_IDS_KEY, ids, 300)
    return ids


def is_in_active_language(page):
    return locale_ids().get(translation.get_language()) == page.locale_id


def localized(page):
    """`page`, as its own type, in the active language when it has a live, public version
    there; else `page` itself. No query when it already is in that language, one otherwise
    (Wagtail's `Page.localized` looks the active Locale up every time)."""
    if page is None or is_in_active_language(page):
        return page
    version = (
        page.specific_class.objects.filter(
            translation_key=page.translation_key,
            locale_id=locale_ids().get(translation.get_language()),
        )
        .live()
        .first()
    )
    return version or page
