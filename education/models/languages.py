from django.db import models
from wagtail.admin.panels import FieldPanel


class Language(models.Model):
    """A language clinicians see patients in ("Spanish"): shown on profiles and used to filter
    the directory of clinicians."""

    name = models.CharField(max_length=60, unique=True, help_text="In English, e.g. 'Spanish'.")
    code = models.SlugField(
        max_length=12,
        unique=True,
        help_text=(
            "The language's short code (BCP 47), e.g. 'es' for Spanish or 'zh-Hant': used in "
            "web addresses (/clinicians/?language=es) and for search engines."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
