"""Fixtures for the conditions, treatments and the clinician directory."""

import datetime

import pytest

from tests.factories import (
    ConditionIndexPageFactory,
    ConditionPageFactory,
    LanguageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
)


@pytest.fixture
def condition_index(home_page):
    return ConditionIndexPageFactory(parent=home_page)


@pytest.fixture
def treatment_index(home_page):
    return TreatmentIndexPageFactory(parent=home_page)


@pytest.fixture
def spanish(db):
    return LanguageFactory(name="Spanish", code="es")


@pytest.fixture
def injection(treatment_index, rubin, article):
    """An epidural steroid injection Dr. Rubin offers, with the back pain article linked."""
    return TreatmentPageFactory(
        parent=treatment_index,
        title="Epidural steroid injection",
        slug="epidural-steroid-injection",
        needs_driver=True,
        blood_thinner_advice="Tell us if you take a blood thinner.",
        fasting_advice="Eat nothing for 6 hours before.",
        risks="<p>A headache for a day or two.</p>",
        when_to_call="<p>Call us if you have a fever.</p>",
        clinicians=[rubin],
        articles=[article],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 3, 3),
    )


@pytest.fixture
def sciatica(condition_index, injection, rubin, article):
    return ConditionPageFactory(
        parent=condition_index,
        title="Sciatica",
        slug="sciatica",
        alternate_names="Lumbar radiculopathy",
        symptom_list="Pain that runs down one leg\nNumbness or tingling in the foot",
        causes="<p>A disc pressing on a nerve root.</p>",
        urgent_help="<p>Call 911 if you cannot control your bladder.</p>",
        treatments=[injection],
        clinicians=[rubin],
        articles=[article],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 3, 3),
    )
