"""A location's weekly opening hours and its dated closures (holidays, training days)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from ..hours import WEEKDAYS, day_and_date_label, time_range_label


class OpeningHours(Orderable):
    """One opening on one weekday. A day with a lunch break has two rows; a day with none
    is closed."""

    location = ParentalKey(
        "pages.LocationPage", related_name="opening_hours", on_delete=models.CASCADE
    )
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    opens = models.TimeField(help_text="On the 24-hour clock: 08:00 for 8:00 a.m.")
    closes = models.TimeField(help_text="On the 24-hour clock: 17:00 for 5:00 p.m.")
    note = models.CharField(
        max_length=120, blank=True, help_text="Optional, e.g. 'Phone lines only'."
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "The closing time must be after the opening time."})

    @property
    def label(self):
        return time_range_label(self.opens, self.closes)


class Closure(Orderable):
    """A day or run of days the location is closed. Patients see it from 30 days before it
    starts until it ends; past closures disappear by themselves."""

    location = ParentalKey("pages.LocationPage", related_name="closures", on_delete=models.CASCADE)
    first_day = models.DateField()
    last_day = models.DateField(blank=True, null=True, help_text="Leave empty for one day.")
    reason = models.CharField(max_length=120, help_text="e.g. 'Thanksgiving'.")

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "closure"

    def clean(self):
        super().clean()
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": "The last day cannot be before the first day."})

    @property
    def last_day_or_first(self):
        return self.last_day or self.first_day

    @property
    def label(self):
        """'Closed Thursday, November 26, 2026 (Thanksgiving)'."""
        first = day_and_date_label(self.first_day)
        if self.last_day_or_first == self.first_day:
            return gettext("Closed {day} ({reason})").format(day=first, reason=self.reason)
        last = day_and_date_label(self.last_day)
        return gettext("Closed from {first} to {last} ({reason})").format(
            first=first, last=last, reason=self.reason
        )
