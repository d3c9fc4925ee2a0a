"""Conditions we treat and the treatments we offer, linked to the clinicians who provide them
and to the articles about them, each medically reviewed a few weeks before the day the demo
loads.

The words are in content/conditions.yaml and content/treatments.yaml. The treatments section
has a picture of its own for link previews (drawn by illustrations.py), which every treatment
page shows when shared; the conditions show the site-wide one.
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
from home.models import HomePage, TreatedCondition

from . import illustrations
from .images import illustration
from .loader import html, load
from .tree import add_published, english_home, english_pages, existing_child, section_index

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
# Each page type: its rich text sections, and its links as (relation, link model, the link's
# field naming the linked page, the key of LINKS listing the linked pages' slugs).
TREATMENT = (
    TreatmentPage,
    TREATMENT_SECTIONS,
    [
        ("clinician_links", TreatmentClinician, "clinician", "clinicians"),
        ("article_links", TreatmentArticle, "article", "articles"),
    ],
)
CONDITION = (
    ConditionPage,
    CONDITION_SECTIONS,
    [
        ("treatment_links", ConditionTreatment, "treatment", "treatments"),
        ("clinician_links", ConditionClinician, "clinician", "clinicians"),
        ("article_links", ConditionArticle, "article", "articles"),
    ],
)


def build(log):
    home = english_home()
    if home is None:
        return
    treatment_content, condition_content = load("treatments"), load("conditions")
    pages = {
        "clinicians": {page.slug: page for page in english_pages(ClinicianPage)},
        "articles": {page.slug: page for page in english_pages(ArticlePage)},
    }
    picture = treatment_content["index_picture"]
    treatment_index = section_index(
        home,
        TreatmentIndexPage,
        {**treatment_content["index"], "share_image": _section_picture(picture)},
        log,
    )
    pages["treatments"] = {
        spec["slug"]: _page(treatment_index, TREATMENT, spec, pages, log)
        for spec in treatment_content["treatments"]
    }
    condition_index = section_index(home, ConditionIndexPage, condition_content["index"], log)
    conditions = {
        spec["slug"]: _page(condition_index, CONDITION, spec, pages, log)
        for spec in condition_content["conditions"]
    }
    _what_we_treat(home, conditions, load("site")["home_page"]["what_we_treat"], log)


def _section_picture(spec):
    """The section's picture in link previews (content/treatments.yaml's `index_picture`)."""
    return illustration(
        spec["title"], "section-treatments.png", lambda: illustrations.section_card(spec["icons"])
    )


def _what_we_treat(home, conditions, slugs, log):
    """The home page's "What we treat": links to condition pages. Done once: an editor's
    later choice stays."""
    if home.treated_conditions.exists():
        return
    home = HomePage.objects.get(pk=home.pk)
    home.treated_conditions = [
        TreatedCondition(page=conditions[slug], sort_order=order)
        for order, slug in enumerate(slugs)
    ]
    home.save_revision().publish()
    log(f'The home page lists {len(slugs)} conditions under "What we treat".')


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


def _page(index, page_type, spec, pages, log):
    """A treatment or condition page (`page_type` is TREATMENT or CONDITION) with its review
    and its links to the `pages` it names (by key of LINKS, then slug)."""
    model, sections, links = page_type
    existing = existing_child(index, model, spec["slug"])
    if existing:
        return existing
    page = model(**_fields(spec, sections), **_review(spec, pages["clinicians"]))
    for relation, link_model, field, key in links:
        linked = pages[key]
        rows = [
            link_model(**{field: linked[slug]}, sort_order=n) for n, slug in enumerate(spec[key])
        ]
        setattr(page, relation, rows)
    return add_published(index, page, log)
