"""The page for new patients, the insurance plans the practice accepts and the patient forms
(small PDF files made here). The words are in content/new-patients.yaml."""

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale

from pages.models import InsurancePlan, NewPatientsPage, PatientForm, SelfPayPrice

from .loader import html, load
from .patient_forms import FORMS
from .tree import add_published, english_home, english_pages

RICH_TEXT = (
    "what_to_bring",
    "referrals",
    "insurance_note",
    "cancellation_policy",
    "self_pay_intro",
    "good_faith_estimate",
    "how_to_request_estimate",
)


def build(log):
    home = english_home()
    if home is None:
        return
    content = load("new-patients")
    _insurance_plans(content["insurance_plans"])
    if english_pages(NewPatientsPage).exists():
        return
    page = NewPatientsPage(
        **{
            key: html(value) if key in RICH_TEXT else value
            for key, value in content["page"].items()
        }
    )
    page.patient_forms = [
        PatientForm(document=_document(spec), description=spec["description"], sort_order=n)
        for n, spec in enumerate(content["patient_forms"])
    ]
    page.self_pay_prices = [
        SelfPayPrice(sort_order=n, **spec) for n, spec in enumerate(content["self_pay_prices"])
    ]
    page.show_in_menus = True
    add_published(home, page, log)


def _insurance_plans(specs):
    for order, spec in enumerate(specs):
        InsurancePlan.objects.get_or_create(
            name=spec["name"],
            locale=Locale.get_default(),
            defaults={**spec, "sort_order": order, "accepted": True},
        )


def _document(spec):
    Document = get_document_model()
    existing = Document.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    pdf = FORMS[spec["form"]]()
    document = Document(title=spec["title"])
    document.file.save(f"{slugify(spec['title'])}.pdf", ContentFile(pdf), save=False)
    document.save()
    return document
