"""Comments under two demo articles: a few approved ones, a reply from the practice, and one
still waiting for review (it shows in the admin, never on the site).

The words are in content/comments.yaml; replies are signed with the practice's name from
content/site.yaml.
"""

import datetime

from django.utils import timezone

from education.comments.models import Comment
from education.models import ArticlePage

from .loader import load
from .tree import english_pages


def build(log):
    specs = load("comments")
    practice_name = load("site")["practice"]["name"]
    articles = {
        article.slug: article
        for article in english_pages(ArticlePage).filter(
            slug__in={spec["article"] for spec in specs}
        )
    }
    for spec in specs:
        article = articles.get(spec["article"])
        if article is None:
            continue
        comment = _comment(article, spec, log)
        if spec.get("reply"):
            _reply(comment, practice_name, spec["reply"])


def _posted(article, days):
    """Noon a few days after the article's date, but never in the future."""
    day = article.display_date + datetime.timedelta(days=days)
    posted = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return min(posted, timezone.now() - datetime.timedelta(hours=1))


def _comment(article, spec, log):
    posted = _posted(article, spec["days"])
    status = Comment.Status(spec["status"])
    comment, created = Comment.objects.get_or_create(
        article=article,
        name=spec["name"],
        parent=None,
        defaults={
            "email": spec["email"],
            "body": spec["text"],
            "status": status,
            "created_at": posted,
            "moderated_at": None if status == Comment.Status.PENDING else posted,
        },
    )
    if created:
        log(f"Added a comment by {comment.name} on {article.title!r}.")
    return comment


def _reply(comment, practice_name, body):
    Comment.objects.get_or_create(
        parent=comment,
        defaults={
            "article": comment.article,
            "is_practice_reply": True,
            "name": practice_name,
            "body": body,
            "status": Comment.Status.APPROVED,
            "created_at": comment.created_at + datetime.timedelta(hours=20),
            "moderated_at": comment.created_at + datetime.timedelta(hours=20),
        },
    )
