"""The clinicians: the people who write and medically review articles, and see patients."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from practice.localized import translated_field
from practice.pages import BasePage
from practice.pagination import paginate, requested_page

from ..npi import validate_npi
from ..querysets import ClinicianQuerySet
from .languages import Language
from .links import LinkedFromMedicalPages

CLINICIAN_ARTICLES_PER_PAGE = 10
HONORIFICS_ES = [("Dr.", "Dr. (a man)"), ("Dra.", "Dra. (a woman)")]


def asked_from_query(query):
    """What a treatment (or condition) page's link to this profile says the patient read
    before: "treatment=12" for ?treatment=12; "" for anything else."""
    for kind in ("treatment", "condition"):
        value = query.get(kind, "")
        if re.fullmatch(r"[0-9]{1,9}", value):
            return f"{kind}={int(value)}"
    return ""


def lines_of(text):
    """The non-empty lines of a "one per line" field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ClinicianPage(LinkedFromMedicalPages, BasePage):
    honorific_prefix = models.CharField(
        max_length=20, blank=True, help_text="e.g. 'Dr.'. Leave empty for none."
    )
    # Spanish says whether the doctor is a man or a woman ("Dr." / "Dra."), so staff choose
    # it rather than it being derived from the English title.
    honorific_prefix_es = models.CharField(
        "honorific in Spanish",
        max_length=20,
        blank=True,
        choices=HONORIFICS_ES,
        help_text="Shown on Spanish pages. Leave empty to show the English one there.",
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
    npi = models.CharField(
        "NPI number",
        max_length=10,
        blank=True,
        validators=[validate_npi],
        help_text="The clinician's 10-digit National Provider Identifier, from the NPPES registry.",
    )
    board_certifications = models.TextField(
        blank=True,
        help_text="One per line, e.g. 'Pain Medicine, American Board of Anesthesiology'.",
    )
    education_and_training = models.TextField(
        "education and training",
        blank=True,
        help_text="One per line, e.g. 'MD, University of Michigan Medical School'.",
    )
    languages = ParentalManyToManyField(
        Language,
        blank=True,
        related_name="clinicians",
        verbose_name="languages spoken",
        help_text="Languages the clinician sees patients in, without an interpreter.",
    )
    accepting_new_patients = models.BooleanField(
        default=True,
        help_text="Untick when the clinician's list is full; the directory shows it.",
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

    objects = PageManager.from_queryset(ClinicianQuerySet)()

    parent_page_types = ["education.ClinicianIndexPage"]
    subpage_types = []
    link_role = "clinician"
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("honorific_prefix"),
                FieldPanel("honorific_prefix_es"),
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
        MultiFieldPanel(
            [
                FieldPanel("accepting_new_patients"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("npi"),
                FieldPanel("board_certifications"),
                FieldPanel("education_and_training"),
            ],
            heading="Profile for patients",
        ),
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
        index.RelatedFields("languages", [index.SearchField("name")]),
        index.FilterField("accepting_new_patients"),
    ]
    description_field = "short_bio"
    social_image_field = "photo"
    social_image_alt_field = "photo_alt"

    class Meta:
        verbose_name = gettext_lazy("clinician")

    def clean(self):
        super().clean()
        # One NPI, one clinician: their translations share it (the NPI lives on a child table
        # and the language on the page table, so no database constraint can say this).
        if (
            self.npi
            and ClinicianPage.objects.filter(npi=self.npi)
            .exclude(translation_key=self.translation_key)
            .exists()
        ):
            raise ValidationError({"npi": "Another clinician's profile already has this NPI."})
        if self.photo_id and not self.photo_alt:
            raise ValidationError({"photo_alt": "Describe the photo for people who cannot see it."})

    def __str__(self):
        return self.display_name

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def name_with_prefix(self):
        """'Dr. Maya Okafor'; 'Dra. Maya Okafor' on a Spanish page."""
        return f"{translated_field(self, 'honorific_prefix')} {self.full_name}".strip()

    @property
    def display_name(self):
        """As in a byline: 'Dr. Edward Rubin, MD'."""
        if self.post_nominals:
            return f"{self.name_with_prefix}, {self.post_nominals}"
        return self.name_with_prefix

    @property
    def specialty_list(self):
        return lines_of(self.specialties)

    @property
    def board_certification_list(self):
        return lines_of(self.board_certifications)

    @property
    def education_list(self):
        return lines_of(self.education_and_training)

    @cached_property
    def language_list(self):
        return list(self.languages.all())

    # The treatment or condition the patient read before this profile (see get_context).
    asked_from = ""

    @property
    def consultation_query(self):
        """What "Request a consultation" tells the form: this clinician, and the treatment or
        condition the patient came from, so the request names both."""
        return "&".join(part for part in (f"clinician={self.pk}", self.asked_from) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self.asked_from = asked_from_query(request.GET)
        # The reverse relation's manager is the article model's own, with its listing methods.
        # Its own language's articles only; bylines and reviews are matched by translation key,
        # so a Spanish profile lists the Spanish articles whose byline names the English one.
        articles = (
            self.reviewed_articles.model.objects.live_public()
            .for_listing()
            .filter(locale_id=self.locale_id)
        )
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
