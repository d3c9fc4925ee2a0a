"""The comment section an article template pulls in: `{% comment_section page %}`."""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse

from education.models import ArticlePage
from practice.cache import kept_fragment
from practice.cross_site import token_required

from ..forms import CommentForm
from ..models import approved_thread, comments_closed_reason

register = template.Library()


@register.inclusion_tag("components/comment_section.html", takes_context=True)
def comment_section(context, article):
    """The approved thread (never kept: it is read on every render), then the form (or why
    comments are closed). After a post that went wrong, the view hands in its bound form and
    what to tell the person.

    A private article takes no comments (its comment address does not exist), so people who
    may read it see the sentence for closed comments instead of a form that cannot work.
    """
    closed_reason = "private" if is_private(article) else comments_closed_reason(article)
    return {
        "settings": context.get("settings"),
        "request": context.get("request"),
        "messages": context.get("messages"),
        "comment_thread": approved_thread(article),
        "comment_form_html": comment_form(context, article, closed_reason),
    }


def comment_form(context, article, closed_reason):
    """The form (or why comments are closed). A fresh form for an anonymous visitor with
    nothing to be told is the same for everyone: it is rendered once per content version and
    language, where a re-shown form, a refusal or a signed-in person's token is rendered anew."""
    request = context.get("request")
    given = {
        name: context.get(name)
        for name in (
            "comment_form",
            "comment_refused_as_closed",
            "refused_comment",
            "comment_rate_limited",
        )
    }
    form_context = {
        **given,
        "settings": context.get("settings"),
        "request": request,
        "comments_closed_reason": closed_reason,
        "comment_form": given["comment_form"] or (None if closed_reason else CommentForm()),
        "comment_post_url": reverse("article_comments:post", args=[article.pk or 0]),
    }

    def render():
        return render_to_string("components/comment_form.html", form_context)

    if any(given.values()) or request is None or token_required(request) or article.pk is None:
        return render()
    return kept_fragment("comment-form", (article.pk, closed_reason), render)


def is_private(article):
    """In a section with a view restriction (login or password)."""
    if article.pk is None:  # a preview of an article never saved
        return False
    known = getattr(article, "in_private_section", None)  # set when routed (BasePage.route)
    if known is not None:
        return known
    return not ArticlePage.objects.filter(pk=article.pk).public().exists()
