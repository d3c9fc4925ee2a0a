"""The style guide: every component of the public site's design on one admin page, drawn by the
same templates and stylesheet the site uses, so editors see what they can use and designers see
what a change to site.css or the theme colours does to all of it at once."""

from django import forms
from django.shortcuts import render

from .blocks import CalloutBlock
from .pagination import paginate

COLOURS = [
    ("--color-primary", "Primary (theme): header, buttons"),
    ("--color-primary-shade", "Primary shade: links, text on tints"),
    ("--color-primary-tint", "Primary tint: notes, hover"),
    ("--color-accent", "Accent (theme): steps, key points"),
    ("--color-accent-tint", "Accent tint: key points"),
    ("--color-surface", "Surface: tinted sections"),
    ("--color-text", "Text"),
    ("--color-muted", "Muted text"),
    ("--color-error", "Error and urgent"),
    ("--color-success", "Success"),
]
TYPE_SCALE = ["--step-4", "--step-3", "--step-2", "--step-1", "--step-0", "--step--1"]
CALLOUTS = [
    ("note", "Note", "<p>One point worth knowing, kept short.</p>"),
    ("key-points", "Key points", "<ul><li>Start small.</li><li>Build up every week.</li></ul>"),
    (
        "urgent",
        "When to seek urgent help",
        "<p>Call 911 if you have chest pain, trouble breathing or sudden weakness.</p>",
    ),
]


class ExampleForm(forms.Form):
    """A form shown with its errors, as a patient who left it half-filled would see it."""

    name = forms.CharField(label="Full name", help_text="As it appears on your insurance card.")
    email = forms.EmailField(label="Email address")
    contact = forms.ChoiceField(
        label="How should we contact you?",
        choices=[("phone", "Phone"), ("email", "Email")],
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(label="I agree that the practice may store these details.")


def style_guide(request):
    callout = CalloutBlock()
    callouts = [
        callout.render(callout.to_python({"kind": kind, "heading": heading, "body": body}))
        for kind, heading, body in CALLOUTS
    ]
    form = ExampleForm({"name": "Maria Quintero-Hale", "email": "maria@", "contact": ""})
    form.is_valid()  # fills form.errors, which the error summary and fields show
    page_of_results = paginate(list(range(120)), 4, per_page=10)
    context = {
        "colours": COLOURS,
        "type_scale": TYPE_SCALE,
        "callouts": callouts,
        "form": form,
        "page_obj": page_of_results,
    }
    return render(request, "practice/style_guide.html", context)
