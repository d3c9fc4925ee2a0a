"""What a medically reviewed page (article, condition, treatment) has for its translations.

A translation is an ordinary page in another locale's tree, with its own review dates. It
also remembers when it was last checked against its English source (`source_checked_at`): set
when the translation is made from the source (education.translations), and by the translator
when they bring it up to date. The review-due report flags a translation whose source has
been published since (`with_source_status`). Spanish pages are scored for readability with a
Spanish formula (`reading_ease`, see education/readability.py) instead of the English grade.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from ..readability import reading_grade
from ..spanish_readability import is_spanish, reading_ease, reading_ease_verdict


class TranslatedPageMixin(models.Model):
    source_checked_at = models.DateTimeField(
        "English version checked on",
        null=True,
        blank=True,
        help_text=(
            "For a translation: when it was last brought into line with the English page. Set "
            "when the translation is made; once you have carried the English changes into the "
            "translation, set it to now. The review report flags a translation whose English "
            "page was published after this."
        ),
    )
    reading_ease = models.DecimalField(
        "reading ease",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text="Fernández Huerta reading ease of a Spanish page, worked out on save.",
    )

    class Meta:
        abstract = True

    @property
    def page_language_code(self):
        """The language of the page's locale (of its parent's for a page not saved yet)."""
        if self.locale_id:
            return self.locale.language_code
        try:
            return self.get_default_locale().language_code
        except (ObjectDoesNotExist, LookupError):  # no parent, no locale yet
            return settings.LANGUAGE_CODE

    @property
    def is_translation(self):
        """In a language other than the site's default (whose pages are the sources)."""
        return self.page_language_code != default_language()

    @property
    def reads_spanish(self):
        return is_spanish(self.page_language_code)

    def update_readability(self, lines):
        """Score the text a patient reads (`lines`) on save: Fernández Huerta's reading ease
        for a Spanish page, the Flesch–Kincaid grade for any other."""
        spanish = self.reads_spanish
        self.reading_ease = reading_ease(lines) if spanish else None
        self.reading_grade = None if spanish else reading_grade(lines)

    @property
    def reading_ease_verdict(self):
        return reading_ease_verdict(self.reading_ease)

    @property
    def source_changed(self):
        """The English page was published after the translation was last checked against
        it. Read from `with_source_status`'s annotation (the report's one query)."""
        published = getattr(self, "source_published_at", None)
        return bool(
            published and (self.source_checked_at is None or published > self.source_checked_at)
        )

    @property
    def source_change_note(self):
        """The report's flag: "English published Nov. 20, 2026", or nothing."""
        if not self.source_changed:
            return ""
        published = timezone.localtime(self.source_published_at)
        return f"English published {published:%B} {published.day}, {published.year}"

    @property
    def language_name(self):
        """The page's language as the admin names it ("English", "Español")."""
        return self.locale.get_display_name()


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def with_source_status(pages):
    """`pages` (reviewed pages of one type) annotated, in the same query, with
    `source_published_at`: when the page in the default language with the same translation key
    was last published; None for a page in the default language, or with no such source."""
    source = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=default_language()
    ).exclude(locale=OuterRef("locale"))
    return pages.annotate(source_published_at=Subquery(source.values("last_published_at")[:1]))
