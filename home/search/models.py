"""What site search keeps: the synonyms editors maintain, the spelling vocabulary, and the
daily count of searches (the words only: no address, cookie or user)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel

from .words import words_of


class Synonym(models.Model):
    """A word patients use and the clinical terms the site writes for it. Applied when a search
    runs (a search for the lay term also finds pages about the clinical terms); the pages
    themselves are never rewritten."""

    lay_term = models.CharField(
        max_length=80,
        unique=True,
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
            "terms. Use US English, lowercase, and the singular or plural: both are matched."
        ),
        FieldPanel("lay_term"),
        FieldPanel("clinical_terms"),
    ]

    class Meta:
        ordering = ["lay_term"]

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
    """One word the site uses (in a page title, a topic, a synonym), lowercase: the words
    "Did you mean" may suggest. Rebuilt from its sources on publish (signals.py)."""

    term = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term


class SearchTermDay(models.Model):
    """How many searches one day had for one query (normalized), and how many of those found
    nothing. No address, cookie, user or time of day is kept; queries that look like an
    e-mail address, a phone number or a date are never stored (analytics.py)."""

    day = models.DateField()
    query = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=0)
    searches_without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="one_count_a_day")]
        indexes = [models.Index(fields=["day", "-searches"], name="search_day_top")]
        verbose_name = "search count"

    def __str__(self):
        return f"{self.query} on {self.day}: {self.searches}"
