"""The insurance plans the practice accepts: a list staff keep current under Snippets, in
English and, translated, in Spanish."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index

from practice.localized import in_active_language, in_default_language


class InsurancePlanQuerySet(models.QuerySet):
    def accepted(self):
        """Plans the practice takes today, in the order staff arranged them."""
        return self.filter(accepted=True).order_by(F("sort_order").asc(nulls_last=True), "name")

    def for_patients(self):
        """The accepted plans as patients read them, in two queries: the English list says
        which plans and in what order; each is in the visitor's language where staff
        translated it."""
        return in_active_language(in_default_language(self.accepted()), self.all())


class InsurancePlan(index.Indexed, TranslatableMixin, Orderable):
    # Unique per language (see Meta): a plan's Spanish translation may keep its name.
    name = models.CharField(max_length=120, help_text="e.g. 'Medicare Part B'.")
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
        "and the consultation form. The English plan decides, for its translations too.",
    )

    objects = InsurancePlanQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("plan_types"),
        FieldPanel("note"),
        FieldPanel("accepted"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "insurance plan"
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locale"], name="unique_insurance_plan_name_per_locale"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # The editor's form leaves the locale out, so Django would not check the constraint
        # and a second "Medicare Part B" would fail only when saved.
        super().clean()
        locale_id = self.locale_id or Locale.get_default().pk
        twins = InsurancePlan.objects.filter(name=self.name, locale_id=locale_id)
        if twins.exclude(pk=self.pk).exists():
            raise ValidationError({"name": "There is already a plan with this name."})
