"""What a medically reviewed patient-education page other than an article has: a summary, the
reviewer and review dates, a "minor edit" switch and a reading grade, all checked on save; fixed
sections; and the clinicians and articles its editors chose.

Conditions and treatments use it; articles keep their own fields (they also count words and
reading time), with the same rules (MedicalReviewMixin) and the same review workflow.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.fields import RichTextField

from practice.pages import BasePage, in_private_section

from ..health_icons import HEALTH_ICONS
from ..panels import MedicallyReviewedPageForm, PageReadabilityPanel, medical_review_panels
from ..readability import html_lines, text_lines
from ..review_dates import ReviewStatusMixin
from .articles import ArticlePage
from .clinicians import ClinicianPage
from .medical_review import MedicalReviewMixin
from .translated import TranslatedPageMixin

SECTION_FEATURES = ["h3", "bold", "italic", "link", "ul", "ol"]


def has_text(html):
    """True when rich text holds words, not only empty paragraphs."""
    return bool(strip_tags(html or "").strip())


def section_field(verbose_name, help_text, blank=True):
    """A fixed section of the page: rich text under a heading the template gives it."""
    return RichTextField(verbose_name, blank=blank, features=SECTION_FEATURES, help_text=help_text)


class MedicallyReviewedPage(MedicalReviewMixin, ReviewStatusMixin, TranslatedPageMixin, BasePage):
    summary = models.TextField(
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=(
            "One or two plain sentences for lists, search results and search engines. At most "
            "300 characters."
        ),
    )
    icon = models.CharField(
        max_length=40,
        blank=True,
        choices=HEALTH_ICONS,
        help_text="A simple drawing shown beside the title and in lists (Health Icons).",
    )
    medical_reviewer = models.ForeignKey(
        ClinicianPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The clinician who checked the page is medically accurate and current.",
    )
    last_reviewed = models.DateField(
        "date last reviewed",
        null=True,
        blank=True,
        help_text="When the medical reviewer last checked the whole page.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "Leave empty to set it a standard interval (usually 12 months) after the last review."
        ),
    )
    minor_edit = models.BooleanField(
        "this is a minor edit",
        default=False,
        help_text=(
            "Tick for a typo or formatting fix that does not change the medical content. A "
            "medical reviewer can then publish it and the review dates stay as they are. "
            "Cleared once the change is published."
        ),
    )
    reading_grade = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text="Flesch–Kincaid grade level of the summary and sections, worked out on save.",
    )

    description_field = "summary"
    # (field name, anchor, heading) of the page's fixed sections, in reading order.
    sections = ()

    class Meta:
        abstract = True

    @classmethod
    def edit_handler_for(cls, content_panels):
        """The editor's tabs: content, medical review (dates only for reviewers), promote,
        settings; as for articles."""
        return TabbedInterface(
            [
                ObjectList(
                    BasePage.content_panels
                    + content_panels
                    + [PageReadabilityPanel(heading="Readability")],
                    heading="Content",
                ),
                ObjectList(medical_review_panels(), heading="Medical review"),
                ObjectList(BasePage.promote_panels, heading="Promote"),
                ObjectList(BasePage.settings_panels, heading="Settings", classname="settings"),
            ],
            base_form_class=MedicallyReviewedPageForm,
        )

    def prose_lines(self):
        lines = text_lines(self.summary)
        for field, _anchor, _heading in self.sections:
            lines += html_lines(getattr(self, field))
        return lines

    # --- What the templates show ---

    @property
    def filled_sections(self):
        """(anchor, heading, rich text) of the sections an editor filled in."""
        return [
            (anchor, heading, getattr(self, field))
            for field, anchor, heading in self.sections
            if has_text(getattr(self, field))
        ]

    def contents_with(self, shown, lists):
        """(anchor, heading) of each part the page shows, for its contents list: the sections
        with text (`shown`: {anchor: shown} for those that show more than their text), then
        the (anchor, heading, pages) of `lists` that have any pages."""
        entries = [
            (anchor, heading)
            for field, anchor, heading in self.sections
            if shown.get(anchor, has_text(getattr(self, field)))
        ]
        return entries + [(anchor, heading) for anchor, heading, pages in lists if pages]

    # Links are read from the page itself, so a preview shows the editor's unsaved choices.

    @cached_property
    def clinicians(self):
        ids = [link.clinician_id for link in self.clinician_links.all()]
        return ClinicianPage.objects.live_public().for_listing().in_order(ids)

    @cached_property
    def articles(self):
        ids = [link.article_id for link in self.article_links.all()]
        return ArticlePage.objects.live_public().for_listing().in_order(ids)

    @cached_property
    def reviewer(self):
        """(medical reviewer, profile can be linked), or None. A draft or private profile is
        named but not linked."""
        if not self.medical_reviewer_id:
            return None
        clinician = (
            ClinicianPage.objects.filter(pk=self.medical_reviewer_id)
            .annotate(in_private_section=in_private_section())
            .first()
        )
        if clinician is None:
            return None
        return clinician, clinician.live and not clinician.in_private_section
