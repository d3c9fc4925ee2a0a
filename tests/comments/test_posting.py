"""A patient leaves a comment: it waits for review, errors keep what they typed, and spam,
closed, draft and private articles are turned away."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends
from wagtail.models import PageViewRestriction

from education.comments.models import Comment
from practice.mail import send_message
from tests.factories import ArticlePageFactory, CommentFactory
from tests.helpers import bench_stack, mail_sent

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Maria",
    "email": "maria.private@example.org",
    "body": "Thank you, the stretches helped.\nI do them every morning.",
}


def comment_url(article):
    return reverse("article_comments:post", args=[article.pk])


def post(client, article, **changes):
    return client.post(comment_url(article), {**VALID, **changes})


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_article_offers_the_reply_form(client, article):
    page = soup(client.get(article.url))
    form = page.select_one("#comments form")

    assert page.find(id="comment-form-heading").get_text(strip=True) == "Leave a reply"
    assert form["action"] == comment_url(article)
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "name", "required": True})
    assert form.find("input", attrs={"name": "email", "type": "email", "required": True})
    assert form.find("textarea", attrs={"name": "body", "maxlength": "2000", "required": True})
    text = " ".join(page.select_one("#comments").get_text(" ").split())
    assert "Your email address will not be published." in text
    assert "Required fields are marked (required)" in text
    assert "Please do not share personal medical details" in text
    assert "call the office at (555) 014-2290" in text


def test_a_new_comment_waits_for_review_and_the_patient_is_told(client, article):
    response = post(client, article)

    assert response.status_code == 303
    assert response["Location"] == article.url + "#comments"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.article_id == article.pk
    assert (comment.name, comment.email) == ("Maria", "maria.private@example.org")
    assert comment.body == VALID["body"]

    page = soup(client.get(article.url))
    section = page.select_one("#comments")
    assert "will appear under the article once a member of our team has reviewed it" in (
        section.select_one(".messages[role=status]").get_text()
    )
    assert "the stretches helped" not in str(section)
    assert section.h2.get_text(strip=True) == "No comments yet"


def test_the_review_message_is_shown_once(client, article):
    post(client, article)
    client.get(article.url)

    assert "reviewed it" not in client.get(article.url).content.decode()


def test_missing_answers_show_the_form_again_with_everything_typed(client, article):
    response = post(client, article, name="", email="not-an-address")

    assert response.status_code == 400
    assert Comment.objects.count() == 0
    page = soup(response)
    assert page.title.get_text().startswith("Error: ")
    summary = page.select_one("#comments .error-summary")
    assert [link.get_text(strip=True) for link in summary.find_all("a")] == [
        "Enter your name",
        "Enter an email address in the correct format, like name@example.com",
    ]
    assert [link["href"] for link in summary.find_all("a")] == [
        "#comment-name",
        "#comment-email",
    ]
    assert page.find(id="comment-email")["value"] == "not-an-address"
    assert page.find(id="comment-body").get_text() == "\n" + VALID["body"]
    assert page.find(id="comment-name")["aria-invalid"] == "true"
    assert response["Cache-Control"] == "private, no-store"


def test_a_comment_of_only_spaces_is_refused(client, article):
    response = post(client, article, body="   \n  ")

    assert response.status_code == 400
    assert "Write your comment" in soup(response).select_one(".error-summary").get_text()


def test_the_server_refuses_more_than_2000_characters(client, article):
    response = post(client, article, body="x" * 2001)

    assert response.status_code == 400
    assert Comment.objects.count() == 0
    summary = soup(response).select_one(".error-summary").get_text(" ", strip=True)
    assert "Your comment must be 2,000 characters or fewer; it has 2001" in summary


def test_line_breaks_count_once_as_the_browser_counts_them(client, article):
    # The browser allows 2,000 characters counting each line break once, then sends each
    # line break as two characters (CR LF).
    body = ("y" * 99 + "\n") * 20
    assert len(body.strip()) <= 2000

    response = post(client, article, body=body.replace("\n", "\r\n"))

    assert response.status_code == 303
    assert Comment.objects.get().body == body.strip()


def test_invisible_direction_overrides_are_removed(client, article):
    post(client, article, name="Eve\u202egnp.exe", body="Hello\u2066 there\u0007")

    comment = Comment.objects.get()
    assert comment.name == "Evegnp.exe"
    assert comment.body == "Hello there"


def test_a_filled_honeypot_is_thanked_but_nothing_is_stored(client, article):
    response = post(client, article, website="http://spam.example")

    assert response.status_code == 303
    assert Comment.objects.count() == 0
    assert len(mail.outbox) == 0
    assert "reviewed it" in client.get(article.url).content.decode()


def test_too_many_comments_from_one_client_are_refused_with_the_text_kept(
    client, article, settings
):
    settings.COMMENTS_RATE_LIMIT = 2
    assert post(client, article).status_code == 303
    assert post(client, article).status_code == 303

    response = post(client, article, body="A third comment in a row.")

    assert response.status_code == 429
    assert Comment.objects.count() == 2
    page = soup(response)
    assert "We cannot accept another comment right now" in page.select_one("#comments").text
    assert page.find(id="comment-body").get_text() == "\nA third comment in a row."


def test_another_client_may_still_comment(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = 1
    post(client, article)

    response = client.post(comment_url(article), VALID, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 303
    assert Comment.objects.count() == 2


def test_invalid_attempts_do_not_use_up_the_limit(client, article, settings):
    settings.COMMENTS_RATE_LIMIT = 1
    post(client, article, body="")
    post(client, article, email="")

    assert post(client, article).status_code == 303


def test_opening_the_comment_address_leads_back_to_the_article(client, article):
    response = client.get(comment_url(article))

    assert response.status_code == 303
    assert response["Location"] == article.url + "#comments"


# --- Closed, draft and private articles ------------------------------------------------------


def close_comments(article):
    article.comments_open = False
    article.save_revision().publish()
    article.refresh_from_db()


def test_a_closed_article_says_so_instead_of_the_form_and_keeps_its_comments(client, article):
    CommentFactory(article=article, body="Approved before comments closed.")
    close_comments(article)

    section = soup(client.get(article.url)).select_one("#comments")

    assert section.find("form") is None
    assert "Comments are closed for this article." in section.get_text()
    assert "Approved before comments closed." in section.get_text()
    assert section.h2.get_text(strip=True) == "1 comment"


def test_a_comment_on_a_closed_article_is_refused_and_shown_back(client, article):
    close_comments(article)

    response = post(client, article, body="Sent after closing.")

    assert response.status_code == 403
    assert Comment.objects.count() == 0
    section = soup(response).select_one("#comments")
    assert "Your comment was not posted" in section.get_text()
    assert "Sent after closing." in section.select_one(".comment__text--refused").get_text()
    assert section.find("form") is None


def test_comments_close_on_their_own_after_the_set_number_of_days(client, article, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    article.first_published_at = timezone.now() - datetime.timedelta(days=31)
    article.save(update_fields=["first_published_at"])

    assert "Comments are closed" in client.get(article.url).content.decode()
    assert post(client, article).status_code == 403
    assert Comment.objects.count() == 0


def test_comments_stay_open_until_that_day(client, article, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    article.first_published_at = timezone.now() - datetime.timedelta(days=29)
    article.save(update_fields=["first_published_at"])

    assert post(client, article).status_code == 303


def test_zero_days_means_comments_never_close_on_their_own(client, article, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0
    article.first_published_at = timezone.now() - datetime.timedelta(days=3650)
    article.save(update_fields=["first_published_at"])

    assert post(client, article).status_code == 303


def test_a_comment_on_a_draft_article_is_not_found(client, article_index):
    draft = ArticlePageFactory(
        parent=article_index, title="Not ready yet", publish=False, live=False
    )

    response = client.post(comment_url(draft), VALID)

    assert response.status_code == 404
    assert Comment.objects.count() == 0


def test_a_comment_on_an_unpublished_article_is_not_found(client, article):
    url = comment_url(article)
    article.unpublish()

    assert client.post(url, VALID).status_code == 404
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "restriction",
    [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD],
)
def test_a_comment_on_a_private_article_is_not_found(client, article, restriction):
    PageViewRestriction.objects.create(page=article, restriction_type=restriction, password="x")

    response = client.post(comment_url(article), VALID)

    assert response.status_code == 404
    assert Comment.objects.count() == 0


def test_readers_of_a_private_article_see_its_comments_but_no_form(
    client, article, django_user_model
):
    CommentFactory(article=article, body="Posted while the article was public.")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("reader", "r@example.com", "pw"))

    section = soup(client.get(article.url)).select_one("#comments")

    assert "Posted while the article was public." in section.get_text()
    assert section.find("form") is None
    assert "Comments are closed for this article." in section.get_text()


def test_a_comment_on_an_article_in_a_private_section_is_not_found(client, article, article_index):
    PageViewRestriction.objects.create(
        page=article_index, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.post(comment_url(article), VALID).status_code == 404
    assert Comment.objects.count() == 0


# --- Telling the moderators ------------------------------------------------------------------


def test_moderators_are_emailed_a_link_without_the_commenters_details(
    client, article, moderator, editor
):
    with mail_sent():
        post(client, article)

    comment = Comment.objects.get()
    assert [message.to for message in mail.outbox] == [["moderator@practice.example"]]
    message = mail.outbox[0]
    assert article.title in message.subject
    assert f"http://testserver/admin/comments/inspect/{comment.pk}/" in message.body
    for private in ("maria.private", "example.org", "Maria", "stretches"):
        assert private not in message.body
        assert private not in message.subject


def test_each_moderator_gets_their_own_email(client, article, moderator, django_user_model):
    other = django_user_model.objects.create_user("second", "second@practice.example", "pw")
    other.groups.add(*moderator.groups.all())
    django_user_model.objects.create_superuser("root", "root@practice.example", "pw")

    with mail_sent():
        post(client, article)

    assert sorted(message.to for message in mail.outbox) == [
        ["moderator@practice.example"],
        ["second@practice.example"],
    ]


def test_a_mail_server_that_is_down_does_not_lose_the_comment(client, article, moderator, settings):
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", bench_stack().free_port()  # closed

    with mail_sent():
        response = post(client, article)

    assert response.status_code == 303
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 1
    assert mail.outbox == []
    queue = task_backends["background"].results
    (retry,) = [result for result in queue if result.task.func is send_message.func]
    assert retry.kwargs == {"attempt": 2}  # the worker tries again later


def test_the_cached_article_never_serves_one_visitors_form_or_token_to_another(article):
    from django.test import Client

    first, second = Client(enforce_csrf_checks=False), Client()
    first.get(article.url)  # warms the article's cached fragments
    errors = post(first, article, name="", body="My private words about my pain")
    assert errors.status_code == 400 and "My private words" in errors.content.decode()

    page = second.get(article.url).content.decode()
    assert "My private words" not in page
    assert "There is a problem" not in page
    # Anonymous visitors' forms carry no token at all (their posts are checked by Origin,
    # practice/cross_site.py), so there is none that could pass from one to the other.
    for visitor in (first, second):
        assert soup(visitor.get(article.url)).select_one("input[name=csrfmiddlewaretoken]") is None
