"""Comments under two demo articles: a few approved ones, a reply from the practice, and one
still waiting for review (it shows in the admin, never on the site). Our own words."""

import datetime

from django.utils import timezone

from education.comments.models import Comment
from education.models import ArticlePage

PRACTICE_NAME = "Rubin Pain Management"

# (article slug, days after the article's date, name, e-mail, text, status, practice reply)
COMMENTS = [
    (
        "exercise-for-low-back-pain",
        4,
        "Lorraine",
        "lorraine.demo@example.com",
        "I started with the knee hugs while the kettle boils, as suggested. Two weeks in I can "
        "put my socks on standing up again. Small things!",
        Comment.Status.APPROVED,
        None,
    ),
    (
        "exercise-for-low-back-pain",
        9,
        "Tomás",
        "tomas.demo@example.com",
        "How do I know whether soreness the next day is normal or a sign I overdid it?",
        Comment.Status.APPROVED,
        "Good question. Mild soreness that settles within a day or two is common when you "
        "start moving more. If it lasts longer, cut back to the amount that felt fine and "
        "build up more slowly. Pain that runs down a leg, numbness or weakness is different: "
        "call us about those rather than pushing on.",
    ),
    (
        "exercise-for-low-back-pain",
        15,
        "Bea",
        "bea.demo@example.com",
        "Walking in the pool has been the easiest way for me to begin. The water takes the "
        "edge off.",
        Comment.Status.APPROVED,
        None,
    ),
    (
        "sleep-and-pain",
        6,
        "Graham",
        "graham.demo@example.com",
        "Getting up at the same time every day, even on Sundays, made more difference to my "
        "nights than anything else I tried.",
        Comment.Status.APPROVED,
        None,
    ),
    (
        "sleep-and-pain",
        21,
        "Anonymous",
        "waiting.demo@example.com",
        "Is it safe to take my sleeping tablet with my pain medicine?",
        Comment.Status.PENDING,
        None,
    ),
]


def build(log):
    articles = {
        article.slug: article
        for article in ArticlePage.objects.filter(slug__in={spec[0] for spec in COMMENTS})
    }
    for slug, days, name, email, body, status, reply in COMMENTS:
        article = articles.get(slug)
        if article is None:
            continue
        comment = _comment(article, days, name, email, body, status, log)
        if reply:
            _reply(comment, reply)


def _posted(article, days):
    """Noon a few days after the article's date, but never in the future."""
    day = article.display_date + datetime.timedelta(days=days)
    posted = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return min(posted, timezone.now() - datetime.timedelta(hours=1))


def _comment(article, days, name, email, body, status, log):
    posted = _posted(article, days)
    comment, created = Comment.objects.get_or_create(
        article=article,
        name=name,
        parent=None,
        defaults={
            "email": email,
            "body": body,
            "status": status,
            "created_at": posted,
            "moderated_at": None if status == Comment.Status.PENDING else posted,
        },
    )
    if created:
        log(f"Added a comment by {name} on {article.title!r}.")
    return comment


def _reply(comment, body):
    Comment.objects.get_or_create(
        parent=comment,
        defaults={
            "article": comment.article,
            "is_practice_reply": True,
            "name": PRACTICE_NAME,
            "body": body,
            "status": Comment.Status.APPROVED,
            "created_at": comment.created_at + datetime.timedelta(hours=20),
            "moderated_at": comment.created_at + datetime.timedelta(hours=20),
        },
    )
