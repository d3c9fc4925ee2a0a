"""Site-wide settings staff edit under Settings in the Wagtail admin (the theme in theme.py),
and what "Sign out everywhere" keeps per member of staff."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .cache import SettingKeptPerVersion
from .localized import Translated, localized
from .structured_data import validate_medical_specialties
from .theme import ThemeSettings  # noqa: F401 (a model of this app, defined beside it)

# The settings patients read, each with a Spanish counterpart (`<name>_es`) that Spanish
# pages show, English where it is empty: `practice.translated.<name>` in templates.
TRANSLATED_FIELDS = ("tagline", "emergency_notice", "disclaimer")
SPANISH_HELP = "Shown on Spanish pages. Leave empty to show the English there."


@register_setting(icon="home")
class PracticeSettings(SettingKeptPerVersion, ClusterableModel, BaseSiteSetting):
    name = models.CharField("practice name", max_length=120, default="Pain management practice")
    tagline = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=40, blank=True, help_text="As patients should dial it.")
    email = models.EmailField(blank=True)
    # The address and opening hours shown in the footer and the contact details are the
    # primary location's (a page in the pages app, chosen here by type name so that this
    # foundation module never imports an app).
    primary_location = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The office whose address, phone and hours the footer shows.",
    )
    emergency_notice = models.CharField(
        max_length=255,
        default="If this is an emergency, call 911 or go to the nearest emergency room.",
        help_text="Shown on every page. Keep it short and direct.",
    )
    disclaimer = RichTextField(
        "medical disclaimer",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown in the footer of every page.",
    )
    tagline_es = models.CharField(
        "tagline in Spanish", max_length=200, blank=True, help_text=SPANISH_HELP
    )
    emergency_notice_es = models.CharField(
        "emergency notice in Spanish",
        max_length=255,
        blank=True,
        default="Si se trata de una emergencia, llame al 911 o vaya a la sala de emergencias "
        "más cercana.",
        help_text=SPANISH_HELP,
    )
    disclaimer_es = RichTextField(
        "medical disclaimer in Spanish",
        blank=True,
        features=["bold", "italic", "link"],
        help_text=SPANISH_HELP,
    )
    medical_specialties = models.CharField(
        max_length=300,
        blank=True,
        validators=[validate_medical_specialties],
        help_text="For search engines: schema.org's names of the practice's specialties, "
        "separated by commas, e.g. 'Anesthesia, Musculoskeletal, Neurologic'.",
    )
    consultation_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where every 'Request a consultation' button leads.",
    )

    english_panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("medical_specialties")],
            heading="Identity",
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                PageChooserPanel("primary_location", page_type="pages.LocationPage"),
            ],
            heading="Contact",
        ),
        MultiFieldPanel(
            [FieldPanel("emergency_notice"), FieldPanel("disclaimer")],
            heading="Notices",
        ),
        FieldPanel("consultation_page"),
        InlinePanel("footer_links", heading="Footer links", label="Page"),
        InlinePanel("social_links", heading="Social links", label="Social link"),
    ]
    spanish_panels = [
        FieldPanel("tagline_es"),
        MultiFieldPanel(
            [FieldPanel("emergency_notice_es"), FieldPanel("disclaimer_es")],
            heading="Notices",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(english_panels, heading="Practice details"),
            ObjectList(spanish_panels, heading="Spanish"),
        ]
    )

    # Read with the settings, in their one query: every page shows both.
    select_related = ["primary_location", "consultation_page"]

    class Meta:
        verbose_name = "practice details"

    @property
    def translated(self):
        """The tagline, emergency notice and disclaimer in the active language."""
        return Translated(self, TRANSLATED_FIELDS)

    @cached_property
    def primary_location_page(self):
        """The primary location, as its own page type and in the active language when it has
        been translated, when it is live; else None."""
        page = self.primary_location
        return localized(page).specific if page is not None and page.live else None

    @property
    def address_lines(self):
        location = self.primary_location_page
        return location.address_lines if location else []

    @property
    def opening_hours_lines(self):
        """'Monday to Thursday: 8:00 a.m. to 5:00 p.m.', from the primary location."""
        location = self.primary_location_page
        return location.opening_hours_lines if location else []

    @property
    def consultation_page_localized(self):
        """The consultation page in the active language (the English one without a
        translation)."""
        return localized(self.consultation_page)

    @cached_property
    def profiles(self):
        """The social links that go to the practice's own profile (SocialLink.is_profile),
        read once per request (the footer and the JSON-LD's sameAs)."""
        return [link for link in self.social_links.all() if link.is_profile]

    @property
    def phone_href(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class FooterLink(Orderable):
    settings = ParentalKey(PracticeSettings, related_name="footer_links", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="practice_footer_links"
    )

    panels = [FieldPanel("page")]


class SocialLink(Orderable):
    settings = ParentalKey(PracticeSettings, related_name="social_links", on_delete=models.CASCADE)
    label = models.CharField(max_length=60, help_text="e.g. Facebook")
    url = models.URLField()

    panels = [FieldPanel("label"), FieldPanel("url")]

    @property
    def is_profile(self):
        """A page of the practice's own (https://www.facebook.com/rubinpain), not a site's
        home page: only those are shown, so a half-filled link never sends patients to
        Facebook's front door."""
        return bool(urlsplit(self.url).path.strip("/"))

    def clean(self):
        if self.url and not self.is_profile:
            raise ValidationError(
                {
                    "url": "Give the full address of the practice's own profile page, e.g. "
                    "https://www.facebook.com/yourpractice, not the site's home page."
                }
            )


class SignInGeneration(models.Model):
    """How many times a member of staff's sessions were all ended ("Sign out everywhere").

    A session remembers the number it was signed in under; practice/staff_sessions.py ends any
    session whose number is behind. One row per person who ever used it: the session table has
    no index by user, so finding and deleting someone's sessions would read every session.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    number = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Sessions of {self.user} (generation {self.number})"
