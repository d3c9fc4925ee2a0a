"""What approving an article in medical review needs: a named medical reviewer.

An article went live through "Medical review" with its dates set and no reviewer named, so no
"Medically reviewed by" line and no warning. Now an approval names the approving reviewer's own
clinician profile (their login linked to it), or keeps the reviewer the article already names;
with neither, it is refused. The editor form refuses with a message beside the field
(panels.MedicallyReviewedPageForm); from the dashboard, the "Medical review" task refuses
before approving, and says why (models/review_task.py); the approval itself
(review.publish_after_review) refuses too, whatever way it comes.
"""

from django.core.exceptions import PermissionDenied

REVIEWER_MISSING = (
    "This article cannot be approved: it names no medical reviewer. Choose the clinician who "
    "reviewed it under “Medical review”, or ask an administrator to link your login to your "
    "clinician profile so that your approvals name you."
)


class ReviewerMissing(PermissionDenied):
    """Approval refused: nobody would be named as the article's medical reviewer."""

    def __init__(self):
        super().__init__(REVIEWER_MISSING)


def own_clinician_profile(user):
    # The reverse one-to-one raises (an AttributeError) when the user has no profile.
    return getattr(user, "clinician_profile", None) if user is not None else None


def reviewer_for_approval(named_reviewer, user):
    """The clinician an approval by `user` names: their own profile, else `named_reviewer`."""
    return own_clinician_profile(user) or named_reviewer


def approval_names_no_reviewer(page, user):
    """An approval of `page` (an article, condition or treatment) by `user` would name no
    medical reviewer. Pages without a reviewer field need none."""
    if not hasattr(page, "medical_reviewer_id"):
        return False
    named = page.medical_reviewer if page.medical_reviewer_id else None
    return reviewer_for_approval(named, user) is None
