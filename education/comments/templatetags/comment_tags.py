"""The comment section an article template pulls in: `{% comment_section page %}`."""

from django import template
from django.urls import reverse

from education.models import ArticlePage

from ..forms import CommentForm
from ..models import approved_thread, comments_closed_reason

register = template.Library()


@register.inclusion_tag("components/comment_section.html", takes_context=True)
def comment_section(context, article):
    """The approved thread, then the form (or why comments are closed). After a post that
    went wrong, the view hands in its bound form and what to tell the person.

    A private article takes no comments (its comment address does not exist), so people who
    may read it see the sentence for closed comments instead of a form that cannot work.
    """
    closed_reason = "private" if is_private(article) else comments_closed_reason(article)
    form = context.get("comment_form") or (None if closed_reason else CommentForm())
    return {
        "settings": context.get("settings"),
        "request": context.get("request"),
        "messages": context.get("messages"),
        "comment_thread": approved_thread(article),
        "comments_closed_reason": closed_reason,
        "comment_form": form,
        "comment_post_url": reverse("article_comments:post", args=[article.pk or 0]),
        "comment_refused_as_closed": context.get("comment_refused_as_closed"),
        "refused_comment": context.get("refused_comment"),
        "comment_rate_limited": context.get("comment_rate_limited"),
    }


def is_private(article):
    """In a section with a view restriction (login or password)."""
    if article.pk is None:  # a preview of an article never saved
        return False
    known = getattr(article, "in_private_section", None)  # set when routed (BasePage.route)
    if known is not None:
        return known
    return not ArticlePage.objects.filter(pk=article.pk).public().exists()
