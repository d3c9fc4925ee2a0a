"""Review dates: when an article is next due for medical review, and how that reads."""

import calendar

from django.conf import settings
from django.utils import timezone

# The review status of an article brought in from another site that nobody has reviewed here.
IMPORTED_NOT_REVIEWED = "Imported, not yet medically reviewed"


def add_months(day, months):
    """`day` moved on by whole months, kept within a shorter month (31 Jan + 1 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_review_after(last_reviewed):
    return add_months(last_reviewed, settings.ARTICLE_REVIEW_INTERVAL_MONTHS)


def days_until(day):
    return None if day is None else (day - timezone.localdate()).days


def describe_days_until_review(days):
    """'Overdue by 3 days', 'Due today', 'Due in 1 day', or 'Never reviewed' for None."""
    if days is None:
        return "Never reviewed"
    if days < 0:
        return f"Overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return "Due today"
    return f"Due in {days} day{'s' if days != 1 else ''}"


class ReviewStatusMixin:
    """Where a page with a `next_review_due` date stands, relative to today: for the
    review-due report and the dashboard."""

    @property
    def days_until_review(self):
        return days_until(self.next_review_due)

    @property
    def review_overdue(self):
        """Past its review date, or never reviewed at all."""
        days = self.days_until_review
        return days is None or days < 0

    @property
    def review_date_passed(self):
        """Its next review date has passed: patients are told the page is being reviewed."""
        days = self.days_until_review
        return days is not None and days < 0

    @property
    def review_listing_note(self):
        """The page listing's "Next review due" cell: the date, or that it is being reviewed."""
        if self.next_review_due is None:
            return ""
        due = f"{self.next_review_due:%B} {self.next_review_due.day}, {self.next_review_due.year}"
        return f"Out of date since {due}: being reviewed" if self.review_date_passed else due

    # A page type that can be imported from another site overrides this with a field.
    imported_from = ""

    @property
    def review_status(self):
        if self.next_review_due is None and self.imported_from:
            return IMPORTED_NOT_REVIEWED
        return describe_days_until_review(self.days_until_review)
