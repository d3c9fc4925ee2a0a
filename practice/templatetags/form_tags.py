"""Template helpers for the shared form components (templates/components/form_*.html)."""

from django import forms, template
from django.template.backends.utils import csrf_input

from practice.cross_site import token_required
from practice.spam import HONEYPOT_FIELD

register = template.Library()


@register.filter
def field_kind(bound_field):
    """How the component lays a field out: a fieldset of choices, a lone checkbox, or a box."""
    if bound_field.use_fieldset:
        return "group"
    if isinstance(bound_field.field.widget, forms.CheckboxInput):
        return "checkbox"
    return "box"


@register.filter
def error_anchor(bound_field):
    """The id an error summary links to: the field's input, or the first input of a group."""
    if bound_field.use_fieldset:
        subwidgets = bound_field.subwidgets
        if subwidgets:
            return subwidgets[0].id_for_label
    return bound_field.id_for_label or bound_field.auto_id


@register.inclusion_tag("components/honeypot_field.html")
def honeypot_field(form_name=""):
    """The honeypot; `form_name` keeps its id unique when a page has two forms."""
    prefix = f"{form_name}-" if form_name else ""
    return {"name": HONEYPOT_FIELD, "id": f"{prefix}{HONEYPOT_FIELD}-honeypot"}


@register.simple_tag(takes_context=True)
def form_token(context):
    """Django's CSRF token for a signed-in person; nothing for an anonymous visitor, whose post
    is checked by its Origin instead (practice/cross_site.py), so their copy of the page is the
    same for everyone and a shared cache may keep it."""
    request = context.get("request")
    if request is None or not token_required(request):
        return ""
    return csrf_input(request)
