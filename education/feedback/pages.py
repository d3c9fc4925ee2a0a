"""Which pages ask 'Was this page helpful?': patient education that a reviewer keeps current."""

from education.models import ArticlePage, ConditionPage, TreatmentPage

FEEDBACK_PAGE_TYPES = (ArticlePage, ConditionPage, TreatmentPage)


def asks_for_feedback(page):
    # By the page's class (known without a query), so admin listings ask nothing per row.
    page_class = page.specific_class
    return page_class is not None and issubclass(page_class, FEEDBACK_PAGE_TYPES)
