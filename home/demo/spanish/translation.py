"""How the demo makes a Spanish page: as Wagtail's "Translate" action does.

`copy_for_translation` puts a draft copy of the English page in the Spanish tree, under the
Spanish version of its parent, sharing its `translation_key`; the demo then writes the Spanish
words over the copy (content/es/), points its links at Spanish pages and publishes it. Parents
are translated before their children, so no untranslated parent is ever copied into the Spanish
tree (Wagtail would make it an alias showing the English page).
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page

from education.review_dates import next_review_after

from ..tree import english_pages

SPANISH = "es"


def spanish():
    return Locale.objects.get_or_create(language_code=SPANISH)[0]


def english(model, **filters):
    """The English demo page of `model` matching `filters`, or None."""
    return english_pages(model).filter(**filters).first()


def spanish_version(page):
    """The Spanish version of `page` (any state), or None."""
    found = page.get_translation_or_none(spanish()) if page is not None else None
    return found.specific if found is not None else None


def translate(source, fields, log, prepare=None, exclude_fields=None):
    """The Spanish version of `source`, made, filled with `fields` and published the first time;
    later runs return it as it is (an editor's changes stay). `prepare(page)` adjusts the copy
    before it is published (its links, its review); `exclude_fields` are left blank in it."""
    if source is None:
        return None
    existing = spanish_version(source)
    if existing is not None:
        return existing
    page = source.specific.copy_for_translation(spanish(), exclude_fields=exclude_fields)
    for name, value in fields.items():
        setattr(page, name, value)
    if prepare is not None:
        prepare(page)
    page.save_revision().publish()
    log(f"Translated {source.title!r} into Spanish: {page.title!r}.")
    return page


def localize_links(page, relation, target, keep_untranslated=False):
    """Point each row of `page`'s `relation` (an inline panel's rows) at the Spanish version of
    its `target` page. A row whose target has no Spanish version is dropped, so a Spanish page
    never lists an English one, unless `keep_untranslated` (an author's byline: the name is the
    same in both languages)."""
    rows = list(getattr(page, relation).all())
    attname = f"{target}_id"
    keys = dict(
        Page.objects.filter(pk__in=[getattr(row, attname) for row in rows]).values_list(
            "pk", "translation_key"
        )
    )
    translated = dict(
        Page.objects.filter(translation_key__in=keys.values(), locale=spanish()).values_list(
            "translation_key", "pk"
        )
    )
    kept = []
    for row in rows:
        spanish_pk = translated.get(keys.get(getattr(row, attname)))
        if spanish_pk is not None:
            setattr(row, attname, spanish_pk)
        if spanish_pk is not None or keep_untranslated:
            kept.append(row)
    for order, row in enumerate(kept):
        row.sort_order = order
    setattr(page, relation, kept)


def reviewed(page, reviewer, spec):
    """The translation's own medical review: its reviewer (the Spanish profile of a clinician
    who reads Spanish), the day it was reviewed counted back from the day the demo loads, and
    the next review a standard interval later."""
    on = timezone.localdate() - datetime.timedelta(days=spec["reviewed_days_ago"])
    page.medical_reviewer = reviewer
    page.last_reviewed = on
    page.next_review_due = next_review_after(on)
    page.minor_edit = False
