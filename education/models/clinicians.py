"""The clinicians: the people who write and medically review articles, and see patients."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from practice.pages import BasePage, IndexPage
from practice.pagination import paginate, requested_page

CLINICIAN_ARTICLES_PER_PAGE = 10


class ClinicianIndexPage(IndexPage):
    subpage_types = ["education.ClinicianPage"]

    class Meta:
        verbose_name = "clinician index page"

    @property
    def clinicians(self):
        """Live, public profiles by family name, with their photos' renditions."""
        return (
            ClinicianPage.objects.child_of(self)
            .live_public()
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("family_name", "given_name")
        )


class ClinicianPage(BasePage):
    honorific_prefix = models.CharField(
        max_length=20, blank=True, help_text="e.g. 'Dr.'. Leave empty for none."
    )
    given_name = models.CharField(max_length=80)
    family_name = models.CharField(max_length=80)
    post_nominals = models.CharField(
        "post-nominal credentials",
        max_length=80,
        blank=True,
        help_text="Degrees and credentials after the name, e.g. 'MD' or 'DPT, OCS'.",
    )
    job_title = models.CharField(max_length=120, help_text="e.g. 'Pain medicine physician'.")
    specialties = models.TextField(
        blank=True, help_text="One per line, e.g. 'Spinal injections'. Shown on the profile."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A friendly head-and-shoulders photo, at least 600 pixels square.",
    )
    photo_alt = models.CharField(
        "photo text alternative",
        max_length=250,
        blank=True,
        help_text="e.g. 'Dr. Rubin smiling in the clinic'. Required when there is a photo.",
    )
    short_bio = models.TextField(
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text="One or two sentences for bylines and the list of clinicians.",
    )
    full_bio = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
        help_text="Training, experience and what patients can expect in a first appointment.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clinician_profile",
        verbose_name="admin account",
        help_text=(
            "This clinician's own login. When they approve an article in medical review, "
            "this profile is named as the article's medical reviewer."
        ),
    )

    parent_page_types = ["education.ClinicianIndexPage"]
    subpage_types = []
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("honorific_prefix"),
                FieldPanel("given_name"),
                FieldPanel("family_name"),
                FieldPanel("post_nominals"),
            ],
            heading="Name",
            help_text="Shown in bylines as, for example, 'Dr. Edward Rubin, MD'.",
        ),
        FieldPanel("job_title"),
        FieldPanel("specialties"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        FieldPanel("short_bio"),
        FieldPanel("full_bio"),
        # Only people who manage accounts link one to a profile: whoever is linked is named
        # as medical reviewer on every article they approve.
        FieldPanel("user", permission="auth.change_user", heading="Admin account"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("given_name"),
        index.SearchField("family_name"),
        index.SearchField("job_title"),
        index.SearchField("specialties"),
        index.SearchField("short_bio"),
        index.SearchField("full_bio"),
    ]
    description_field = "short_bio"
    social_image_field = "photo"
    social_image_alt_field = "photo_alt"

    class Meta:
        verbose_name = "clinician"

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt:
            raise ValidationError({"photo_alt": "Describe the photo for people who cannot see it."})

    def __str__(self):
        return self.display_name

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def name_with_prefix(self):
        return f"{self.honorific_prefix} {self.full_name}".strip()

    @property
    def display_name(self):
        """As in a byline: 'Dr. Edward Rubin, MD'."""
        if self.post_nominals:
            return f"{self.name_with_prefix}, {self.post_nominals}"
        return self.name_with_prefix

    @property
    def specialty_list(self):
        return [line.strip() for line in self.specialties.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The reverse relation's manager is the article model's own, with its listing methods.
        articles = self.reviewed_articles.model.objects.live_public().for_listing()
        written_page = requested_page(request, "page")
        reviewed_page = requested_page(request, "reviewed_page")
        context.update(
            written_page=written_page,
            reviewed_page=reviewed_page,
            written_articles=paginate(
                articles.written_by(self), written_page, CLINICIAN_ARTICLES_PER_PAGE
            ),
            reviewed_articles=paginate(
                articles.reviewed_by(self), reviewed_page, CLINICIAN_ARTICLES_PER_PAGE
            ),
            og_type="profile",
        )
        return context
