"""The site's look, under Settings > Theme: the logo, the two colours every page is drawn in
(refused when white text would not read on them) and the picture shown when a page without
one of its own is shared."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .cache import SettingKeptPerVersion
from .contrast import AA_NORMAL_TEXT, HEX_COLOUR, contrast_ratio, readable_on

hex_colour_validator = RegexValidator(HEX_COLOUR, "Enter a color as a hex code, like #1a5e8c.")

# The theme's colours are drawn behind white text (header, buttons) and as text on white (links).
THEME_TEXT_COLOUR = "#ffffff"
# The lightest background links sit on in the dark colour scheme (--color-surface in site.css,
# used by callouts and cards): a link colour that reads on it reads on the page background too.
DARK_BACKGROUND = "#1d2429"

SHARE_ALT_HELP = "What the share image shows, for people who cannot see it."


@register_setting(icon="image")
class ThemeSettings(SettingKeptPerVersion, BaseSiteSetting):
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the header. The practice name is used as its text alternative.",
    )
    primary_colour = models.CharField(
        "primary color",
        max_length=7,
        default="#1d5c8a",
        validators=[hex_colour_validator],
        help_text="Header, buttons and links. Must be dark enough to read white text on it.",
    )
    accent_colour = models.CharField(
        "accent color",
        max_length=7,
        default="#8a3b12",
        validators=[hex_colour_validator],
        help_text="Highlights and callouts. Must be dark enough to read white text on it.",
    )

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without a picture of its own is shared (in messages and "
        "social networks). Best at 1200 x 630 pixels.",
    )
    share_image_alt = models.CharField(
        "share image text alternative", max_length=200, blank=True, help_text=SHARE_ALT_HELP
    )

    panels = [
        FieldPanel("logo"),
        FieldPanel("primary_colour"),
        FieldPanel("accent_colour"),
        MultiFieldPanel([FieldPanel("share_image"), FieldPanel("share_image_alt")], "Sharing"),
    ]

    select_related = ["logo"]  # the header shows it on every page

    class Meta:
        verbose_name = "theme"

    def clean(self):
        super().clean()
        errors = {}
        for field in ("primary_colour", "accent_colour"):
            colour = getattr(self, field)
            if not HEX_COLOUR.match(colour or ""):
                continue  # the field validator already reports the format
            ratio = contrast_ratio(colour, THEME_TEXT_COLOUR)
            if ratio < AA_NORMAL_TEXT:
                errors[field] = (
                    f"{colour} has a contrast ratio of {ratio:.2f}:1 against white text; "
                    f"WCAG AA needs at least {AA_NORMAL_TEXT}:1. Choose a darker color."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def link_colour_on_dark(self):
        """The primary colour lightened until it reads on the dark scheme's background."""
        return readable_on(self.primary_colour, DARK_BACKGROUND)

    @property
    def version(self):
        """Changes whenever the colours change, so browsers fetch the new theme.css."""
        return f"{self.pk or 0}-{self.primary_colour[1:]}-{self.accent_colour[1:]}"
