"""The patient's language: every page of the form speaks the page's own language.

A Spanish translation of the consultation page (Wagtail's i18n) is served under /es/, where
the URL already makes Spanish the active language. The page's locale is made active here too,
so that what the patient reads (Django's and our messages, the error summary, the thank-you
page) is in the page's language however it is reached: an editor's preview, say.
"""

import functools

from django.utils import translation

from practice.localized import locale_ids


def page_language(page):
    """The page's language code ("es"), from the cached locales: no query."""
    codes = {locale_id: code for code, locale_id in locale_ids().items()}
    return codes.get(page.locale_id) or page.locale.language_code


def in_page_language(view):
    """Run a page's view, and render its response, in the page's language."""

    @functools.wraps(view)
    def in_language(page, request, *args, **kwargs):
        with translation.override(page_language(page)):
            response = view(page, request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response

    return in_language
