"""The Spanish patient education: two clinicians' profiles, three articles, two treatments and
three conditions, each translated from its English page (translation.py).

Every medical page is reviewed in Spanish by a clinician who reads it (content/es/ names
them), on its own date: a translation is checked on its own, so its review dates are its own,
not its English source's. Links point at Spanish pages only; a link to a page with no Spanish
version is left out, except an article's authors, whose names read the same in both languages.

The words are in content/es/clinicians.yaml, content/es/articles/<English slug>.yaml,
content/es/treatments.yaml and content/es/conditions.yaml.
"""

import datetime

from django.utils import timezone

from education.models import ArticlePage, ClinicianPage, ConditionPage, TreatmentPage

from ..conditions import CONDITION_SECTIONS, TREATMENT_SECTIONS
from ..images import pain_scale_image
from ..loader import CONTENT, html, load, stream
from .translation import english, localize_links, reviewed, translate

# The pictures the Spanish articles' image blocks name: diagrams with Spanish labels.
IMAGES = {"pain-scale-es": lambda: pain_scale_image("pain_scale_es")}
REVIEW_KEYS = ("reviewer", "reviewed_days_ago", "published_days_ago")


def build(log):
    clinicians = _clinicians(log)
    for path in sorted((CONTENT / "es" / "articles").glob("*.yaml")):
        _article(path.stem, load(f"es/articles/{path.stem}"), clinicians, log)
    for slug, spec in load("es/treatments").items():
        _medical_page(TreatmentPage, slug, spec, TREATMENT_SECTIONS, clinicians, log)
    for slug, spec in load("es/conditions").items():
        _medical_page(ConditionPage, slug, spec, CONDITION_SECTIONS, clinicians, log)


def _clinicians(log):
    """{English slug: Spanish profile}. A profile's NPI is the clinician's own (one per person,
    and unique among profiles), so the Spanish profile leaves it to the English one."""
    profiles = {}
    for slug, spec in load("es/clinicians").items():
        fields = {**spec, "full_bio": html(spec["full_bio"])}
        source = english(ClinicianPage, slug=slug)
        profiles[slug] = translate(source, fields, log, exclude_fields=["npi"])
    return profiles


def _article(slug, spec, clinicians, log):
    source = english(ArticlePage, slug=slug)
    fields = {key: value for key, value in spec.items() if key not in REVIEW_KEYS}
    fields["body"] = stream(spec["body"], IMAGES)

    def prepare(page):
        reviewed(page, clinicians[spec["reviewer"]], spec)
        days = datetime.timedelta(days=spec["published_days_ago"])
        page.display_date = timezone.localdate() - days
        localize_links(page, "article_authors", "clinician", keep_untranslated=True)
        # Topics are English snippets until they can be translated: none rather than English.
        page.topics = []

    translate(source, fields, log, prepare=prepare)


def _medical_page(model, slug, spec, sections, clinicians, log):
    """A condition or a treatment in Spanish, with its links and its own review."""
    source = english(model, slug=slug)
    fields = {key: value for key, value in spec.items() if key not in REVIEW_KEYS}
    fields |= {name: html(spec[name]) for name in sections if name in spec}

    def prepare(page):
        reviewed(page, clinicians[spec["reviewer"]], spec)
        for relation, target in _LINKS[model]:
            localize_links(page, relation, target)

    return translate(source, fields, log, prepare=prepare)


_LINKS = {
    TreatmentPage: [("clinician_links", "clinician"), ("article_links", "article")],
    ConditionPage: [
        ("treatment_links", "treatment"),
        ("clinician_links", "clinician"),
        ("article_links", "article"),
    ],
}
