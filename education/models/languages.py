from django.db import models
from django.utils import translation
from wagtail.admin.panels import FieldPanel

# Languages that write the names of languages in lower case ("inglés"); Django's translated
# names are capitalized for menus.
LOWER_CASE_LANGUAGE_NAMES = {"es", "fr", "it", "pt"}


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
        page, lower case as Spanish writes it mid-sentence: "Habla inglés y español") when
        Django knows the code; the name staff typed otherwise. A list starting with it
        capitalizes it itself (capfirst)."""
        try:
            name = translation.get_language_info(self.code)["name_translated"]
        except KeyError:
            return self.name
        if translation.get_language() in LOWER_CASE_LANGUAGE_NAMES:
            return name.lower()
        return name
