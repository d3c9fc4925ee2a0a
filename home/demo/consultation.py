"""The consultation request form, linked from the header through the practice settings.

The words are in content/consultation.yaml.
"""

from wagtail.models import Site

from pages.consultation.models import ConsultationFormField, ConsultationFormPage
from pages.models import StandardPage
from practice.models import PracticeSettings

from .loader import html, load
from .tree import add_published, english_home, english_pages, existing_child

# The page's rich text fields; content/consultation.yaml gives them in its shorthand.
RICH_TEXT = ("intro", "privacy_note", "thank_you_text", "next_steps")


def build(log):
    content = load("consultation")
    home = english_home()
    slug = content["page"]["slug"]
    page = existing_child(home, ConsultationFormPage, slug) or _create_page(home, content, log)
    _link_from_settings(page)
    return page


def _create_page(home, content, log):
    privacy = english_pages(StandardPage).filter(slug="privacy").first()
    fields = {
        key: html(value) if key in RICH_TEXT else value for key, value in content["page"].items()
    }
    page = ConsultationFormPage(privacy_page=privacy, **fields)
    page.form_fields = [
        ConsultationFormField(sort_order=order, **spec)
        for order, spec in enumerate(content["fields"])
    ]
    return add_published(home, page, log)


def _link_from_settings(page):
    """Every "Request a consultation" button follows this one setting."""
    site = Site.objects.get(is_default_site=True)
    practice = PracticeSettings.for_site(site)
    if practice.consultation_page_id is None:
        practice.consultation_page = page
        practice.save()
