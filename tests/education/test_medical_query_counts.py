"""The condition and treatment indexes, their pages, the clinician directory (filtered too)
and a profile cost the same number of queries with 5 of everything as with 50, and at most
10 when their fragments are warm (a page three levels down routes in 4). Every clinician has
a photo and languages, every condition links treatments, clinicians and articles, so each kind
of card is counted."""

import pytest

from tests.factories import (
    ArticlePageFactory,
    ClinicianPageFactory,
    ConditionPageFactory,
    ImageFactory,
    LanguageFactory,
    TreatmentPageFactory,
)
from tests.helpers import query_counts

pytestmark = pytest.mark.django_db

WARM_BUDGET = 10


def add(count, start, indexes, languages):
    condition_index, treatment_index, clinician_index, article_index = indexes
    for n in range(start, start + count):
        clinician = ClinicianPageFactory(
            parent=clinician_index,
            given_name=f"Given{n}",
            family_name="Doe",
            photo=ImageFactory(title=f"Photo {n}"),
            photo_alt=f"Portrait {n}",
            accepting_new_patients=n % 2 == 0,
        )
        clinician.languages = languages[: 1 + n % 2]
        clinician.save_revision().publish()
        article = ArticlePageFactory(
            parent=article_index, hero_image=ImageFactory(), hero_image_decorative=True
        )
        treatment = TreatmentPageFactory(
            parent=treatment_index, clinicians=[clinician], articles=[article]
        )
        ConditionPageFactory(
            parent=condition_index,
            title=f"Condition {n}",
            slug=f"condition-{n}",
            alternate_names=f"Other name {n}",
            treatments=[treatment],
            clinicians=[clinician],
            articles=[article],
        )


@pytest.fixture
def indexes(condition_index, treatment_index, clinician_index, article_index, about_page):
    return condition_index, treatment_index, clinician_index, article_index


@pytest.fixture
def languages(db):
    return [LanguageFactory(name="English", code="en"), LanguageFactory(name="Spanish", code="es")]


def pages_to_count(indexes):
    condition_index, treatment_index, clinician_index, _ = indexes
    first = {
        index: index.get_children().live().order_by("path").first().specific
        for index in (condition_index, treatment_index, clinician_index)
    }
    return {
        "a-z": condition_index.url,
        "treatments": treatment_index.url,
        "directory": clinician_index.url,
        "filtered directory": (
            f"{clinician_index.url}?condition={first[condition_index].slug}"
            "&language=es&accepting=on"
        ),
        "condition": first[condition_index].url,
        "treatment": first[treatment_index].url,
        "clinician": first[clinician_index].url,
    }


def test_query_counts_do_not_grow_from_5_to_50_of_everything(client, indexes, languages):
    add(5, 0, indexes, languages)
    pages = pages_to_count(indexes)
    cold_few, warm_few = query_counts(client, pages, refill="/about/")
    add(45, 5, indexes, languages)
    cold_many, warm_many = query_counts(client, pages, refill="/about/")
    assert cold_many == cold_few
    assert warm_many == warm_few
    for name, queries in warm_many.items():
        assert queries <= WARM_BUDGET, name
