"""WordPress comments become moderated comments under the article, in the state WordPress had
them: approved stays approved, waiting (0) stays waiting, and one the export gives no state
waits too. Spam, trash, pingbacks and trackbacks are not imported. Email addresses are kept,
and stay private as always.

Threading. Here only the practice replies to a comment (Comment.parent is for practice
replies, and the database holds to it). So a WordPress reply written by one of the site's
authors under a patient's comment becomes a practice reply under it; a reply from anyone else
becomes a comment of its own that starts "In reply to <name>:", in its place by date.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from education.comments.models import MAX_BODY_LENGTH, MAX_NAME_LENGTH, Comment

from . import html_tree
from .mapping import Kind, find_all, fingerprint, remember, target
from .records import plain_text
from .report import Outcome, Skip

STATES = {"1": Comment.Status.APPROVED, "0": Comment.Status.PENDING}
SKIPPED_STATES = {
    "spam": "marked as spam in WordPress",
    "trash": "in the WordPress trash",
    "post-trashed": "its post is in the WordPress trash",
}
NO_STATE = "no state in the export: it waits for approval in the comment queue"


def comment_text(content):
    """Plain text with its paragraphs (comments are shown as text, never as HTML)."""
    return html_tree.plain_text(content, lines=True)


def email_or_blank(address):
    address = (address or "").strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def label(comment, item):
    number = comment.wp_id or "(no ID)"
    return f"{number} by {plain_text(comment.author) or 'Anonymous'} on {item.label!r}"


def import_comment(comment, article, ctx, thread):
    """`thread` holds what the post's earlier comments became ({WordPress ID: Comment}) and
    what the import knew of them before ({WordPress ID: ImportedItem})."""
    if comment.type in ("pingback", "trackback"):
        raise Skip(f"a {comment.type}, not a comment")
    if comment.type not in ("", "comment"):
        raise Skip(f"WordPress {comment.type!r} comments are not imported")
    if not comment.wp_id:
        raise Skip(
            "it has no WordPress ID (wp:comment_id), so a later import could not tell it from "
            "a new one"
        )
    if comment.approved in SKIPPED_STATES:
        raise Skip(SKIPPED_STATES[comment.approved])
    notes = [NO_STATE] if not comment.approved else []
    if comment.approved and comment.approved not in STATES:
        raise Skip(f"its WordPress state {comment.approved!r} is unknown")
    fields = _fields(comment, article, ctx, notes, thread)
    record = thread.records.get(comment.wp_id)
    existing = record.target if record else None
    signature = fingerprint(fields["body"], fields["status"], fields["name"], fields["parent_id"])
    if existing is not None and record.fingerprint == signature:
        thread.comments[comment.wp_id] = existing
        return Outcome("unchanged", existing)
    if existing is not None and existing.moderated_by_id:
        raise Skip("moderated in Wagtail since the last import, so left as it is")
    if record is not None and existing is None:
        raise Skip("deleted in Wagtail after an earlier import, so not brought back")
    saved = existing or Comment()
    for name, value in fields.items():
        setattr(saved, name, value)
    saved.save()
    remember(Kind.COMMENT, comment.wp_id, saved, signature, record=record)
    thread.comments[comment.wp_id] = saved
    return Outcome("updated" if existing else "created", saved, notes)


class Thread:
    """The comments of one post, as the import goes through them."""

    def __init__(self, comments):
        keys = [c.wp_id for c in comments]
        self.records = {r.wordpress_key: r for r in find_all(Kind.COMMENT, keys)}
        self.comments = {}

    def parent_of(self, comment):
        if comment.parent_id in ("", "0"):
            return None
        return self.comments.get(comment.parent_id) or target(Kind.COMMENT, comment.parent_id)


def _fields(comment, article, ctx, notes, thread):
    body = comment_text(comment.content)
    if not body:
        raise Skip("it has no text")
    parent = thread.parent_of(comment)
    practice_reply = (
        parent is not None and not parent.is_practice_reply and comment.user_id in ctx.staff_ids
    )
    if parent is not None and not practice_reply:
        body = f"In reply to {parent.name}: {body}"
    if len(body) > MAX_BODY_LENGTH:
        notes.append(f"cut to the {MAX_BODY_LENGTH} characters a comment may have")
        body = body[: MAX_BODY_LENGTH - 1] + "…"
    status = STATES.get(comment.approved, Comment.Status.PENDING)
    posted = comment.posted_at or article.first_published_at or article.latest_revision_created_at
    return {
        "article_id": article.pk,
        "parent_id": parent.pk if practice_reply else None,
        "is_practice_reply": practice_reply,
        "name": (plain_text(comment.author) or "Anonymous")[:MAX_NAME_LENGTH],
        "email": email_or_blank(comment.email),
        "body": body,
        "status": status,
        "created_at": posted,
        "moderated_at": posted if status == Comment.Status.APPROVED else None,
    }
