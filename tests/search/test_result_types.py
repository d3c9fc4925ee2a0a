"""Each result says what it is (condition, treatment, article, clinician, location), with its
one-line summary; every page type built on the site's page base is searched."""

from bs4 import BeautifulSoup

from education.models import ArticlePage, ClinicianPage, ConditionPage, TreatmentPage
from home.search.results import searchable_models, type_label
from pages.models import LocationPage, StandardPage
from tests.factories import (
    ArticlePageFactory,
    ClinicianPageFactory,
    ConditionPageFactory,
    LocationPageFactory,
    TreatmentPageFactory,
)


def test_every_result_says_what_it_is_with_its_summary(client, article_index, rubin):
    ConditionPageFactory(title="Lumbar spinal stenosis", summary="A narrowed spinal canal.")
    TreatmentPageFactory(title="Lumbar epidural injection", summary="Medicine near the nerve.")
    ArticlePageFactory(
        parent=article_index, title="Lumbar stretches", summary="Five a day.", authors=[rubin]
    )
    ClinicianPageFactory(given_name="Ana", family_name="Lumbar", short_bio="Ana treats back pain.")
    LocationPageFactory(title="Lumbar Park office", intro="Across from the park.")

    html = BeautifulSoup(client.get("/search/", {"q": "lumbar"}).content, "html.parser")
    shown = {
        result.select_one(".search-result__title a").get_text(): (
            result.select_one(".search-result__type").get_text(),
            result.select_one(".search-result__summary").get_text(),
        )
        for result in html.select(".search-result")
    }
    assert shown == {
        "Lumbar spinal stenosis": ("Condition", "A narrowed spinal canal."),
        "Lumbar epidural injection": ("Treatment", "Medicine near the nerve."),
        "Lumbar stretches": ("Article", "Five a day."),
        "Dr. Ana Lumbar, MD": ("Clinician", "Ana treats back pain."),
        "Lumbar Park office": ("Location", "Across from the park."),
    }


def test_the_labels_come_from_the_page_types():
    models = searchable_models()
    for model in (ArticlePage, ClinicianPage, ConditionPage, TreatmentPage, LocationPage):
        assert model in models
    assert [type_label(m) for m in (ConditionPage, TreatmentPage, LocationPage)] == [
        "Condition",
        "Treatment",
        "Location",
    ]
    assert type_label(StandardPage) == "Page"
    assert not any(model.__name__.endswith("IndexPage") for model in models)
