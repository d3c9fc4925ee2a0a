"""Generic content pages: about the practice, privacy notice, accessibility statement."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from practice.blocks import BaseBodyBlock
from practice.pages import BasePage


class StandardPage(BasePage):
    """A plain content page: about the practice, privacy notice, accessibility statement."""

    intro = models.TextField(blank=True, max_length=500, help_text="One or two sentences.")
    body = StreamField(BaseBodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "standard page"

    description_field = "intro"
