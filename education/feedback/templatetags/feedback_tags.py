from django import template

from ..forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("feedback/feedback_form.html", takes_context=True)
def feedback_form(context, page):
    """'Was this page helpful?' under `page`: the same for every visitor (no token for anonymous
    visitors, see practice/cross_site.py), so cached pages can carry it."""
    return {"page": page, "form": FeedbackForm(), "request": context.get("request")}
