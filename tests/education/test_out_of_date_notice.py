"""Past its next review date, a page tells patients it is being reviewed (the NHS pattern), and
the page listing tells editors the same."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticlePageFactory, ConditionPageFactory

pytestmark = pytest.mark.django_db


def days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def notice_of(client, page):
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    notice = html.select_one(".review-notice")
    return notice.get_text(" ", strip=True) if notice else None


@pytest.fixture
def overdue_article(article_index, rubin):
    return ArticlePageFactory(
        parent=article_index,
        title="Heat or ice",
        authors=[rubin],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2025, 3, 3),
        next_review_due=datetime.date(2026, 3, 3),
    )


def test_an_overdue_article_says_it_is_being_reviewed(client, overdue_article):
    text = notice_of(client, overdue_article)
    assert text.startswith("We are reviewing this page.")
    assert "due for its regular medical review on March 3, 2026" in text
    assert "correct when last reviewed on March 3, 2025" in text


def test_a_current_article_says_nothing(client, article_index, rubin):
    current = ArticlePageFactory(
        parent=article_index,
        authors=[rubin],
        medical_reviewer=rubin,
        last_reviewed=days(-10),
        next_review_due=days(1),
    )
    assert notice_of(client, current) is None


def test_an_overdue_condition_page_says_it_too(client, home_page, rubin):
    condition = ConditionPageFactory(
        title="Sciatica",
        medical_reviewer=rubin,
        last_reviewed=days(-400),
        next_review_due=days(-1),
    )
    assert notice_of(client, condition).startswith("We are reviewing this page.")


def test_editors_see_it_in_the_page_listing(client, editor, article_index, overdue_article):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_explore", args=[article_index.pk]))
    html = BeautifulSoup(response.content, "html.parser")
    row = next(tr for tr in html.select("tbody tr") if "Heat or ice" in tr.get_text())
    assert "Out of date since March 3, 2026: being reviewed" in row.get_text(" ", strip=True)
