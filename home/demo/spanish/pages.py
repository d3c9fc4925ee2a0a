"""The Spanish home page, the sections under it and the practice's own pages in Spanish: about,
privacy, new patients, the consultation form and the language-assistance notice.

The words are in content/es/site.yaml, content/es/new-patients.yaml,
content/es/consultation.yaml and content/es/notices.yaml.
"""

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale

from education.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    ConditionIndexPage,
    TreatmentIndexPage,
)
from home.models import FeaturedArticle, HomePage
from pages.consultation.models import ConsultationFormPage
from pages.models import InsurancePlan, NewPatientsPage, NoticePage, StandardPage

from ..consultation import RICH_TEXT as CONSULTATION_RICH_TEXT
from ..loader import html, load, stream
from ..new_patients import RICH_TEXT as NEW_PATIENTS_RICH_TEXT
from ..patient_forms import FORMS
from ..patient_forms import spanish as in_spanish
from ..site import RICH_FIELDS as HOME_RICH_FIELDS
from .translation import english, spanish, spanish_version, translate

SECTIONS = {
    "article_index": ArticleIndexPage,
    "clinician_index": ClinicianIndexPage,
    "condition_index": ConditionIndexPage,
    "treatment_index": TreatmentIndexPage,
}


def home(source, log):
    spec = load("es/site")["home_page"]
    fields = {key: value for key, value in spec.items() if key not in HOME_RICH_FIELDS}
    fields |= {
        "introduction": html(spec["introduction"]),
        "opioid_stance": html(spec["opioid_stance"]),
        "approach": [("step", step) for step in spec["approach"]],
    }
    # Its featured articles and call to action point at Spanish pages once those exist
    # (finish_home); until then it features none.
    return translate(source, fields, log, prepare=_without_links)


def _without_links(page):
    page.featured_articles = []
    page.call_to_action_page = None


def finish_home(home, log):
    """Feature the Spanish versions of the English home page's featured articles (topped up
    with other Spanish articles to as many), and send its call to action to the Spanish
    consultation form. Done once: an editor's later choice stays."""
    if home.featured_articles.exists():
        return
    home = HomePage.objects.get(pk=home.pk)  # with the children added since it was made
    source = english(HomePage)
    wanted = source.featured_articles.count()
    featured = [spanish_version(link.page) for link in source.featured_articles.all()]
    featured = [article for article in featured if article is not None]
    others = (
        ArticlePage.objects.live()
        .filter(locale=home.locale)
        .exclude(pk__in=[article.pk for article in featured])
        .order_by("-display_date")
    )
    featured += list(others[: max(0, wanted - len(featured))])
    home.featured_articles = [
        FeaturedArticle(page=article, sort_order=order) for order, article in enumerate(featured)
    ]
    # The home page's button falls back to the practice's (English) consultation page.
    consultation = source.call_to_action_page or english(ConsultationFormPage)
    home.call_to_action_page = spanish_version(consultation)
    home.save_revision().publish()
    log("Featured the Spanish articles on the Spanish home page.")


def sections(log):
    """The section pages the Spanish pages live in, in the menu as in English."""
    for key, spec in load("es/site")["sections"].items():
        translate(english(SECTIONS[key]), {**spec, "show_in_menus": True}, log)


def standard_pages(log):
    content = load("es/site")
    for slug, spec in content["pages"].items():
        fields = {**spec, "body": stream(spec["body"])}
        translate(english(StandardPage, slug=slug), fields, log)
    _new_patients(log)
    _consultation(log)
    _notices(log)


def _new_patients(log):
    content = load("es/new-patients")
    spec = content["page"]
    fields = {
        key: html(value) if key in NEW_PATIENTS_RICH_TEXT else value for key, value in spec.items()
    }

    def prepare(page):
        prices = list(page.self_pay_prices.all())
        for price, words in zip(prices, content["self_pay_prices"], strict=True):
            price.service, price.note = words["service"], words.get("note", "")
        page.self_pay_prices = prices
        forms = list(page.patient_forms.all())
        for form, words in zip(forms, content["patient_forms"], strict=True):
            form.document, form.description = _document(words), words["description"]
        page.patient_forms = forms

    translate(english(NewPatientsPage), fields, log, prepare=prepare)
    _insurance_plans(content["insurance_plans"], log)


def _insurance_plans(specs, log):
    """Each plan's Spanish translation, made as the admin's Translate action makes one."""
    english_plans = InsurancePlan.objects.filter(locale=Locale.get_default()).order_by("sort_order")
    for plan, words in zip(english_plans, specs, strict=True):
        if plan.has_translation(spanish()):
            continue
        copy = plan.copy_for_translation(spanish())
        for name, value in words.items():
            setattr(copy, name, value)
        copy.save()
        log(f"Translated the insurance plan {plan.name!r} into Spanish.")


def _document(spec):
    """A patient form as a fillable PDF in Spanish, the same fields as the English one (made
    once, found by its title after that)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    document = Document(title=spec["title"])
    pdf = FORMS[spec["form"]](say=in_spanish)
    document.file.save(f"{slugify(spec['title'])}.pdf", ContentFile(pdf), save=False)
    document.save()
    return document


def _consultation(log):
    """The consultation form in Spanish: its texts, and each field's label, help text, choices
    and messages. A field keeps its clean_name, so answers in either language are stored
    under the same names and the front desk's list reads the same."""
    content = load("es/consultation")
    fields = {
        key: html(value) if key in CONSULTATION_RICH_TEXT else value
        for key, value in content["page"].items()
    }
    words = content["fields"]

    def prepare(page):
        form_fields = list(page.form_fields.all())
        for field in form_fields:
            for name, value in words[field.clean_name].items():
                setattr(field, name, value)
        page.form_fields = form_fields
        page.privacy_page = spanish_version(page.privacy_page)

    translate(english(ConsultationFormPage), fields, log, prepare=prepare)


def _notices(log):
    for slug, spec in load("es/notices").items():
        fields = {key: value for key, value in spec.items() if key != "body"}
        fields["body"] = stream(spec["body"])
        translate(english(NoticePage, slug=slug), fields, log)
