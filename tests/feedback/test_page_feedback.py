"""'Was this page helpful?' under articles, conditions and treatments: anonymous (no cookie, no
personal data), rate-limited, with the honeypot; bad input gets a clear answer, nothing is lost,
nothing unsafe is stored or shown; counts reach the review-due report and the page's own view."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from education.feedback.models import PageFeedback
from education.review import MEDICAL_REVIEWERS
from tests.factories import ArticlePageFactory, ConditionPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def post(client, page, **data):
    return client.post(reverse("page_feedback:post", args=[page.pk]), data)


def test_articles_and_conditions_ask_and_say_what_is_kept(client, article, home_page):
    condition = ConditionPageFactory(title="Sciatica")
    for page in (article, condition):
        response = client.get(page.url)
        html = BeautifulSoup(response.content, "html.parser")
        form = html.select_one(".page-feedback form")
        assert form["action"] == f"/feedback/{page.pk}/"
        text = html.select_one(".page-feedback").get_text(" ", strip=True)
        assert "Was this page helpful?" in text
        assert "do not include your name, contact details or anything about your health" in text
        assert "We do not keep your name, your address or a cookie" in text


def test_an_answer_is_stored_without_anything_about_the_person(client, article):
    response = post(client, article, helpful="no", reason="The diagram was hard to follow.")
    assert response.status_code == 200
    assert "Thank you for your feedback" in response.content.decode()
    assert response.cookies == {}  # no session, no message cookie
    [feedback] = PageFeedback.objects.all()
    assert (feedback.page_id, feedback.helpful) == (article.pk, False)
    assert feedback.reason == "The diagram was hard to follow."
    assert {f.name for f in PageFeedback._meta.fields} == {
        "id",
        "page",
        "helpful",
        "reason",
        "created_at",
    }


def test_empty_is_refused_with_a_clear_message(client, article):
    response = post(client, article)
    assert response.status_code == 400
    assert "Choose yes or no" in response.content.decode()
    assert PageFeedback.objects.count() == 0


def test_5000_characters_are_refused_and_shown_back(client, article):
    long_reason = "word " * 1000
    response = post(client, article, helpful="yes", reason=long_reason)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Keep it to 500 characters or fewer (this has 4,999)" in html
    assert long_reason.strip() in html  # nothing lost: it is there to shorten
    assert PageFeedback.objects.count() == 0


def test_nul_bytes_are_taken_out_and_the_answer_kept(client, article):
    response = post(client, article, helpful="yes", reason="Clear\x00 and\x07 short")
    assert response.status_code == 200
    assert PageFeedback.objects.get().reason == "Clear and short"


def test_script_tags_are_stored_as_text_and_never_run(client, article, superuser):
    post(client, article, helpful="no", reason="<script>alert(1)</script>")
    assert PageFeedback.objects.get().reason == "<script>alert(1)</script>"
    client.force_login(superuser)
    html = client.get(reverse("page_feedback", args=[article.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_bad_choices_and_unknown_pages(client, article, home_page):
    assert post(client, article, helpful="maybe").status_code == 400
    assert client.post("/feedback/999999/", {"helpful": "yes"}).status_code == 404
    assert post(client, home_page, helpful="yes").status_code == 404  # asks for no feedback
    draft = ArticlePageFactory(parent=article.get_parent(), publish=False)
    assert post(client, draft, helpful="yes").status_code == 404
    assert client.get(reverse("page_feedback:post", args=[article.pk])).status_code == 303


def test_the_honeypot_stores_nothing(client, article):
    response = post(client, article, helpful="yes", website="http://spam.example")
    assert response.status_code == 200
    assert PageFeedback.objects.count() == 0


def test_fifty_posts_from_one_address_are_limited(client, article, settings):
    statuses = [post(client, article, helpful="yes", reason=f"n{i}").status_code for i in range(50)]
    assert statuses[: settings.FEEDBACK_RATE_LIMIT] == [200] * settings.FEEDBACK_RATE_LIMIT
    assert set(statuses[settings.FEEDBACK_RATE_LIMIT :]) == {429}
    assert PageFeedback.objects.count() == settings.FEEDBACK_RATE_LIMIT
    limited = post(client, article, helpful="no", reason="Still here")
    assert "Please try again in an hour" in limited.content.decode()
    assert "Still here" in limited.content.decode()  # what they typed is kept


def test_counts_in_the_review_report_and_on_the_page_view(client, article, editor):
    for helpful in ("yes", "yes", "no"):
        post(client, article, helpful=helpful)
    # Overdue, so it shows in the report.
    article.last_reviewed, article.next_review_due = date(2025, 1, 5), date(2026, 1, 5)
    article.save_revision().publish()
    reviewer = UserFactory(groups=[MEDICAL_REVIEWERS])
    client.force_login(reviewer)
    report = BeautifulSoup(client.get(reverse("education_review_due")).content, "html.parser")
    headings = [th.get_text(strip=True) for th in report.select("thead th")]
    assert headings[-2:] == ["Helpful", "Not helpful"]
    row = [td.get_text(strip=True) for td in report.select("tbody tr")[0].select("td")]
    assert row[-2:] == ["2", "1"]

    page_view = client.get(reverse("page_feedback", args=[article.pk])).content.decode()
    assert "<strong>2</strong> found" in page_view and "<strong>1</strong> did not" in page_view
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert reverse("page_feedback", args=[article.pk]) in edit

    outsider = UserFactory(groups=["Front desk"])
    client.force_login(outsider)
    assert client.get(reverse("page_feedback", args=[article.pk])).status_code in (302, 403)


def test_the_article_page_keeps_its_ids_unique_with_two_forms(client, article):
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    ids = [element["id"] for element in html.select("[id]")]
    assert len(ids) == len(set(ids))
    assert html.select_one("#feedback-website-honeypot") is not None
