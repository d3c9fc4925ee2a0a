"""The demo's dates count back from the day it loads: however long after it was written the
demo is loaded, no article tells patients its review is overdue, except the one article kept
overdue on purpose so the review-due report has something to show."""

import datetime

import pytest
from django.utils import timezone

from education.models import ArticlePage
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db

KEPT_OVERDUE = "nerve-blocks"


def shown_review_due(client, article):
    time = soup_of(client.get(article.url)).select_one(".article__dates time:last-of-type")
    label = "Próxima revisión" if article.locale.language_code == "es" else "Next review due"
    assert label in time.parent.get_text(), article.url
    return datetime.date.fromisoformat(time["datetime"])


def test_exactly_one_demo_article_is_overdue_for_review(demo_site):
    overdue = [a.slug for a in ArticlePage.objects.live() if a.review_overdue]
    assert overdue == [KEPT_OVERDUE]


def test_no_demo_article_page_shows_a_past_review_date_but_the_one_kept_overdue(client, demo_site):
    today = timezone.localdate()
    for article in ArticlePage.objects.live().select_related("locale"):  # both languages
        due = shown_review_due(client, article)
        assert (due < today) == (article.slug == KEPT_OVERDUE), (article.slug, due)


def test_demo_dates_are_recent_and_never_in_the_future(demo_site):
    today = timezone.localdate()
    for article in ArticlePage.objects.live():
        assert article.display_date <= today and article.last_reviewed <= today
        if article.slug != KEPT_OVERDUE:
            assert today - article.last_reviewed < datetime.timedelta(days=365), article.slug
