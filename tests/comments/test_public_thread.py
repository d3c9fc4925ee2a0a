"""What a patient sees under an article: approved comments only, oldest first, as plain text."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from education.comments.models import Comment
from tests.factories import ArticlePageFactory, CommentFactory, ReplyFactory

pytestmark = pytest.mark.django_db


def comment_section(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id="comments")


def shown_texts(section):
    return [text.get_text(strip=True) for text in section.select(".comment__text")]


@pytest.mark.parametrize(
    ("approved", "heading"),
    [(0, "No comments yet"), (1, "1 comment"), (3, "3 comments")],
)
def test_the_heading_counts_approved_comments(client, article, approved, heading):
    for _ in range(approved):
        CommentFactory(article=article)
    CommentFactory(article=article, status=Comment.Status.PENDING)
    CommentFactory(article=article, status=Comment.Status.REJECTED)
    CommentFactory(article=article, status=Comment.Status.SPAM)

    assert comment_section(client, article).h2.get_text(strip=True) == heading


def test_only_approved_comments_are_shown_oldest_first(client, article):
    CommentFactory(article=article, body="Second, approved.", created_at=timezone.now())
    CommentFactory(
        article=article,
        body="First, approved.",
        created_at=timezone.now() - datetime.timedelta(days=2),
    )
    CommentFactory(article=article, status=Comment.Status.PENDING, body="Waiting for review.")
    CommentFactory(article=article, status=Comment.Status.REJECTED, body="Turned down.")
    CommentFactory(article=article, status=Comment.Status.SPAM, body="Cheap pills here.")

    section = comment_section(client, article)

    assert shown_texts(section) == ["First, approved.", "Second, approved."]
    html = str(section)
    for hidden in ("Waiting for review.", "Turned down.", "Cheap pills here."):
        assert hidden not in html


def test_comments_on_other_articles_stay_there(client, article, article_index):
    CommentFactory(article=article, body="On this article.")
    elsewhere = ArticlePageFactory(parent=article_index, title="Sleep and pain")
    CommentFactory(article=elsewhere, body="On another article.")

    assert shown_texts(comment_section(client, article)) == ["On this article."]


def test_each_comment_shows_name_date_and_text(client, article):
    posted = timezone.make_aware(datetime.datetime(2026, 3, 4, 10, 30))
    CommentFactory(
        article=article, name="Priya", body="Walking every day helps me.", created_at=posted
    )

    comment = comment_section(client, article).select_one(".comment")

    assert comment.select_one(".comment__author").get_text(strip=True) == "Priya"
    time = comment.select_one(".comment__date time")
    assert time.get_text(strip=True) == "March 4, 2026"
    assert time["datetime"] == "2026-03-04"
    assert comment.select_one(".comment__text").get_text(strip=True) == (
        "Walking every day helps me."
    )


def test_line_breaks_are_kept_and_web_addresses_stay_plain_text(client, article):
    CommentFactory(
        article=article,
        body="First line\nsecond line\n\nA new paragraph: see https://example.com/cure now.",
    )

    text = comment_section(client, article).select_one(".comment__text")

    assert [p.get_text("\n") for p in text.find_all("p")] == [
        "First line\nsecond line",
        "A new paragraph: see https://example.com/cure now.",
    ]
    assert text.find("br") is not None
    assert text.find("a") is None


def test_practice_replies_appear_under_their_comment_marked_as_such(client, article):
    question = CommentFactory(article=article, name="Sam", body="Should I stretch every morning?")
    ReplyFactory(
        parent=question, name="Rubin Pain Management", body="Gentle stretches suit most people."
    )
    CommentFactory(article=article, name="Lee", body="A later comment.")

    section = comment_section(client, article)
    items = section.find("ol", class_="comment-list").find_all("li", recursive=False)

    assert len(items) == 2
    reply = items[0].select_one(".comment-list--replies .comment")
    assert "comment--practice" in reply["class"]
    assert "Reply from the practice" in reply.select_one(".comment__author").get_text()
    assert reply.select_one(".comment__text").get_text(strip=True) == (
        "Gentle stretches suit most people."
    )
    assert items[1].select_one(".comment-list--replies") is None
    assert section.h2.get_text(strip=True) == "3 comments"


def test_a_reply_to_a_comment_not_yet_approved_is_not_shown(client, article):
    waiting = CommentFactory(article=article, status=Comment.Status.PENDING, body="Is this normal?")
    ReplyFactory(parent=waiting, body="A reply written before approval.")

    section = comment_section(client, article)

    assert "A reply written before approval." not in str(section)
    assert section.h2.get_text(strip=True) == "No comments yet"


def test_the_commenters_email_address_never_reaches_the_page(client, article):
    CommentFactory(article=article, email="maria.secret@example.org")
    CommentFactory(
        article=article, email="pending.secret@example.org", status=Comment.Status.PENDING
    )

    html = client.get(article.url).content.decode()

    assert "maria.secret" not in html
    assert "pending.secret" not in html
    assert "@example.org" not in html


def test_the_commenters_email_address_is_not_in_the_feed(client, article):
    CommentFactory(
        article=article, email="maria.secret@example.org", body="A comment for the feed?"
    )

    feed = client.get("/education/feed/").content.decode()

    assert "maria.secret" not in feed
    assert "A comment for the feed?" not in feed


def test_approved_comments_cost_the_same_queries_whatever_their_number(
    client, article, django_assert_max_num_queries
):
    def queries_for_article_page():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(article.url)  # warm per-process caches (site root paths, settings)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.url)
        assert response.status_code == 200
        return len(queries), response

    with_none, _ = queries_for_article_page()

    for n in range(100):
        question = CommentFactory(article=article, body=f"Comment number {n}")
        ReplyFactory(parent=question, body=f"Reply number {n}")

    with_two_hundred, response = queries_for_article_page()
    assert response.content.decode().count('class="comment__text"') == 200
    assert with_two_hundred == with_none

    with django_assert_max_num_queries(with_none):
        assert client.get(article.url).status_code == 200
