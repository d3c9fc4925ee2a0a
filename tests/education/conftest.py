"""Fixtures for the conditions, treatments, the clinician directory and the Spanish tree."""

import datetime

import pytest
from wagtail.models import Locale

from education.review import EDITORS, MEDICAL_REVIEWERS
from tests.factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    LanguageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
    UserFactory,
)
from tests.helpers import section_fixture, translate

condition_index = section_fixture(ConditionIndexPageFactory)
treatment_index = section_fixture(TreatmentIndexPageFactory)


@pytest.fixture
def writer(db):
    """An editor (Wagtail's Editors group): writes and submits, never publishes."""
    return UserFactory(username="writer", groups=[EDITORS])


@pytest.fixture
def reviewer(db):
    """A medical reviewer whose login is linked to no clinician profile."""
    return UserFactory(username="reyes", groups=[MEDICAL_REVIEWERS])


@pytest.fixture
def spanish(db):
    return LanguageFactory(name="Spanish", code="es")


@pytest.fixture
def injection(treatment_index, rubin, article):
    """An epidural steroid injection Dr. Rubin offers, with the back pain article linked."""
    return TreatmentPageFactory(
        parent=treatment_index,
        epidural=True,
        blood_thinner_advice="Tell us if you take a blood thinner.",
        fasting_advice="Eat nothing for 6 hours before.",
        clinicians=[rubin],
        articles=[article],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 3, 3),
    )


@pytest.fixture
def sciatica(condition_index, injection, rubin, article):
    return ConditionPageFactory(
        parent=condition_index,
        sciatica=True,
        symptom_list="Pain that runs down one leg\nNumbness or tingling in the foot",
        treatments=[injection],
        clinicians=[rubin],
        articles=[article],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 3, 3),
    )


# --- The Spanish tree: Wagtail's own translations, a copy of each page in the "es" locale ---


@pytest.fixture
def es_locale(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def spanish_home(home_page):
    return translate(home_page, title="Inicio")


@pytest.fixture
def spanish_article_index(article_index, spanish_home):
    return translate(article_index, title="Educación para pacientes")


@pytest.fixture
def dolor_de_espalda(back_pain, es_locale):
    """The Spanish translation of the "Back pain" topic."""
    topic = back_pain.copy_for_translation(es_locale)
    topic.name, topic.slug = "Dolor de espalda", "dolor-de-espalda"
    topic.save()
    return topic
