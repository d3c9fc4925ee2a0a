"""Editors turn comments off per article, and previews of articles still work."""

import pytest
from django.urls import reverse

from education.models import ArticlePage
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_the_promote_tab_has_the_comments_switch(client, article, superuser):
    client.force_login(superuser)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()

    assert 'name="comments_open"' in html
    assert "Accept comments" in html


def test_new_articles_accept_comments(article):
    assert ArticlePage.objects.get(pk=article.pk).comments_open is True


def test_a_preview_shows_the_approved_comments_and_no_others(client, article, superuser):
    CommentFactory(article=article, body="Shown in the preview too.")
    CommentFactory(article=article, status="pending", body="Still waiting.")
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Shown in the preview too." in html
    assert "Still waiting." not in html
