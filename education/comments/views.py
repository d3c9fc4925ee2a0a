"""Posting a comment under an article (the article's `comment/` address)."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect

from practice.spam import RateLimiter, is_honeypot_filled

from ..queries import private_paths
from .forms import CommentForm
from .models import approved_thread, comments_closed_reason
from .moderation import notify_moderators

AWAITING_REVIEW = (
    "Thank you for your comment. It will appear under the article once a member of our team "
    "has reviewed it."
)


def rate_limiter():
    return RateLimiter(
        "comments",
        limit=getattr(settings, "COMMENTS_RATE_LIMIT", 5),
        period=getattr(settings, "COMMENTS_RATE_LIMIT_PERIOD", 60 * 60),
    )


def is_private(article, request):
    """In a section with a view restriction (login or password)."""
    return any(article.path.startswith(path) for path in private_paths(request))


def comment_context(article, request):
    """What the comment section of an article page needs, for its template.

    A private article takes no comments (its comment address does not exist), so people who
    may read it see the sentence for closed comments instead of a form that cannot work.
    """
    closed_reason = "private" if is_private(article, request) else comments_closed_reason(article)
    article_url = article.get_url(request) or ""
    return {
        "comment_thread": approved_thread(article),
        "comments_closed_reason": closed_reason,
        "comment_form": None if closed_reason else CommentForm(),
        "comment_post_url": article_url + article.reverse_subpage("post_comment"),
    }


def never_store(response):
    """What a person typed (their e-mail address among it) is kept by no cache."""
    response["Cache-Control"] = "private, no-store"
    return response


def back_to_comments(request, article):
    # 303 See Other: the browser follows with a GET, so reloading never posts again.
    url = (article.get_url(request) or "/") + "#comments"
    return never_store(HttpResponseRedirect(url, status=303))


def post_comment(request, article):
    """Store a new comment for review, or show the article again with what went wrong.

    Drafts and private articles never get here (ArticlePage.route answers 404). A closed
    article refuses the comment but shows the text back, so the person loses nothing.
    """
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

    response = article.render(request, context_overrides=overrides)
    response.status_code = status
    return never_store(response)
