"""The insurance plans the practice accepts: a list staff keep current under Snippets."""

from django.db import models
from django.db.models import F
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class InsurancePlanQuerySet(models.QuerySet):
    def accepted(self):
        """Plans the practice takes today, in the order staff arranged them."""
        return self.filter(accepted=True).order_by(F("sort_order").asc(nulls_last=True), "name")


class InsurancePlan(index.Indexed, Orderable):
    name = models.CharField(max_length=120, unique=True, help_text="e.g. 'Medicare Part B'.")
    plan_types = models.CharField(
        max_length=200, blank=True, help_text="Optional, e.g. 'PPO and EPO plans'."
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional, e.g. 'A referral from your primary care doctor is required'.",
    )
    accepted = models.BooleanField(
        "currently accepted",
        default=True,
        help_text="Untick when the practice stops taking the plan; it disappears from the site "
        "and the consultation form.",
    )

    objects = InsurancePlanQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("plan_types"),
        FieldPanel("note"),
        FieldPanel("accepted"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(Orderable.Meta):
        verbose_name = "insurance plan"

    def __str__(self):
        return self.name
