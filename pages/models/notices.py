"""The notices every US practice must show (nondiscrimination with language taglines, the
notice of privacy practices, the accessibility statement): linked from every page's footer,
each with the date it was last reviewed and when it is next due."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from practice.blocks import BaseBodyBlock
from practice.pages import BasePage

from ..hours import date_label

# A BCP 47 language tag as the lang attribute takes it: "es", "zh-Hant", "ht".
RIGHT_TO_LEFT = {"ar", "fa", "he", "ps", "ur", "yi"}
LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


class NoticePage(BasePage):
    intro = models.TextField(max_length=500, help_text="One or two sentences.")
    body = StreamField(BaseBodyBlock())
    effective_date = models.DateField(
        null=True,
        blank=True,
        help_text="The date the notice took effect (the privacy notice must show it).",
    )
    last_reviewed = models.DateField(help_text="When someone last checked the notice is right.")
    next_review_due = models.DateField(help_text="Usually a year after the last review.")
    contact_prompt = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown above the practice's phone and e-mail, e.g. 'To report a barrier or "
        "ask for this page in another format:'.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "taglines",
            heading="Language assistance taglines",
            label="Tagline",
            help_text="Each in its own language: free help in that language, and how to ask.",
        ),
        FieldPanel("contact_prompt"),
        MultiFieldPanel(
            [
                FieldPanel("effective_date"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")]),
            ],
            heading="Dates",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    description_field = "intro"

    class Meta:
        verbose_name = gettext_lazy("notice")

    def clean(self):
        super().clean()
        dates = (self.last_reviewed, self.next_review_due)
        if all(dates) and self.next_review_due <= self.last_reviewed:
            raise ValidationError(
                {"next_review_due": "The next review must be after the last review."}
            )

    @property
    def review_dates_label(self):
        return gettext("Page last reviewed: {reviewed}. Next review due: {due}.").format(
            reviewed=date_label(self.last_reviewed), due=date_label(self.next_review_due)
        )

    @property
    def effective_date_label(self):
        return date_label(self.effective_date) if self.effective_date else ""


class LanguageTagline(Orderable):
    page = ParentalKey(NoticePage, related_name="taglines", on_delete=models.CASCADE)
    language = models.CharField(max_length=60, help_text="Its name in English, e.g. 'Spanish'.")
    language_code = models.CharField(
        max_length=20, help_text="e.g. 'es' for Spanish, 'zh-Hant' for traditional Chinese."
    )
    text = models.TextField(max_length=600, help_text="The tagline, written in that language.")

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("language_code")]),
        FieldPanel("text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "language tagline"

    def clean(self):
        super().clean()
        if not LANGUAGE_TAG.fullmatch(self.language_code or ""):
            raise ValidationError(
                {"language_code": "Enter a language code such as 'es', 'vi' or 'zh-Hant'."}
            )

    @property
    def direction(self):
        """'rtl' for Arabic, Farsi, Hebrew, Urdu...: screen readers and browsers need it."""
        return "rtl" if self.language_code.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"
