"""The demo site shows comments the way a real one would."""

import pytest

from education.comments.models import Comment
from education.models import ArticlePage
from home import demo

pytestmark = pytest.mark.django_db


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


def test_building_the_demo_twice_adds_no_more_comments(demo_site):
    before = Comment.objects.count()

    demo.build(log=lambda message: None)

    assert Comment.objects.count() == before
