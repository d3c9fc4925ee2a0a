"""Where Spanish pages still show English: the "Missing in Spanish" report (Reports menu).

A Spanish page shows the English words, marked `lang="en"`, wherever staff have not written
the Spanish yet. This report lists those places, found from the models themselves (practice
never imports the apps), for every language other than the default one:

- a field with a counterpart in that language (`<name>_es`: the practice's tagline and
  disclaimer, a clinician's title) filled in English and empty in the other language;
- a live English page with no live version in that language;
- a translatable snippet (an insurance plan, a topic) with no version in that language.
"""

from dataclasses import dataclass

from django.apps import apps
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from .localized import default_content_language, has_words


@dataclass
class Gap:
    kind: str  # what the item is: its model's verbose name ("clinician", "insurance plan")
    item: object
    missing: str  # what is missing: a field's label, or "Translation"


def other_languages():
    return Locale.objects.exclude(language_code=default_content_language())


def field_pairs(model, suffix):
    """The fields of `model` that have a counterpart `<name>_<suffix>` in another language."""
    names = {field.name for field in model._meta.get_fields() if field.concrete}
    return [name for name in sorted(names) if f"{name}_{suffix}" in names]


def missing_fields(locale):
    suffix = locale.language_code.replace("-", "_")
    gaps = []
    for model in apps.get_models():
        pairs = [name for name in field_pairs(model, suffix) if name in _own_fields(model)]
        if not pairs:
            continue
        rows = model._default_manager.all()
        if issubclass(model, TranslatableMixin):
            rows = rows.filter(locale__language_code=default_content_language())
        for row in rows:
            for name in pairs:
                if has_words(str(getattr(row, name))) and not has_words(
                    str(getattr(row, f"{name}_{suffix}"))
                ):
                    label = model._meta.get_field(f"{name}_{suffix}").verbose_name
                    gaps.append(Gap(model._meta.verbose_name, row, label))
    return gaps


def _own_fields(model):
    """Fields declared on `model` itself, so a page type's fields are not reported again
    under the tables it inherits from."""
    return {field.name for field in model._meta.local_concrete_fields}


def missing_pages(locale):
    english = Page.objects.live().filter(locale__language_code=default_content_language())
    translated = Page.objects.live().filter(locale=locale).values("translation_key")
    untranslated = english.filter(depth__gt=1).exclude(translation_key__in=translated)
    pages = untranslated.specific().order_by("path")
    return [Gap(page._meta.verbose_name, page, "Translation") for page in pages]


def missing_snippets(locale):
    gaps = []
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        rows = model._default_manager.all()
        translated = rows.filter(locale=locale).values("translation_key")
        english = rows.filter(locale__language_code=default_content_language())
        for row in english.exclude(translation_key__in=translated):
            gaps.append(Gap(model._meta.verbose_name, row, "Translation"))
    return gaps


def gaps_by_language():
    """{Locale: [Gap, ...]} for every language other than the default one."""
    return {
        locale: missing_fields(locale) + missing_pages(locale) + missing_snippets(locale)
        for locale in other_languages()
    }


class MissingTranslationsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "practice/admin/missing_translations.html"
    page_title = "Missing in Spanish"
    header_icon = "globe"

    def get_context_data(self, **kwargs):
        finder = AdminURLFinder(self.request.user)
        languages = [
            {
                "name": locale.get_display_name(),
                "rows": [{"gap": gap, "edit_url": finder.get_edit_url(gap.item)} for gap in gaps],
            }
            for locale, gaps in gaps_by_language().items()
        ]
        return super().get_context_data(languages=languages, **kwargs)
