"""Posting a comment under an article: the form on every article posts here."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from education.models import ArticlePage
from practice.responses import never_store
from practice.spam import RateLimiter, is_honeypot_filled

from .forms import CommentForm
from .models import comments_closed_reason
from .moderation import notify_moderators

AWAITING_REVIEW = _(
    "Thank you for your comment. It will appear under the article once a member of our team "
    "has reviewed it."
)


def rate_limiter():
    return RateLimiter(
        "comments",
        limit=settings.COMMENTS_RATE_LIMIT,
        period=settings.COMMENTS_RATE_LIMIT_PERIOD,
    )


def back_to_comments(request, article):
    # 303 See Other: the browser follows with a GET, so reloading never posts again.
    url = (article.get_url(request) or "/") + "#comments"
    return never_store(HttpResponseRedirect(url, status=303))


def post_comment(request, article_id):
    """Store a new comment for review, or show the article again with what went wrong.

    Drafts and private articles take no comments: for them this address does not exist. A
    closed article refuses the comment but shows the text back, so the person loses nothing.
    """
    article = get_object_or_404(ArticlePage.objects.live_public(), pk=article_id)
    if article.get_url(request) is None:
        raise Http404("The article is not on this site.")
    if request.method != "POST":
        return back_to_comments(request, article)
    if is_honeypot_filled(request.POST):
        # A bot: it is told what a person is told, and nothing is stored.
        messages.success(request, AWAITING_REVIEW)
        return back_to_comments(request, article)

    form = CommentForm(request.POST)
    overrides = {"comment_form": form}
    status = 200
    if comments_closed_reason(article):
        overrides.update(comment_refused_as_closed=True, refused_comment=request.POST.get("body"))
        status = 403
    elif not form.is_valid():
        status = 400
    elif not rate_limiter().hit(request):
        overrides["comment_rate_limited"] = True
        status = 429
    else:
        comment = form.save(commit=False)
        comment.article = article
        comment.save()
        notify_moderators(comment)
        messages.success(request, AWAITING_REVIEW)
        return back_to_comments(request, article)

    context = {**article.get_context(request), **overrides}
    response = TemplateResponse(request, article.get_template(request), context, status=status)
    return never_store(response)
