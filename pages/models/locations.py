"""The practice's offices: one page each, under the locations index."""

from urllib.parse import quote

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from education.models import ClinicianPage, TreatmentPage
from practice.localized import in_active_language
from practice.pages import BasePage, IndexPage

from ..hours import summary_lines, upcoming_closures, weekly_schedule
from ..querysets import LinkedPageQuerySet, LocationPageQuerySet
from ..us_address import US_STATES, e164, format_phone, validate_us_phone, validate_zip_code


class LocationIndexPage(IndexPage):
    subpage_types = ["pages.LocationPage"]

    class Meta:
        verbose_name = "location index page"

    @property
    def locations(self):
        return LocationPage.objects.child_of(self).for_listing()


class LocationPage(BasePage):
    intro = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences: where it is, who it suits."
    )
    street_address = models.CharField(max_length=120, help_text="e.g. '410 Shoreline Avenue'.")
    suite = models.CharField(
        "suite or building",
        max_length=120,
        blank=True,
        help_text="e.g. 'Harbor Medical Plaza, Suite 210'.",
    )
    city = models.CharField(max_length=80)
    state = models.CharField(max_length=2, choices=US_STATES)
    zip_code = models.CharField("ZIP code", max_length=10, validators=[validate_zip_code])
    phone = models.CharField(
        max_length=30,
        validators=[validate_us_phone],
        help_text="This office's number, e.g. (555) 123-4567. Shown as a tap-to-call link.",
    )
    latitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="For search engines and map apps, e.g. 41.87811. Find it in any map app.",
    )
    longitude = models.DecimalField(
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="e.g. -87.62980 (negative in the Americas).",
    )
    parking = models.TextField(blank=True, help_text="Where to park, what it costs.")
    public_transport = models.TextField(blank=True, help_text="Bus or train stops nearby.")
    step_free_access = models.BooleanField(
        default=False,
        help_text="Tick when a wheelchair user can get from the street to every patient room "
        "without steps.",
    )
    accessible_toilet = models.BooleanField("accessible restroom", default=False)
    access_notes = models.TextField(
        blank=True, help_text="Elevators, automatic doors, a hearing loop, a quiet room."
    )

    objects = PageManager.from_queryset(LocationPageQuerySet)()

    parent_page_types = ["pages.LocationIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("suite"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("zip_code")]),
                FieldPanel("phone"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address and phone",
        ),
        InlinePanel("opening_hours", heading="Opening hours", label="Opening"),
        InlinePanel(
            "closures",
            heading="Closures",
            label="Closure",
            help_text="Shown from 30 days ahead; past closures disappear by themselves.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("parking"),
                FieldPanel("public_transport"),
                FieldPanel("step_free_access"),
                FieldPanel("accessible_toilet"),
                FieldPanel("access_notes"),
            ],
            heading="Getting here and access",
        ),
        InlinePanel("clinician_links", heading="Clinicians who work here", label="Clinician"),
        InlinePanel("service_links", heading="Treatments offered here", label="Treatment"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("street_address"),
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.FilterField("zip_code"),
    ]
    description_field = "intro"

    class Meta:
        verbose_name = gettext_lazy("location")

    def clean(self):
        super().clean()
        self.phone = format_phone(self.phone)

    @property
    def consultation_query(self):
        """What "Request a consultation" tells the form: this office (pages/consultation)."""
        return f"location={self.pk}"

    @property
    def address_lines(self):
        lines = [self.street_address, self.suite, f"{self.city}, {self.state} {self.zip_code}"]
        return [line for line in lines if line]

    @property
    def one_line_address(self):
        return ", ".join(self.address_lines)

    @property
    def phone_display(self):
        return format_phone(self.phone)

    @property
    def phone_href(self):
        return f"tel:{e164(self.phone)}"

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def directions_url(self):
        """Apple Maps' address form: it opens the maps app on iPhones and Macs and a map in
        the browser elsewhere. Nothing is fetched until the patient follows the link."""
        url = f"https://maps.apple.com/?daddr={quote(self.one_line_address)}"
        if self.has_coordinates:
            url += f"&ll={self.latitude},{self.longitude}"
        return url

    @property
    def geo_url(self):
        """A geo: link (RFC 5870): Android and most desktop map apps open it themselves."""
        if self.has_coordinates:
            return f"geo:{self.latitude},{self.longitude}?q={quote(self.one_line_address)}"
        return f"geo:0,0?q={quote(self.one_line_address)}"

    @cached_property
    def weekly_hours(self):
        return weekly_schedule(self.opening_hours.all())

    @property
    def opening_hours_lines(self):
        """'Monday to Thursday: 8:00 a.m. to 5:00 p.m.': the week in a few lines (footer,
        index, the consultation form); none when no hours are entered."""
        return summary_lines(self.weekly_hours)

    @cached_property
    def upcoming_closures(self):
        return upcoming_closures(self.closures.all())

    @cached_property
    def clinicians(self):
        """Live, public clinicians in the editor's order, with their photos, in two queries
        (the links are read from the page itself, so a preview shows unsaved ones). A
        Spanish location's links are its English source's: each clinician is shown in
        Spanish where the profile is translated (two queries more)."""
        found = (
            ClinicianPage.objects.live_public()
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        return chosen_pages(self.clinician_links.all(), "clinician_id", found)

    @cached_property
    def services(self):
        """Live, public treatments offered here, in the editor's order, in two queries (three
        on a Spanish page: each treatment in Spanish where it is translated)."""
        found = TreatmentPage.objects.live_public()
        return chosen_pages(self.service_links.all(), "treatment_id", found)


def chosen_pages(links, id_field, found):
    """The pages of `found` the `links` name (by `id_field`), in the editor's order, each in
    the active language where it is translated."""
    ids = [getattr(link, id_field) for link in links]
    return in_active_language(in_editor_order(ids, found.filter(pk__in=ids)), found)


def in_editor_order(ids, pages):
    """`pages` in the order of `ids`, each once even if an editor added it twice."""
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in dict.fromkeys(ids) if pk in by_id]


class LocationClinician(Orderable):
    """A clinician who sees patients at a location. The clinician's profile lists their
    locations through `location_links`."""

    location = ParentalKey(LocationPage, related_name="clinician_links", on_delete=models.CASCADE)
    clinician = models.ForeignKey(
        "education.ClinicianPage", related_name="location_links", on_delete=models.CASCADE
    )

    objects = LinkedPageQuerySet.as_manager()

    panels = [FieldPanel("clinician")]

    class Meta(Orderable.Meta):
        verbose_name = "clinician at this location"


class LocationService(Orderable):
    """A treatment offered at a location. The treatment's page lists its locations through
    `location_links`."""

    location = ParentalKey(LocationPage, related_name="service_links", on_delete=models.CASCADE)
    treatment = models.ForeignKey(
        "education.TreatmentPage", related_name="location_links", on_delete=models.CASCADE
    )

    objects = LinkedPageQuerySet.as_manager()

    panels = [FieldPanel("treatment")]

    class Meta(Orderable.Meta):
        verbose_name = "treatment offered at this location"
