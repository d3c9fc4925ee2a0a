"""The notices every US practice must show (nondiscrimination with language taglines, the
notice of privacy practices, the accessibility statement): linked from every page's footer,
each with the date it was last reviewed and when it is next due."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from practice.blocks import BaseBodyBlock
from practice.pages import BasePage

from ..hours import date_label
from .language_help import LanguageHelp


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
    shows_language_help = models.BooleanField(
        "show the language taglines",
        default=False,
        help_text="The taglines of every language the practice offers help in, kept once under "
        "Language help in the admin menu.",
    )
    contact_prompt = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown above the practice's phone and email, e.g. 'To report a barrier or "
        "ask for this page in another format:'.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("shows_language_help"),
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

    def language_help(self):
        """The one list of languages, the same on every notice that shows it."""
        return (
            list(LanguageHelp.objects.order_by("sort_order", "pk"))
            if self.shows_language_help
            else []
        )

    @property
    def effective_date_label(self):
        return date_label(self.effective_date) if self.effective_date else ""
