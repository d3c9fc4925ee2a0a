"""The consultation form page, with the fields the demo's has, and the requests it stores."""

import factory
from factory.django import DjangoModelFactory

from home.demo.consultation import RICH_TEXT
from home.demo.loader import html, load
from pages.consultation.models import (
    ConsultationFormField,
    ConsultationFormPage,
    ConsultationRequest,
)

from .home import TopLevelPageFactory

# The demo's form (home/demo/content/consultation.yaml): the tests post what patients type into
# it (tests/pages/consultation/helpers.py).
DEMO_FORM = load("consultation")
PAGE = {
    name: html(value) if name in RICH_TEXT else value for name, value in DEMO_FORM["page"].items()
}


class ConsultationFormPageFactory(TopLevelPageFactory):
    """The consultation form at /consultation/: the demo’s wording and its fields (full
    name, email, phone, contact preference, best times, patient status, reason, consent).
    Pass `fields` (a list of ConsultationFormField keyword dicts) for other questions."""

    class Meta:
        model = ConsultationFormPage

    title = PAGE["title"]
    slug = PAGE["slug"]
    fields = DEMO_FORM["fields"]
    _set_before_save = ("fields",)

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        """The rest of the demo page's wording (intro, thank-you text, ...) where the test
        gives none of its own."""
        return {**PAGE, **kwargs}

    @classmethod
    def before_save(cls, page, fields):
        page.form_fields = [
            ConsultationFormField(sort_order=order, **spec) for order, spec in enumerate(fields)
        ]


class ConsultationRequestFactory(DjangoModelFactory):
    class Meta:
        model = ConsultationRequest

    page = factory.SubFactory(ConsultationFormPageFactory)
    form_data = factory.Dict({})
    language = "en-us"  # the page's language, as the form stores it
