from django.db import models
from django.utils import translation
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

    @property
    def display_name(self):
        """The language's name in the language the page is read in ("español" on a Spanish
        page) when Django knows the code; the name staff typed otherwise."""
        try:
            return translation.get_language_info(self.code)["name_translated"]
        except KeyError:
            return self.name
