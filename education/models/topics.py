from django.db import models
from wagtail.admin.panels import FieldPanel


class Topic(models.Model):
    """What articles are about ("Back pain"): patients browse and filter articles by topic."""

    name = models.CharField(max_length=80, unique=True, help_text="e.g. 'Back pain'.")
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in web addresses (/education/?topic=back-pain): lowercase, hyphens.",
    )
    description = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences shown above the filtered list."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
