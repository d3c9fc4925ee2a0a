"""The rules every medically reviewed page (an article, a condition, a treatment) follows when an
editor saves it: review dates that fit together, no "minor edit" before a first review, the next
review set from the last, and the reading level worked out. Each page type declares the fields
(`medical_reviewer`, `last_reviewed`, `next_review_due`, `minor_edit`, `reading_grade`) itself,
with help text in its own words."""

from django.core.exceptions import ValidationError

from ..publishing import PublishedThroughReview
from ..readability import reading_grade_verdict
from ..review_dates import next_review_after

# Patient-education guidance asks for material a 6th to 8th grader reads easily.
TARGET_READING_GRADES = (6, 8)


class MedicalReviewMixin(PublishedThroughReview):
    """Each page type using it defines `prose_lines()`: the lines of text a patient reads, for
    the reading level (ArticlePage from its body, MedicallyReviewedPage from its sections).
    Only a medical reviewer's approval (or a superuser) publishes it (publishing.py)."""

    # What the page is called in the "minor edit" error.
    reviewed_noun = "page"
    # What update_derived_fields() sets: saved too when only some fields are saved.
    derived_fields = frozenset({"reading_grade", "reading_ease", "next_review_due"})

    def editor_errors(self):
        """{field: message} for review dates that do not fit together, or a minor edit to a
        page nobody has reviewed yet."""
        errors = {}
        if self.medical_reviewer_id and not self.last_reviewed:
            errors["last_reviewed"] = "Give the date of the medical review."
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            errors["next_review_due"] = "The next review must be after the last one."
        if self.minor_edit and not self.last_reviewed:
            errors["minor_edit"] = (
                f"This {self.reviewed_noun} has not had a medical review yet, so no change to it "
                "can be minor: untick this box and submit it for medical review."
            )
        return errors

    # --- Checked and derived when saved, never per request ---

    def clean(self):
        super().clean()
        errors = self.editor_errors()
        if errors:
            raise ValidationError(errors)
        self.update_derived_fields()

    def save(self, *args, **kwargs):
        self.update_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | self.derived_fields
        return super().save(*args, **kwargs)

    def update_derived_fields(self):
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = next_review_after(self.last_reviewed)
        self.update_readability(self.prose_lines())

    @property
    def reading_grade_verdict(self):
        return reading_grade_verdict(self.reading_grade, TARGET_READING_GRADES)
