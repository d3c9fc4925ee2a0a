"""The article editor: its tabs and panels, and a panel that shows values rather than edits them."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)
from wagtail.models import Page

from practice.pages import BasePage

from .approval import REVIEWER_MISSING, reviewer_for_approval
from .choosers import ClinicianChooserPanel, start_clinician_choosers_at
from .spanish_readability import TARGET_READING_EASE


def readability_context(page):
    """A Spanish page is scored with a Spanish formula, against its own band."""
    return {"spanish": page.reads_spanish, "ease_target": TARGET_READING_EASE}


class ReadabilityBoundPanel(Panel.BoundPanel):
    """Gives the panel's template the page as last saved (named `page_name` there), whether
    it has been saved at all, and how its language is scored."""

    page_name = "page"

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context[self.page_name] = self.instance
        context["saved"] = bool(self.instance.pk)
        context.update(readability_context(self.instance))
        return context


class ReadabilityPanel(Panel):
    """Reading time and reading grade of the article as last saved, next to the body they
    describe, so an editor sees the effect of shorter sentences and plainer words on save."""

    class BoundPanel(ReadabilityBoundPanel):
        template_name = "education/panels/readability_panel.html"
        page_name = "article"


class PageReadabilityPanel(Panel):
    """The reading grade of a condition or treatment as last saved, below its sections."""

    class BoundPanel(ReadabilityBoundPanel):
        template_name = "education/panels/page_readability_panel.html"


class TranslationFieldPanel(FieldPanel):
    """A field only a translation has a use for ("English version checked on"): not shown on
    pages in the site's default language."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and self.instance.is_translation


class CheckboxPanel(FieldPanel):
    """A checkbox with its label only: Wagtail's FieldPanel heads a BooleanField with a
    ticked-box icon, which beside an empty checkbox reads as if it were ticked."""

    class BoundPanel(FieldPanel.BoundPanel):
        @property
        def icon(self):
            return self.panel.icon


class MedicallyReviewedPageForm(WagtailAdminPageForm):
    """The editor's form for articles, conditions and treatments: approving from the editor
    needs a named medical reviewer (see approval.py), said beside the field, with everything
    typed kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.locale_id:
            start_clinician_choosers_at(self, self.instance.locale_id)
        topics = self.fields.get("topics")
        if topics is not None and self.instance.locale_id:
            # The topics of the article's language, and any it already has in another (a
            # translation starts with the English topics that have no translation yet).
            ticked = [topic.pk for topic in self.instance.topics.all()]
            topics.queryset = topics.queryset.filter(
                Q(locale_id=self.instance.locale_id) | Q(pk__in=ticked)
            )

    def is_approval(self):
        return (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )

    def clean(self):
        cleaned_data = super().clean()
        if self.is_approval():
            named = cleaned_data.get("medical_reviewer", self.instance.medical_reviewer)
            if reviewer_for_approval(named, self.for_user) is None:
                field = "medical_reviewer" if "medical_reviewer" in self.fields else None
                self.add_error(field, REVIEWER_MISSING)
        return cleaned_data


MAX_AUTHORS = 3


def medical_review_panels():
    """The editor's "Medical review" tab of articles, conditions and treatments. Approving a
    medical review records the reviewer and dates; only people allowed to record a review
    (Medical reviewers) may change them by hand, so an editor's "minor edit" can never carry a
    new review date with it. A translation also shows when it was last checked against its
    English page, which its translator updates."""
    return [
        CheckboxPanel("minor_edit"),
        ClinicianChooserPanel(
            "medical_reviewer",
            permission="education.record_medical_review",
        ),
        FieldPanel("last_reviewed", permission="education.record_medical_review"),
        FieldPanel("next_review_due", permission="education.record_medical_review"),
        TranslationFieldPanel("source_checked_at"),
    ]


def article_edit_handler():
    """The article editor's tabs: content, medical review, promote, settings."""
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultipleChooserPanel(
            "article_authors",
            chooser_field_name="clinician",
            heading="Authors",
            label="Author",
            min_num=1,
            max_num=MAX_AUTHORS,
            help_text=f"Who wrote the article, in byline order (1 to {MAX_AUTHORS}).",
        ),
        FieldPanel("display_date"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
        ReadabilityPanel(heading="Length and readability"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    review_panels = medical_review_panels()
    return TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Medical review"),
            ObjectList(
                BasePage.promote_panels
                + [MultiFieldPanel([FieldPanel("comments_open")], heading="Comments")],
                heading="Promote",
            ),
            ObjectList(Page.settings_panels, heading="Settings", classname="settings"),
        ],
        base_form_class=MedicallyReviewedPageForm,
    )
