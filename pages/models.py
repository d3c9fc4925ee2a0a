from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseBodyBlock


class StandardPage(Page):
    """A plain content page: about the practice, privacy notice, accessibility statement."""

    intro = models.TextField(blank=True, max_length=500, help_text="One or two sentences.")
    body = StreamField(BaseBodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "standard page"

    def get_meta_description(self):
        return self.search_description or self.intro
