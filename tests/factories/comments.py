"""Comments patients leave under articles, and the practice's replies."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from education.comments.models import Comment

from .education import ArticlePageFactory


class CommentFactory(DjangoModelFactory):
    """An approved comment, posted a minute after the one made before it (so their order is
    known), a month ago."""

    class Meta:
        model = Comment

    article = factory.SubFactory(ArticlePageFactory)
    name = "Dana"
    email = "dana.private@example.com"
    body = "This helped me understand my back pain."
    status = Comment.Status.APPROVED
    created_at = factory.Sequence(
        lambda n: timezone.now() - datetime.timedelta(days=30) + datetime.timedelta(minutes=n)
    )


class ReplyFactory(DjangoModelFactory):
    """The practice's approved reply to `parent`, two hours after it."""

    class Meta:
        model = Comment

    parent = factory.SubFactory(CommentFactory)
    article = factory.SelfAttribute("parent.article")
    is_practice_reply = True
    name = "Rubin Pain Management"
    body = "Thank you for your kind words."
    status = Comment.Status.APPROVED
    created_at = factory.LazyAttribute(
        lambda reply: reply.parent.created_at + datetime.timedelta(hours=2)
    )
