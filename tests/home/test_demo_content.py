"""The demo site (`make run`, `load_demo_content`) is built once, the same however often it is
loaded, and shows what a real practice's site would: articles under medical review, comments,
featured articles and the consultation form linked from every page."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, WorkflowPage

from education.comments.models import Comment
from education.models import ArticlePage
from education.review import MEDICAL_REVIEW_WORKFLOW
from home import demo
from home.models import HomePage
from pages.consultation.models import ConsultationFormPage
from practice.models import PracticeSettings
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


# --- Loading it ---


def test_load_demo_content_is_idempotent():
    call_command("load_demo_content", stdout=StringIO())
    count = Page.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert Page.objects.count() == count
    assert HomePage.objects.count() == 1


def test_load_demo_content_if_empty_leaves_a_site_with_content_alone():
    call_command("load_demo_content", stdout=StringIO())
    Page.objects.get(slug="about").delete()
    out = StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert not Page.objects.filter(slug="about").exists()


def test_building_the_demo_twice_adds_no_more_comments(demo_site):
    before = Comment.objects.count()

    demo.build(log=lambda message: None)

    assert Comment.objects.count() == before


# --- What it shows ---


def test_home_page_features_articles_as_article_cards(client, demo_site):
    html = soup_of(client.get("/"))
    cards = html.select(".article-card")
    assert len(cards) == 3
    assert (
        cards[0].select_one(".card__title a")["href"] == "/education/opioid-induced-hyperalgesia/"
    )
    assert "min read" in cards[0].get_text()


def test_demo_articles_all_render(client, demo_site):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 8
    for article in articles:
        response = client.get(article.url)
        assert response.status_code == 200, article.url
        html = soup_of(response)
        assert html.select_one("section.references li") is not None, article.url
        assert article.next_review_due and article.last_reviewed


def test_the_demo_puts_articles_under_review_and_promotes_a_search(demo_site):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from education.models import ArticleIndexPage
    from home.demo import review

    review.build(log=lambda message: None)  # a second run changes nothing
    index = ArticleIndexPage.objects.get()
    assert WorkflowPage.objects.get(page=index).workflow.name == MEDICAL_REVIEW_WORKFLOW
    assert not ArticlePage.objects.filter(reading_grade__isnull=True).exists()
    [promotion] = SearchPromotion.objects.filter(query__query_string="opioids")
    assert promotion.page.slug == "opioid-induced-hyperalgesia"


def test_every_request_a_consultation_button_leads_to_the_demo_form(demo_site):
    consultation_page = ConsultationFormPage.objects.get(slug="consultation")
    assert PracticeSettings.for_site(demo_site).consultation_page_id == consultation_page.pk


def test_demo_articles_have_approved_comments_a_reply_and_one_waiting(demo_site, client):
    approved = Comment.objects.filter(status=Comment.Status.APPROVED, is_practice_reply=False)
    assert approved.values("article").distinct().count() == 2
    assert Comment.objects.filter(is_practice_reply=True, parent__isnull=False).count() == 1
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1

    article = ArticlePage.objects.get(slug="exercise-for-low-back-pain")
    html = client.get(article.url).content.decode()
    assert "4 comments" in html
    assert "Reply from the practice" in html
    assert "demo@example.com" not in html


def test_the_waiting_comment_is_not_on_the_site(demo_site, client):
    waiting = Comment.objects.get(status=Comment.Status.PENDING)

    assert waiting.body not in client.get(waiting.article.url).content.decode()
