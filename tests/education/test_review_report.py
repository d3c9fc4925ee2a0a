"""The "Articles due for review" report, the dashboard panel, and review and readability
information in the admin's article listing and editor."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from education.review import MEDICAL_REVIEWERS, today
from tests.factories import ArticlePageFactory, ClinicianPageFactory, TopicFactory, UserFactory

REPORT = "/admin/reports/articles-due-for-review/"


def days(n):
    return today() + datetime.timedelta(days=n)


def reviewed(index, title, due_in, reviewer, **fields):
    """A live article last reviewed a year before it is due, due `due_in` days from today."""
    return ArticlePageFactory(
        parent=index,
        title=title,
        authors=[reviewer],
        medical_reviewer=reviewer,
        last_reviewed=days(due_in - 365),
        next_review_due=days(due_in),
        **fields,
    )


@pytest.fixture
def articles(article_index, clinician_index, rubin):
    reyes = ClinicianPageFactory(parent=clinician_index, given_name="Anita", family_name="Reyes")
    knees = TopicFactory(name="Knees")
    return {
        "overdue_long": reviewed(article_index, "Pacing", -40, rubin),
        "overdue": reviewed(article_index, "Sleep and pain", -3, reyes, topics=[knees]),
        "soon": reviewed(article_index, "Knee arthritis", 12, reyes, topics=[knees]),
        "later": reviewed(article_index, "Nerve pain", 60, rubin),
        "never": ArticlePageFactory(parent=article_index, title="Heat or ice", authors=[rubin]),
        "draft": ArticlePageFactory(
            parent=article_index,
            title="Unpublished draft",
            authors=[rubin],
            publish=False,
            medical_reviewer=rubin,
            last_reviewed=days(-400),
            next_review_due=days(-35),
        ),
        "reyes": reyes,
        "knees": knees,
    }


def report_titles(client, query=""):
    response = client.get(REPORT + query)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [cell.get_text(strip=True) for cell in html.select("table tbody td.title a")]


def test_the_report_lists_articles_due_within_30_days_most_urgent_first(admin_client, articles):
    assert report_titles(admin_client) == [
        "Heat or ice",  # never reviewed
        "Pacing",
        "Sleep and pain",
        "Knee arthritis",
    ]


def test_each_row_shows_the_status_reviewer_dates_grade_and_edit_link(admin_client, articles):
    html = BeautifulSoup(admin_client.get(REPORT).content, "html.parser")
    row = next(tr for tr in html.select("table tbody tr") if "Sleep and pain" in tr.get_text())
    text = row.get_text(" ", strip=True)
    article = articles["overdue"]
    assert "Overdue by 3 days" in text
    assert "Dr. Anita Reyes, MD" in text
    assert str(article.reading_grade) in text
    link = row.select_one("td.title a")["href"]
    assert link == reverse("wagtailadmin_pages:edit", args=[article.pk])


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?status=overdue", ["Heat or ice", "Pacing", "Sleep and pain"]),
        ("?status=due_soon", ["Knee arthritis"]),
        ("?medical_reviewer={reyes}", ["Sleep and pain", "Knee arthritis"]),
        ("?topics={knees}", ["Sleep and pain", "Knee arthritis"]),
        ("?status=overdue&topics={knees}", ["Sleep and pain"]),
    ],
)
def test_the_report_can_be_filtered(admin_client, articles, query, expected):
    query = query.format(reyes=articles["reyes"].pk, knees=articles["knees"].pk)
    assert report_titles(admin_client, query) == expected


def test_the_report_exports_to_csv(admin_client, articles):
    response = admin_client.get(REPORT + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert f"articles-due-for-review-{today():%Y-%m-%d}.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Article"] for row in rows] == [
        "Heat or ice",
        "Pacing",
        "Sleep and pain",
        "Knee arthritis",
    ]
    sleep = rows[2]
    assert sleep["Review"] == "Overdue by 3 days"
    assert sleep["Medical reviewer"] == "Dr. Anita Reyes, MD"
    assert sleep["Next review due"] == days(-3).isoformat()
    assert sleep["Reading grade"] == str(articles["overdue"].reading_grade)
    assert sleep["Address"].endswith(articles["overdue"].url)


def test_the_report_exports_to_xlsx(admin_client, articles):
    response = admin_client.get(REPORT + "?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_editors_see_the_report_and_people_without_page_permissions_do_not(
    client, editor, articles
):
    client.force_login(editor)
    assert report_titles(client)[:2] == ["Heat or ice", "Pacing"]
    reports_menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Articles due for review" in reports_menu

    outsider = UserFactory(username="front")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(REPORT).status_code in (302, 403)


@pytest.fixture
def reviewer(db):
    return UserFactory(username="reviewer", groups=[MEDICAL_REVIEWERS])


def test_editors_do_not_get_the_review_panel(client, editor, articles):
    client.force_login(editor)
    assert 'id="overdue-articles-section"' not in client.get("/admin/").content.decode()


def test_the_dashboard_counts_overdue_articles_and_links_to_the_report(client, reviewer, articles):
    client.force_login(reviewer)
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = html.select_one("#overdue-articles-content")
    text = panel.get_text(" ", strip=True)
    # Never reviewed, 40 and 3 days overdue; the draft is not live and does not count.
    assert "3 articles overdue for medical review" in text
    assert "1 more due within 30 days" in text
    assert panel.select_one(f'a[href="{REPORT}?status=overdue"]') is not None


def test_the_dashboard_says_so_when_nothing_is_due(client, reviewer, article_index, rubin):
    reviewed(article_index, "Nerve pain", 90, rubin)
    client.force_login(reviewer)
    html = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    assert "No article is overdue" in html.select_one("#overdue-articles-content").get_text()


def test_the_article_listing_shows_reading_grade_and_next_review(
    admin_client, article_index, articles
):
    response = admin_client.get(reverse("wagtailadmin_explore", args=[article_index.pk]))
    html = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in html.select("table thead th")]
    assert any("Reading grade" in heading for heading in headings)
    assert any("Next review due" in heading for heading in headings)
    row = next(tr for tr in html.select("table tbody tr") if "Knee arthritis" in tr.get_text())
    assert str(articles["soon"].reading_grade) in row.get_text()


def test_the_article_listing_sorts_by_reading_grade(admin_client, article_index, articles):
    url = reverse("wagtailadmin_explore", args=[article_index.pk]) + "?ordering=-reading_grade"
    assert admin_client.get(url).status_code == 200


def test_the_editor_shows_reading_time_and_grade_next_to_each_other(admin_client, articles):
    article = articles["soon"]
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    text = BeautifulSoup(page.content, "html.parser").get_text(" ", strip=True)
    assert f"{article.reading_time} minute" in text
    assert f"Grade {article.reading_grade}" in text
    assert "6th to 8th grade" in text
