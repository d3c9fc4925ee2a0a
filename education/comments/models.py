"""The comment itself, the rules for when an article takes new ones, and the thread a patient
sees under an article."""

import dataclasses
import datetime

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext

MAX_NAME_LENGTH = 80
MAX_BODY_LENGTH = 2000


def close_after_days():
    """Days after an article is first published that it stops taking comments (0: never)."""
    return settings.COMMENTS_CLOSE_AFTER_DAYS


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for review"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        SPAM = "spam", "Spam"

    article = models.ForeignKey(
        "education.ArticlePage", on_delete=models.CASCADE, related_name="comments"
    )
    # Patients comment on the article; only the practice replies to a comment.
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment this practice reply answers.",
    )
    is_practice_reply = models.BooleanField(default=False, editable=False)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text="The member of staff who wrote this practice reply.",
    )
    name = models.CharField(max_length=MAX_NAME_LENGTH)
    # Never shown in public; the practice may use it to answer privately.
    email = models.EmailField("email address", blank=True)
    body = models.TextField(
        "comment", max_length=MAX_BODY_LENGTH, validators=[MaxLengthValidator(MAX_BODY_LENGTH)]
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING, editable=False
    )
    created_at = models.DateTimeField("posted", default=timezone.now, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "comment"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_thread"),
            models.Index(fields=["status", "-created_at"], name="comment_moderation_queue"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_practice_reply=False, parent__isnull=True)
                | Q(is_practice_reply=True, parent__isnull=False),
                name="comment_only_practice_replies_have_a_parent",
            )
        ]

    def __str__(self):
        # Shown in admin listings, messages and the audit log: never the email address.
        if self.is_practice_reply:
            return f"Practice reply {self.pk}"
        return f"Comment {self.pk} by {self.name}"

    @property
    def excerpt(self):
        """The start of the text, on one line, for lists in the admin."""
        text = " ".join(self.body.split())
        return text if len(text) <= 90 else text[:89].rstrip() + "…"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


def comments_close_at(article):
    """When the article stops taking comments on its own, or None if it never does."""
    days = close_after_days()
    if not days or article.first_published_at is None:
        return None
    return article.first_published_at + datetime.timedelta(days=days)


def comments_closed_reason(article, now=None):
    """Why the article takes no new comments ("off", "expired"), or None when it does.

    Drafts and private articles are not covered here: their comment address does not exist
    (see ArticlePage.route).
    """
    if not article.comments_open:
        return "off"
    close_at = comments_close_at(article)
    if close_at is not None and (now or timezone.now()) >= close_at:
        return "expired"
    return None


@dataclasses.dataclass
class CommentThread:
    """The approved comments under one article, oldest first, each with its approved
    replies from the practice in `shown_replies`."""

    comments: list
    count: int

    @property
    def heading(self):
        if self.count == 0:
            return gettext("No comments yet")
        return ngettext("{count} comment", "{count} comments", self.count).format(count=self.count)


# What the public thread needs; the email address is never even loaded.
PUBLIC_FIELDS = ("pk", "parent_id", "is_practice_reply", "name", "body", "created_at")


def approved_thread(article):
    """The article's approved comments and replies in one query, whatever their number.

    A practice reply is shown only under an approved comment, so a reply written while its
    comment still waits for review never appears on its own.
    """
    if article.pk is None:  # a preview of an article that was never saved
        return CommentThread(comments=[], count=0)
    approved = (
        Comment.objects.filter(article_id=article.pk, status=Comment.Status.APPROVED)
        .only(*PUBLIC_FIELDS)
        .order_by("created_at", "pk")
    )
    comments, by_id = [], {}
    replies = []
    for comment in approved:
        if comment.parent_id is None:
            comment.shown_replies = []
            comments.append(comment)
            by_id[comment.pk] = comment
        else:
            replies.append(comment)
    count = len(comments)
    for reply in replies:
        if reply.parent_id in by_id:
            by_id[reply.parent_id].shown_replies.append(reply)
            count += 1
    return CommentThread(comments=comments, count=count)
