"""An article in the full-page cache shows a comment as soon as it is approved, and hides it
as soon as it is rejected: moderation starts a new cache generation."""

import pytest

from education.comments import moderation
from education.comments.models import Comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_approving_a_comment_shows_it_on_a_cached_article(
    client, article, moderator, page_cache_on
):
    comment = CommentFactory(
        article=article, status=Comment.Status.PENDING, body="Walking every day helped me."
    )
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"

    moderation.decide([comment], Comment.Status.APPROVED, moderator)

    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Walking every day helped me." in response.content.decode()


def test_rejecting_an_approved_comment_hides_it_on_a_cached_article(
    client, article, moderator, page_cache_on
):
    comment = CommentFactory(
        article=article, body="Buy cheap pills here.", status=Comment.Status.APPROVED
    )
    assert "Buy cheap pills here." in client.get(article.url).content.decode()

    moderation.decide([comment], Comment.Status.REJECTED, moderator)

    assert "Buy cheap pills here." not in client.get(article.url).content.decode()


def test_a_practice_reply_shows_on_a_cached_article(client, article, moderator, page_cache_on):
    comment = CommentFactory(article=article, body="Is it safe?", status=Comment.Status.APPROVED)
    client.get(article.url)

    moderation.post_practice_reply(comment, "The practice", "Please call us.", moderator)

    assert "Please call us." in client.get(article.url).content.decode()
