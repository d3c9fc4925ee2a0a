"""Staff moderate comments in the admin: the listing, each comment's page, replies as the
practice, bulk decisions, and every decision in Wagtail's audit log."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry

from education.comments import moderation
from education.comments.models import Comment
from tests.comments.helpers import LIST_URL, bulk_url, inspect_url, listed_comment_ids
from tests.factories import ArticlePageFactory, CommentFactory, ReplyFactory

pytestmark = pytest.mark.django_db


def test_the_listing_filters_by_status_and_article(client, article, article_index, moderator):
    other_article = ArticlePageFactory(parent=article_index, title="Sleep and pain")
    pending_here = CommentFactory(article=article, status=Comment.Status.PENDING)
    pending_there = CommentFactory(article=other_article, status=Comment.Status.PENDING)
    approved_here = CommentFactory(article=article, status=Comment.Status.APPROVED)
    spam_here = CommentFactory(article=article, status=Comment.Status.SPAM)
    client.force_login(moderator)

    assert listed_comment_ids(client.get(LIST_URL)) == sorted(
        c.pk for c in (pending_here, pending_there, approved_here, spam_here)
    )
    assert listed_comment_ids(client.get(LIST_URL + "?status=pending")) == sorted(
        [pending_here.pk, pending_there.pk]
    )
    assert listed_comment_ids(client.get(LIST_URL + "?status=spam")) == [spam_here.pk]
    assert listed_comment_ids(
        client.get(LIST_URL + f"?status=pending&article={other_article.pk}")
    ) == [pending_there.pk]


def test_the_listing_searches_names_text_and_addresses(client, article, moderator):
    by_name = CommentFactory(article=article, name="Gwendolyn")
    by_text = CommentFactory(article=article, body="Acupuncture did nothing for me.")
    by_email = CommentFactory(article=article, email="unusual.address@example.net")
    CommentFactory(article=article, name="Someone else", body="Nothing to find here.")
    client.force_login(moderator)

    assert listed_comment_ids(client.get(LIST_URL + "?q=gwendolyn")) == [by_name.pk]
    assert listed_comment_ids(client.get(LIST_URL + "?q=acupuncture")) == [by_text.pk]
    assert listed_comment_ids(client.get(LIST_URL + "?q=unusual.address")) == [by_email.pk]


def test_the_listing_shows_each_comment_with_its_article_and_status(client, article, moderator):
    comment = CommentFactory(
        article=article, status=Comment.Status.PENDING, body="How long until it helps?"
    )
    client.force_login(moderator)

    html = client.get(LIST_URL).content.decode()

    assert article.title in html
    assert "Waiting for review" in html
    assert "How long until it helps?" in html
    assert f'href="{inspect_url(comment)}"' in html


def test_the_listing_does_not_grow_in_queries_with_its_comments(
    client, article, moderator, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(moderator)
    CommentFactory(article=article)
    client.get(LIST_URL)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL)
    for _ in range(19):
        CommentFactory(article=article)
    with django_assert_max_num_queries(len(few)):
        assert client.get(LIST_URL).status_code == 200


def test_deleting_an_article_deletes_its_comments_and_the_listing_still_works(
    client, article, article_index, moderator
):
    kept_article = ArticlePageFactory(parent=article_index, title="Kept article")
    question = CommentFactory(article=article)
    ReplyFactory(parent=question)
    kept = CommentFactory(article=kept_article)
    client.force_login(moderator)

    article.delete()

    assert list(Comment.objects.values_list("pk", flat=True)) == [kept.pk]
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert listed_comment_ids(response) == [kept.pk]


def test_deleting_an_article_from_the_admin_deletes_its_comments(client, article, superuser):
    CommentFactory(article=article)
    client.force_login(superuser)

    response = client.post(reverse("wagtailadmin_pages:delete", args=[article.pk]))

    assert response.status_code == 302
    assert Comment.objects.count() == 0


# --- One comment: full text, decisions, reply ---------------------------------------------------


def test_the_detail_page_shows_the_full_text_and_the_address(client, article, moderator):
    long_text = "I have had sciatica for years. " * 60
    comment = CommentFactory(
        article=article,
        status=Comment.Status.PENDING,
        body=long_text.strip(),
        email="pat@example.org",
    )
    client.force_login(moderator)

    response = client.get(inspect_url(comment))

    assert response.status_code == 200
    html = response.content.decode()
    assert long_text.strip() in html
    assert "pat@example.org" in html
    assert article.title in html
    assert "Reply as the practice" in html


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Comment.Status.APPROVED, moderation.APPROVE),
        (Comment.Status.REJECTED, moderation.REJECT),
        (Comment.Status.SPAM, moderation.MARK_SPAM),
    ],
)
def test_a_decision_is_recorded_with_who_and_when_in_the_audit_log(
    client, article, moderator, status, action
):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    response = client.post(inspect_url(comment), {"status": status})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == status
    assert comment.moderated_by == moderator
    assert comment.moderated_at is not None
    entry = ModelLogEntry.objects.get(action=action)
    assert entry.user_id == moderator.pk
    assert entry.object_id == str(comment.pk)
    assert entry.data["previous_status"] == Comment.Status.PENDING
    assert "@" not in entry.label


def test_the_site_history_report_describes_decisions(client, article, moderator, superuser):
    comment = CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(moderator)
    client.post(inspect_url(comment), {"status": Comment.Status.APPROVED})
    client.force_login(superuser)

    html = client.get("/admin/reports/site-history/").content.decode()

    assert "Approved the comment (was waiting for review)" in html


def test_a_comment_cannot_be_sent_back_to_pending(client, article, moderator):
    comment = CommentFactory(article=article, status=Comment.Status.APPROVED)
    client.force_login(moderator)

    assert client.post(inspect_url(comment), {"status": "pending"}).status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_a_moderator_replies_as_the_practice(client, article, moderator):
    comment = CommentFactory(
        article=article, status=Comment.Status.APPROVED, body="Does heat help?"
    )
    client.force_login(moderator)

    response = client.post(
        inspect_url(comment),
        {"name": "Rubin Pain Management", "body": "Heat helps many people with stiffness."},
    )

    assert response.status_code == 302
    reply = Comment.objects.get(parent=comment)
    assert reply.is_practice_reply
    assert reply.replied_by == moderator
    assert reply.status == Comment.Status.APPROVED
    assert ModelLogEntry.objects.filter(action=moderation.REPLY, object_id=str(comment.pk))
    page = client.get(article.url).content.decode()
    assert "Heat helps many people with stiffness." in page
    assert "Reply from the practice" in page


def test_an_empty_reply_is_refused_with_a_message(client, article, moderator):
    comment = CommentFactory(article=article)
    client.force_login(moderator)

    response = client.post(inspect_url(comment), {"name": "Rubin Pain Management", "body": ""})

    assert response.status_code == 400
    assert Comment.objects.count() == 1
    assert "This field is required." in response.content.decode()


def test_the_reply_form_suggests_the_practice_name(client, article, moderator):
    comment = CommentFactory(article=article)
    client.force_login(moderator)

    page = BeautifulSoup(client.get(inspect_url(comment)).content, "html.parser")

    assert page.find("input", attrs={"name": "name"})["value"] == "Rubin Pain Management"


# --- Bulk decisions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", Comment.Status.APPROVED),
        ("reject", Comment.Status.REJECTED),
        ("mark_spam", Comment.Status.SPAM),
    ],
)
def test_bulk_decisions_apply_to_the_selected_comments_only(
    client, article, moderator, action, status
):
    chosen = [CommentFactory(article=article, status=Comment.Status.PENDING) for _ in range(3)]
    untouched = CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    confirm = client.get(bulk_url(action, chosen, next=LIST_URL))
    assert confirm.status_code == 200
    assert "these 3 comments" in confirm.content.decode()
    response = client.post(bulk_url(action, chosen, next=LIST_URL))

    assert response.status_code == 302
    assert set(Comment.objects.filter(status=status)) == set(chosen)
    untouched.refresh_from_db()
    assert untouched.status == Comment.Status.PENDING
    assert ModelLogEntry.objects.filter(action=moderation.ACTION_FOR_STATUS[status]).count() == 3


def test_selecting_all_in_the_listing_keeps_its_filters(client, article, article_index, moderator):
    other_article = ArticlePageFactory(parent=article_index, title="Sleep and pain")
    pending_here = [
        CommentFactory(article=article, status=Comment.Status.PENDING) for _ in range(2)
    ]
    pending_there = CommentFactory(article=other_article, status=Comment.Status.PENDING)
    spam_here = CommentFactory(article=article, status=Comment.Status.SPAM)
    client.force_login(moderator)

    url = bulk_url("approve", status="pending", article=article.pk) + "&id=all"
    client.post(url)

    assert set(Comment.objects.filter(status=Comment.Status.APPROVED)) == set(pending_here)
    pending_there.refresh_from_db()
    spam_here.refresh_from_db()
    assert pending_there.status == Comment.Status.PENDING
    assert spam_here.status == Comment.Status.SPAM


def test_the_listing_offers_the_three_bulk_decisions(client, article, moderator):
    CommentFactory(article=article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    html = client.get(LIST_URL).content.decode()

    for action in ("approve", "reject", "mark_spam"):
        assert f"/admin/bulk/comments/comment/{action}/" in html


def test_a_moderator_can_take_private_details_out_of_a_comment(client, article, moderator):
    comment = CommentFactory(
        article=article, body="My GP, Dr. Smith at 12 Elm Road, says it is a disc."
    )
    client.force_login(moderator)

    response = client.post(
        reverse("comments:edit", args=[comment.pk]),
        {"name": comment.name, "body": "My doctor says it is a disc."},
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "My doctor says it is a disc."
    assert comment.status == Comment.Status.APPROVED
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(comment.pk))


def test_a_moderator_can_delete_a_comment(client, article, moderator):
    comment = CommentFactory(article=article, status=Comment.Status.SPAM)
    client.force_login(moderator)

    response = client.post(reverse("comments:delete", args=[comment.pk]))

    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_a_practice_reply_has_its_own_page_linking_to_the_comment(client, article, moderator):
    question = CommentFactory(article=article)
    reply = ReplyFactory(parent=question, body="We are glad it helped.")
    client.force_login(moderator)

    response = client.get(inspect_url(reply))

    assert response.status_code == 200
    html = response.content.decode()
    assert "We are glad it helped." in html
    assert f'href="{inspect_url(question)}"' in html
    assert "Reply as the practice" not in html
    assert client.post(inspect_url(reply), {"name": "x", "body": "y"}).status_code in (302, 403)
    assert Comment.objects.count() == 2
