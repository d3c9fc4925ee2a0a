"""Receiving 'Was this page helpful?': every answer gets a page that says what happened.

No cookie is set (no session, no message framework): the answer page is rendered directly.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.models import Page

from practice.responses import never_store
from practice.spam import RateLimiter, is_honeypot_filled

from .forms import FeedbackForm
from .pages import asks_for_feedback


def rate_limiter():
    return RateLimiter(
        "feedback", limit=settings.FEEDBACK_RATE_LIMIT, period=settings.FEEDBACK_RATE_LIMIT_PERIOD
    )


def answer(request, page, form, status, outcome):
    context = {"page": page, "form": form, "outcome": outcome, "page_url": page.get_url(request)}
    return never_store(
        TemplateResponse(request, "feedback/feedback_answer.html", context, status=status)
    )


def post_feedback(request, page_id):
    page = get_object_or_404(Page.objects.live().public().specific(), pk=page_id)
    if not asks_for_feedback(page) or page.get_url(request) is None:
        raise Http404("This page does not ask for feedback.")
    if request.method != "POST":
        return never_store(HttpResponseRedirect(page.get_url(request), status=303))
    if is_honeypot_filled(request.POST):
        # A bot: it is told what a person is told, and nothing is stored.
        return answer(request, page, None, 200, "thanks")
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return answer(request, page, form, 400, "invalid")
    if not rate_limiter().hit(request):
        return answer(request, page, form, 429, "rate_limited")
    feedback = form.save(commit=False)
    feedback.page = page
    feedback.save()
    return answer(request, page, None, 200, "thanks")
