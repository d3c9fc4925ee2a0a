"""Treatments and procedures we offer (an epidural steroid injection, a physical therapy
program): what a patient needs to know before, on and after the day, printable as a handout;
and the index of them all."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.search import index

from practice.pages import IndexPage

from ..publishing import SectionOfReviewedPages
from ..querysets import TreatmentQuerySet
from .links import pages_linking_to
from .reviewed import MedicallyReviewedPage, has_text, section_field


class TreatmentIndexPage(SectionOfReviewedPages, IndexPage):
    subpage_types = ["education.TreatmentPage"]

    class Meta:
        verbose_name = "treatment index page"

    @property
    def treatments(self):
        return TreatmentPage.objects.child_of(self).live_public().for_listing()


class TreatmentPage(MedicallyReviewedPage):
    class Kind(models.TextChoices):
        # schema.org's procedure types, and therapy for a course of treatment.
        NONINVASIVE = "noninvasive", "Procedure without a needle or cut (e.g. a nerve test)"
        PERCUTANEOUS = "percutaneous", "Procedure through the skin (injections, ablation)"
        SURGICAL = "surgical", "Surgical procedure (e.g. an implant)"
        THERAPY = "therapy", "A course of therapy (physical therapy, medicines, counseling)"

    kind = models.CharField(
        "kind of treatment",
        max_length=20,
        choices=Kind.choices,
        default=Kind.PERCUTANEOUS,
        help_text="Tells search engines whether this is a procedure or a course of therapy.",
    )
    what_it_is = section_field("what it is", "What the treatment is and how it helps.", False)
    who_it_helps = section_field("who it helps", "Who it suits, and who it does not.")
    needs_driver = models.BooleanField(
        "patient needs a driver",
        default=False,
        help_text="Tick if patients must not drive themselves home afterward.",
    )
    blood_thinner_advice = models.CharField(
        "blood thinners",
        max_length=250,
        blank=True,
        help_text="e.g. 'Tell us if you take a blood thinner: you may need to pause it.'",
    )
    fasting_advice = models.CharField(
        "eating and drinking",
        max_length=250,
        blank=True,
        help_text="e.g. 'Eat nothing for 6 hours before. Sips of water are fine.'",
    )
    how_to_prepare = section_field("how to prepare", "Anything else to do beforehand.")
    on_the_day = section_field("what happens on the day", "Step by step, in plain words.")
    recovery = section_field("recovery and aftercare", "The first days after, and follow-up.")
    risks = section_field("risks", "Common and rare risks, with how often they happen.")
    when_to_call = section_field(
        "when to call us", "Signs after the treatment that need a call, and what is urgent."
    )

    objects = PageManager.from_queryset(TreatmentQuerySet)()

    parent_page_types = ["education.TreatmentIndexPage"]
    subpage_types = []
    sections = (
        ("what_it_is", "what-it-is", gettext_lazy("What it is")),
        ("who_it_helps", "who-it-helps", gettext_lazy("Who it helps")),
        ("how_to_prepare", "how-to-prepare", gettext_lazy("How to prepare")),
        ("on_the_day", "on-the-day", gettext_lazy("What happens on the day")),
        ("recovery", "recovery", gettext_lazy("Recovery and aftercare")),
        ("risks", "risks", gettext_lazy("Risks")),
        ("when_to_call", "when-to-call", gettext_lazy("When to call us")),
    )
    edit_handler = MedicallyReviewedPage.edit_handler_for(
        [
            FieldPanel("summary"),
            FieldPanel("icon"),
            FieldPanel("kind"),
            FieldPanel("what_it_is"),
            FieldPanel("who_it_helps"),
            MultiFieldPanel(
                [
                    FieldPanel("needs_driver"),
                    FieldPanel("blood_thinner_advice"),
                    FieldPanel("fasting_advice"),
                    FieldPanel("how_to_prepare"),
                ],
                heading="How to prepare",
            ),
            FieldPanel("on_the_day"),
            FieldPanel("recovery"),
            FieldPanel("risks"),
            FieldPanel("when_to_call"),
            InlinePanel("clinician_links", heading="Clinicians who offer it", label="Clinician"),
            InlinePanel("article_links", heading="Related articles", label="Article"),
        ]
    )
    search_fields = MedicallyReviewedPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("what_it_is"),
        index.SearchField("who_it_helps"),
        index.SearchField("on_the_day"),
        index.SearchField("recovery"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = gettext_lazy("treatment")

    @property
    def is_therapy(self):
        return self.kind == self.Kind.THERAPY

    @property
    def preparation_checklist(self):
        """The short 'before you come' points, as sentences."""
        checklist = []
        if self.needs_driver:
            checklist.append("Bring an adult who can drive you home: you must not drive today.")
        return checklist + [
            text for text in (self.blood_thinner_advice, self.fasting_advice) if text
        ]

    @property
    def contents(self):
        shown = {"how-to-prepare": self.preparation_checklist or has_text(self.how_to_prepare)}
        lists = [
            ("conditions", gettext_lazy("Conditions it treats"), self.conditions),
            ("clinicians", gettext_lazy("Clinicians who offer it"), self.clinicians),
            ("articles", gettext_lazy("Related articles"), self.articles),
        ]
        return self.contents_with(shown, lists)

    @cached_property
    def conditions(self):
        """Live, public conditions whose editors chose this treatment, alphabetically."""
        return pages_linking_to(self, "ConditionPage", "treatment")

    @property
    def consultation_query(self):
        return f"treatment={self.pk}"
