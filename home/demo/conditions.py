"""Conditions we treat and the treatments we offer, linked to the clinicians who provide them
and to the articles about them, each medically reviewed a few weeks before the day the demo
loads.

The words are in content/conditions.yaml and content/treatments.yaml.
"""

import datetime

from django.utils import timezone

from education.models import (
    ArticlePage,
    ClinicianPage,
    ConditionArticle,
    ConditionClinician,
    ConditionIndexPage,
    ConditionPage,
    ConditionTreatment,
    TreatmentArticle,
    TreatmentClinician,
    TreatmentIndexPage,
    TreatmentPage,
)

from .loader import html, load
from .tree import english_home, english_pages

LINKS = ("treatments", "clinicians", "articles")
CONDITION_SECTIONS = (
    "overview",
    "symptoms",
    "causes",
    "diagnosis",
    "treatment_intro",
    "urgent_help",
)
TREATMENT_SECTIONS = (
    "what_it_is",
    "who_it_helps",
    "how_to_prepare",
    "on_the_day",
    "recovery",
    "risks",
    "when_to_call",
)


def build(log):
    home = english_home()
    if home is None:
        return
    treatment_content, condition_content = load("treatments"), load("conditions")
    clinicians = {page.slug: page for page in english_pages(ClinicianPage)}
    articles = {page.slug: page for page in english_pages(ArticlePage)}
    treatment_index = _index(home, TreatmentIndexPage, treatment_content["index"], log)
    treatments = {
        spec["slug"]: _treatment(treatment_index, spec, clinicians, articles, log)
        for spec in treatment_content["treatments"]
    }
    condition_index = _index(home, ConditionIndexPage, condition_content["index"], log)
    for spec in condition_content["conditions"]:
        _condition(condition_index, spec, treatments, clinicians, articles, log)


def _index(home, model, spec, log):
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    index = model(show_in_menus=True, **spec)
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Created the page {index.title!r}.")
    return index


def _review(spec, clinicians):
    """The reviewer and the review date, counted back from today."""
    days = datetime.timedelta(days=spec["reviewed_days_ago"])
    return {
        "medical_reviewer": clinicians[spec["reviewer"]],
        "last_reviewed": timezone.localdate() - days,
    }


def _fields(spec, sections):
    skip = {"reviewer", "reviewed_days_ago", *LINKS, *sections}
    fields = {key: value for key, value in spec.items() if key not in skip}
    return fields | {section: html(spec[section]) for section in sections if section in spec}


def _publish(index, page, log):
    index.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created the page {page.title!r}.")
    return page


def _treatment(index, spec, clinicians, articles, log):
    existing = TreatmentPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    page = TreatmentPage(**_fields(spec, TREATMENT_SECTIONS), **_review(spec, clinicians))
    page.clinician_links = [
        TreatmentClinician(clinician=clinicians[slug], sort_order=n)
        for n, slug in enumerate(spec["clinicians"])
    ]
    page.article_links = [
        TreatmentArticle(article=articles[slug], sort_order=n)
        for n, slug in enumerate(spec["articles"])
    ]
    return _publish(index, page, log)


def _condition(index, spec, treatments, clinicians, articles, log):
    existing = ConditionPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing:
        return existing
    page = ConditionPage(**_fields(spec, CONDITION_SECTIONS), **_review(spec, clinicians))
    page.treatment_links = [
        ConditionTreatment(treatment=treatments[slug], sort_order=n)
        for n, slug in enumerate(spec["treatments"])
    ]
    page.clinician_links = [
        ConditionClinician(clinician=clinicians[slug], sort_order=n)
        for n, slug in enumerate(spec["clinicians"])
    ]
    page.article_links = [
        ConditionArticle(article=articles[slug], sort_order=n)
        for n, slug in enumerate(spec["articles"])
    ]
    return _publish(index, page, log)
