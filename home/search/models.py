"""What site search keeps: the synonyms editors maintain, the spelling vocabulary, and the
daily count of searches (the words only: no address, cookie or user)."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel

from .words import ENGLISH, fold, words_of


def language_field(help_text):
    return models.CharField(
        max_length=8, choices=settings.LANGUAGES, default=ENGLISH, help_text=help_text
    )


class Synonym(models.Model):
    """A word patients use and the clinical terms the site writes for it. Applied when a search
    runs (a search for the lay term also finds pages about the clinical terms); the pages
    themselves are never rewritten.

    Each synonym belongs to one language and serves only searches in it: a Spanish lay term
    ("nervio pinzado") is not a translation of an English one, so a language field, not
    Wagtail's translatable snippets, which would offer to copy English terms into Spanish."""

    language = language_field("The searches it serves: the English site's or the Spanish one's.")
    lay_term = models.CharField(
        max_length=80,
        help_text="What patients type, e.g. 'pinched nerve'. Letters, numbers and spaces.",
    )
    clinical_terms = models.CharField(
        max_length=255,
        help_text="The words our pages use for it, separated by commas, "
        "e.g. 'radiculopathy, sciatica'.",
    )

    panels = [
        HelpPanel(
            content="A search for the lay term also finds pages that use any of the clinical "
            "terms in the same language. Lowercase, and the singular or plural: both are "
            "matched. Accents are optional: 'ciatica' finds 'ciática'."
        ),
        FieldPanel("language"),
        FieldPanel("lay_term"),
        FieldPanel("clinical_terms"),
    ]

    class Meta:
        ordering = ["language", "lay_term"]
        constraints = [
            models.UniqueConstraint(fields=["language", "lay_term"], name="one_lay_term_a_language")
        ]

    def __str__(self):
        return f"{self.lay_term} → {self.clinical_terms}"

    def save(self, *args, **kwargs):
        # Stored as the search compares it: lowercase words separated by single spaces.
        self.lay_term = " ".join(words_of(self.lay_term))
        self.clinical_terms = ", ".join(self.clinical_term_list)
        super().save(*args, **kwargs)

    @property
    def clinical_term_list(self):
        terms = (" ".join(words_of(term)) for term in self.clinical_terms.split(","))
        return list(dict.fromkeys(term for term in terms if term))


class SpellingTerm(models.Model):
    """One word the site uses in one language (in a page title, a topic, a synonym), lowercase:
    the words "Did you mean" may suggest in that language. `folded` is the word without accents,
    which typed words are compared with. Rebuilt from its sources on publish (signals.py)."""

    language = language_field("The language of the pages the word comes from.")
    term = models.CharField(max_length=60)
    folded = models.CharField(max_length=60, editable=False)

    class Meta:
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="one_term_a_language")
        ]

    def __str__(self):
        return self.term

    @classmethod
    def of(cls, term, language=ENGLISH):
        return cls(language=language, term=term, folded=fold(term))


class SearchTermDay(models.Model):
    """How many searches one day had for one query (normalized), and how many of those found
    nothing. No address, cookie, user or time of day is kept; queries that look like an
    email address, a phone number or a date are never stored (analytics.py)."""

    day = models.DateField()
    # Which search it was, English (/search/) or Spanish (/es/search/): "dolor" found nothing
    # means a missing Spanish page, not a missing English one.
    language = language_field("The language of the search page it was typed into.")
    query = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=0)
    searches_without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "language", "query"], name="one_count_a_day_per_language"
            )
        ]
        indexes = [models.Index(fields=["day", "-searches"], name="search_day_top")]
        verbose_name = "search count"

    def __str__(self):
        return f"{self.query} on {self.day}: {self.searches}"
