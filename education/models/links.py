"""Links editors choose between articles, clinicians, conditions and treatments.

Each link is edited on one side only, in the article's, condition's or treatment's editor (an
inline panel of these Orderable models), and shown on both: the far side reads it back through
the reverse relation (`LinkedFromMedicalPages`, a clinician's `authorships`), so the two sides
can never disagree.
"""

from django.apps import apps
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Orderable

from ..choosers import ClinicianChooserPanel


def unique_link(role, source):
    return models.UniqueConstraint(fields=["page", role], name=f"unique_{role}_per_{source}")


class ArticleAuthor(Orderable):
    """A clinician in an article's byline (the author role), in byline order."""

    page = ParentalKey(
        "education.ArticlePage", related_name="article_authors", on_delete=models.CASCADE
    )
    clinician = models.ForeignKey(
        "education.ClinicianPage", on_delete=models.CASCADE, related_name="authorships"
    )

    panels = [ClinicianChooserPanel("clinician")]

    class Meta(Orderable.Meta):
        verbose_name = "author"
        constraints = [
            models.UniqueConstraint(fields=["page", "clinician"], name="unique_author_per_article")
        ]


class ConditionTreatment(Orderable):
    """A treatment we offer for the condition."""

    page = ParentalKey(
        "education.ConditionPage", on_delete=models.CASCADE, related_name="treatment_links"
    )
    treatment = models.ForeignKey(
        "education.TreatmentPage", on_delete=models.CASCADE, related_name="condition_links"
    )

    panels = [PageChooserPanel("treatment", page_type="education.TreatmentPage")]

    class Meta(Orderable.Meta):
        verbose_name = "treatment"
        constraints = [unique_link("treatment", "condition")]


class ConditionClinician(Orderable):
    """A clinician who treats the condition."""

    page = ParentalKey(
        "education.ConditionPage", on_delete=models.CASCADE, related_name="clinician_links"
    )
    clinician = models.ForeignKey(
        "education.ClinicianPage", on_delete=models.CASCADE, related_name="condition_links"
    )

    panels = [ClinicianChooserPanel("clinician")]

    class Meta(Orderable.Meta):
        verbose_name = "clinician who treats it"
        constraints = [unique_link("clinician", "condition")]


class ConditionArticle(Orderable):
    """An article that helps someone with the condition."""

    page = ParentalKey(
        "education.ConditionPage", on_delete=models.CASCADE, related_name="article_links"
    )
    article = models.ForeignKey(
        "education.ArticlePage", on_delete=models.CASCADE, related_name="condition_links"
    )

    panels = [PageChooserPanel("article", page_type="education.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "related article"
        constraints = [unique_link("article", "condition")]


class TreatmentClinician(Orderable):
    """A clinician who offers the treatment."""

    page = ParentalKey(
        "education.TreatmentPage", on_delete=models.CASCADE, related_name="clinician_links"
    )
    clinician = models.ForeignKey(
        "education.ClinicianPage", on_delete=models.CASCADE, related_name="treatment_links"
    )

    panels = [ClinicianChooserPanel("clinician")]

    class Meta(Orderable.Meta):
        verbose_name = "clinician who offers it"
        constraints = [unique_link("clinician", "treatment")]


class TreatmentArticle(Orderable):
    """An article that explains more about the treatment."""

    page = ParentalKey(
        "education.TreatmentPage", on_delete=models.CASCADE, related_name="article_links"
    )
    article = models.ForeignKey(
        "education.ArticlePage", on_delete=models.CASCADE, related_name="treatment_links"
    )

    panels = [PageChooserPanel("article", page_type="education.ArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = "related article"
        constraints = [unique_link("article", "treatment")]


def pages_linking_to(page, model_name, role):
    """The live, public pages of `model_name` (conditions or treatments) whose editors linked
    to `page` as `role`, alphabetically; none for the preview of a page not yet saved."""
    if page.pk is None:
        return []  # nothing can link to it yet
    # Looked up by name: the condition and treatment modules import the linked pages' modules.
    model = apps.get_model("education", model_name)
    return list(model.objects.live_public().linked_to(role, page).for_listing())


class LinkedFromMedicalPages:
    """For a clinician or an article: the live, public conditions and treatments whose editors
    linked to it, alphabetically. `link_role` is what this page is on those links."""

    link_role = None

    @cached_property
    def linked_conditions(self):
        return pages_linking_to(self, "ConditionPage", self.link_role)

    @cached_property
    def linked_treatments(self):
        return pages_linking_to(self, "TreatmentPage", self.link_role)
