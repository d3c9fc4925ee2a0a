"""The languages the practice offers free help in (Section 1557's tagline rule: the 15 languages
most spoken in the practice's state), kept once under Snippets and read by every notice that
shows taglines, in English and in Spanish."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

# A BCP 47 language tag as the lang attribute takes it: "es", "zh-Hant", "ht".
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")
RIGHT_TO_LEFT = {"ar", "fa", "he", "ps", "ur", "yi"}
# Seven or more digits in a row, spaces and punctuation aside: a phone number.
PHONE_NUMBER = re.compile(r"\d(?:[\s().\-]*\d){6,}")


class LanguageHelp(Orderable):
    language = models.CharField(max_length=60, help_text="Its name in English, e.g. 'Spanish'.")
    language_es = models.CharField(
        "language in Spanish", max_length=60, blank=True, help_text="e.g. 'español'."
    )
    language_code = models.CharField(
        max_length=20, help_text="e.g. 'es' for Spanish, 'zh-Hant' for traditional Chinese."
    )
    tagline = models.TextField(
        max_length=600,
        help_text="Written in that language: free help in that language, and the phone number "
        "with TTY 711.",
    )

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("language_es")]),
        FieldPanel("language_code"),
        FieldPanel("tagline"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "language help tagline"
        constraints = [
            models.UniqueConstraint(fields=["language_code"], name="one_tagline_per_language")
        ]

    def __str__(self):
        return self.language

    def clean(self):
        super().clean()
        errors = {}
        if not LANGUAGE_TAG.fullmatch(self.language_code or ""):
            errors["language_code"] = "Enter a language code such as 'es', 'vi' or 'zh-Hant'."
        # Deaf and hard-of-hearing callers reach the number through relay: 711 goes with it.
        if PHONE_NUMBER.search(self.tagline or "") and "711" not in self.tagline:
            errors["tagline"] = "Add 'TTY: 711' after the phone number."
        if errors:
            raise ValidationError(errors)

    @property
    def direction(self):
        """'rtl' for Arabic, Farsi, Hebrew, Urdu...: screen readers and browsers need it."""
        return "rtl" if self.language_code.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"

    @property
    def name(self):
        """The language's name in the reader's language; English where staff left it out."""
        if (get_language() or "").startswith("es") and self.language_es:
            return self.language_es
        return self.language

    @property
    def name_lang(self):
        """The lang attribute the name needs: "en" when a Spanish page shows the English name."""
        if (get_language() or "").startswith("es") and not self.language_es:
            return "en"
        return ""
