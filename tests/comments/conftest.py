"""Articles with comments, and the people who write and moderate them."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from education.comments.models import Comment
from tests.education.conftest import (  # noqa: F401  (fixtures)
    article,
    article_index,
    back_pain,
    clinician_index,
    make_article,
    rubin,
)

MODERATORS = "Comment moderators"


@pytest.fixture
def home_page(db):
    """The demo practice without its articles, so each test builds exactly the articles and
    comments it talks about."""
    from home.demo import site

    return site.build(log=lambda message: None)


_minutes = iter(range(1, 10_000_000))


def make_comment(page, status=Comment.Status.APPROVED, **fields):
    """A comment posted a minute after the previous one, so their order is known."""
    fields.setdefault("name", "Dana")
    fields.setdefault("email", "dana.private@example.com")
    fields.setdefault("body", "This helped me understand my back pain.")
    fields.setdefault(
        "created_at",
        timezone.now() - datetime.timedelta(days=30) + datetime.timedelta(minutes=next(_minutes)),
    )
    return Comment.objects.create(article=page, status=status, **fields)


def make_reply(comment, body="Thank you for your kind words.", **fields):
    fields.setdefault("name", "Rubin Pain Management")
    fields.setdefault("created_at", comment.created_at + datetime.timedelta(hours=2))
    return Comment.objects.create(
        article=comment.article,
        parent=comment,
        is_practice_reply=True,
        status=Comment.Status.APPROVED,
        body=body,
        **fields,
    )


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "moderator", "moderator@practice.example", "pw", first_name="Mo", last_name="Reyes"
    )
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user
