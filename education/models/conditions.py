"""Conditions we treat (sciatica, fibromyalgia...): fixed sections editors fill in, the
treatments we offer for them, the clinicians who treat them and articles to read, and the A–Z
index of them all."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.search import index

from practice.pages import IndexPage

from ..publishing import SectionOfReviewedPages
from ..querysets import ConditionQuerySet
from .clinicians import lines_of
from .reviewed import MedicallyReviewedPage, has_text, section_field
from .treatments import TreatmentPage


class ConditionIndexPage(SectionOfReviewedPages, IndexPage):
    """Conditions A to Z, each also listed under the other names patients know it by."""

    subpage_types = ["education.ConditionPage"]

    class Meta:
        verbose_name = "condition index page"

    @property
    def conditions(self):
        return ConditionPage.objects.child_of(self).live_public().for_listing()

    @property
    def a_to_z(self):
        """[(letter, [(name, condition, is another name)])]: every condition under its title
        and its other names, by first letter."""
        entries = []
        for condition in self.conditions:
            entries.append((condition.title, condition, False))
            entries += [(name, condition, True) for name in condition.alternate_name_list]
        letters = {}
        for entry in sorted(entries, key=lambda entry: entry[0].casefold()):
            first = entry[0][:1].upper()
            letters.setdefault(first if first.isalpha() else "#", []).append(entry)
        return list(letters.items())


class ConditionPage(MedicallyReviewedPage):
    alternate_names = models.TextField(
        "other names",
        blank=True,
        help_text=(
            "Other names patients may know it by, one per line, e.g. 'Slipped disc'. Listed in "
            "the A–Z index and found by site search."
        ),
    )
    overview = section_field(
        "overview", "What the condition is, in two or three short paragraphs.", blank=False
    )
    symptom_list = models.TextField(
        "main symptoms",
        blank=True,
        help_text="The main symptoms, one per line, e.g. 'Pain that runs down one leg'.",
    )
    symptoms = section_field("symptoms", "More about the symptoms, after the list above.")
    causes = section_field("causes", "What causes it, and what makes it more likely.")
    diagnosis = section_field(
        "how it is diagnosed", "The questions, examination and tests a patient can expect."
    )
    treatment_intro = section_field(
        "treatments we offer",
        "How we usually treat it. The treatments chosen below are listed after this text.",
    )
    urgent_help = section_field(
        "when to get urgent help",
        "Warning signs that need a call to 911 or a visit to the emergency department.",
    )

    objects = PageManager.from_queryset(ConditionQuerySet)()

    parent_page_types = ["education.ConditionIndexPage"]
    subpage_types = []
    sections = (
        ("overview", "overview", gettext_lazy("Overview")),
        ("symptoms", "symptoms", gettext_lazy("Symptoms")),
        ("causes", "causes", gettext_lazy("Causes")),
        ("diagnosis", "diagnosis", gettext_lazy("How it is diagnosed")),
        ("treatment_intro", "treatments", gettext_lazy("Treatments we offer")),
        ("urgent_help", "urgent-help", gettext_lazy("When to get urgent help")),
    )
    edit_handler = MedicallyReviewedPage.edit_handler_for(
        [
            FieldPanel("summary"),
            FieldPanel("icon"),
            FieldPanel("alternate_names"),
            FieldPanel("overview"),
            MultiFieldPanel([FieldPanel("symptom_list"), FieldPanel("symptoms")], "Symptoms"),
            FieldPanel("causes"),
            FieldPanel("diagnosis"),
            FieldPanel("treatment_intro"),
            InlinePanel("treatment_links", heading="Treatments we offer", label="Treatment"),
            FieldPanel("urgent_help"),
            InlinePanel("clinician_links", heading="Clinicians who treat it", label="Clinician"),
            InlinePanel("article_links", heading="Related articles", label="Article"),
        ]
    )
    search_fields = MedicallyReviewedPage.search_fields + [
        index.SearchField("alternate_names"),
        index.SearchField("summary"),
        index.SearchField("overview"),
        index.SearchField("symptom_list"),
        index.SearchField("symptoms"),
        index.SearchField("causes"),
        index.SearchField("diagnosis"),
        index.SearchField("treatment_intro"),
    ]

    class Meta:
        verbose_name = gettext_lazy("condition")

    @property
    def alternate_name_list(self):
        return lines_of(self.alternate_names)

    @property
    def symptom_names(self):
        return lines_of(self.symptom_list)

    # Links are read from the page itself, so a preview shows the editor's unsaved choices.

    @cached_property
    def treatments(self):
        ids = [link.treatment_id for link in self.treatment_links.all()]
        return TreatmentPage.objects.live_public().in_order(ids)

    @property
    def contents(self):
        """(anchor, heading) of each section the page shows, for its contents list."""
        shown = {
            "symptoms": self.symptom_names or has_text(self.symptoms),
            "treatments": self.treatments or has_text(self.treatment_intro),
        }
        lists = [
            ("clinicians", gettext_lazy("Clinicians who treat this condition"), self.clinicians),
            ("articles", gettext_lazy("Related articles"), self.articles),
        ]
        return self.contents_with(shown, lists)

    @property
    def consultation_query(self):
        """What "Request a consultation" tells the form: this condition."""
        return f"condition={self.pk}"
