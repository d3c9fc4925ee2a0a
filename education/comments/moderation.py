"""Decisions on comments: who made them (Wagtail's audit log), practice replies, and the email
that tells moderators a comment is waiting.

Decisions and replies change what the public sees under an article only through `decide()` and
`post_practice_reply()`: a page cache that must forget an article's comments belongs there. (A
moderator's edit or deletion of a comment goes through Wagtail's snippet views, which send the
usual post_save and post_delete signals.)
"""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from practice.cache import invalidate_pages
from practice.log_actions import log_formatter
from practice.site_url import absolute

from .models import Comment

# The permission that makes someone a moderator (held by the Comment moderators group, see the
# education migrations). Superusers can moderate too, but get emails only as group members.
MODERATE_PERMISSION = "comments.change_comment"

APPROVE = "comments.comment.approve"
REJECT = "comments.comment.reject"
MARK_SPAM = "comments.comment.mark_spam"
REPLY = "comments.comment.reply"

ACTION_FOR_STATUS = {
    Comment.Status.APPROVED: APPROVE,
    Comment.Status.REJECTED: REJECT,
    Comment.Status.SPAM: MARK_SPAM,
}


def decide(comments, status, user):
    """Set `status` on each comment that does not have it yet, recording who decided and
    when, with one audit log entry per comment. Returns the comments that changed."""
    action = ACTION_FOR_STATUS[status]
    now = timezone.now()
    changed = [comment for comment in comments if comment.status != status]
    previous_statuses = {comment.status for comment in changed}
    with transaction.atomic():
        for comment in changed:
            previous = comment.status
            comment.status = status
            comment.moderated_by = user
            comment.moderated_at = now
            comment.save(update_fields=["status", "moderated_by", "moderated_at"])
            log(
                comment,
                action,
                user=user,
                data={"previous_status": previous, "article_id": comment.article_id},
            )
    if any(Comment.Status.APPROVED in (status, previous) for previous in previous_statuses):
        # The thread patients see changed: comments are left out of the automatic cache
        # invalidation (a flood of new ones must not empty the cache), so say so here.
        articles = {comment.article for comment in changed}
        invalidate_pages(articles, "comment moderation")
    return changed


def post_practice_reply(comment, name, body, user):
    """A reply from the practice under a patient's comment. Staff wrote it, so it needs no
    review of its own, but it shows only while the comment it answers is approved."""
    if comment.is_practice_reply:
        raise ValueError("The practice replies to patients' comments, not to its own replies.")
    now = timezone.now()
    with transaction.atomic():
        reply = Comment.objects.create(
            article_id=comment.article_id,
            parent=comment,
            is_practice_reply=True,
            replied_by=user,
            name=name,
            body=body,
            status=Comment.Status.APPROVED,
            moderated_by=user,
            moderated_at=now,
            created_at=now,
        )
        log(comment, REPLY, user=user, data={"reply_id": reply.pk})
    if comment.is_approved:
        invalidate_pages([comment.article], "practice reply to a comment")
    return reply


# --- Email to moderators ------------------------------------------------------------------


def moderator_addresses():
    """Email addresses of active users who can moderate through a group or their own
    permissions (not merely by being a superuser)."""
    users = get_user_model().objects.with_perm(
        MODERATE_PERMISSION, is_active=True, include_superusers=False
    )
    return sorted({user.email for user in users if user.email})


def comment_admin_url(comment):
    path = reverse("comments:inspect", args=[comment.pk])
    return absolute(path)


def render_notification(comment):
    """The email's text: which article, and where to review the comment. Nothing the
    commenter typed: not their email address, not what they wrote."""
    return render_to_string(
        "comments/comment_waiting.txt",
        {"comment": comment, "article": comment.article, "admin_url": comment_admin_url(comment)},
    )


def send_notification(comment_pk):
    comment = Comment.objects.select_related("article").get(pk=comment_pk)
    addresses = moderator_addresses()
    if not addresses:
        return
    subject = f"A comment is waiting for review: {comment.article.title}"
    body = render_notification(comment)
    # One message each: moderators need not see who else was told. Queued: the background
    # worker sends them (practice/mail.py), so a mail server that is down or hangs never holds
    # up the patient, whose comment is stored and listed in the admin either way.
    messages = [EmailMessage(subject, body, to=[address]) for address in addresses]
    get_connection().send_messages(messages)


def notify_moderators(comment):
    """Tell moderators once the new comment is safely stored."""
    transaction.on_commit(lambda: send_notification(comment.pk))


# --- Audit log ---------------------------------------------------------------------------


def _status_label(value):
    try:
        return Comment.Status(value).label.lower()
    except ValueError:
        return value


def _decision(verb):
    def message(data):
        previous = data.get("previous_status")
        return f"{verb} (was {_status_label(previous)})" if previous else verb

    return message


FORMATTERS = {
    APPROVE: log_formatter("Approve comment", _decision("Approved the comment")),
    REJECT: log_formatter("Reject comment", _decision("Rejected the comment")),
    MARK_SPAM: log_formatter("Mark comment as spam", _decision("Marked the comment as spam")),
    REPLY: log_formatter(
        "Reply to comment as the practice",
        lambda data: f"Replied as the practice (reply {data.get('reply_id')})",
    ),
}
