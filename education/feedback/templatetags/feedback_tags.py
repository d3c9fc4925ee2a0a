from django import template
from django.template.loader import render_to_string

from practice.cache import kept_fragment
from practice.cross_site import token_required

from ..forms import FeedbackForm

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_form(context, page):
    """'Was this page helpful?' under `page`: the same for every visitor (no token for anonymous
    visitors, see practice/cross_site.py), so cached pages can carry it, and it is rendered once
    per content version and language for them."""
    request = context.get("request")

    def render():
        form_context = {"page": page, "form": FeedbackForm(), "request": request}
        return render_to_string("feedback/feedback_form.html", form_context)

    if request is not None and token_required(request):
        return render()  # carries this person's token
    return kept_fragment("feedback-form", (page.pk,), render)
