"""JSON-LD of conditions, treatments and clinicians: each parses and carries what search
engines read (MedicalCondition, MedicalProcedure or MedicalTherapy, review dates), and every
mention of a clinician is the same Person as their profile."""

import pytest

from education.models import TreatmentPage
from tests.education.helpers import json_ld_of
from tests.factories import ClinicianPageFactory, ConditionPageFactory, TreatmentPageFactory
from tests.helpers import translate

pytestmark = pytest.mark.django_db


def test_condition_is_a_medical_condition_within_a_reviewed_medical_web_page(
    client, sciatica, injection, rubin
):
    data = json_ld_of(client.get(sciatica.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2026-03-03"
    assert data["reviewedBy"]["@id"] == rubin.get_full_url() + "#person"
    condition = data["mainEntity"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == "Sciatica"
    assert condition["alternateName"] == ["Lumbar radiculopathy"]
    assert condition["signOrSymptom"] == [
        {"@type": "MedicalSignOrSymptom", "name": "Pain that runs down one leg"},
        {"@type": "MedicalSignOrSymptom", "name": "Numbness or tingling in the foot"},
    ]
    [treatment] = condition["possibleTreatment"]
    assert treatment == {
        "@id": injection.get_full_url() + "#treatment",
        "@type": "MedicalProcedure",
        "procedureType": "https://schema.org/PercutaneousProcedure",
        "name": "Epidural steroid injection",
        "url": injection.get_full_url(),
    }
    assert data["about"] == {"@id": condition["@id"]}


def test_a_condition_without_treatments_or_review_leaves_those_properties_out(
    client, condition_index
):
    condition = ConditionPageFactory(parent=condition_index, symptom_list="")
    data = json_ld_of(client.get(condition.url))
    assert "possibleTreatment" not in data["mainEntity"]
    assert "signOrSymptom" not in data["mainEntity"]
    assert "lastReviewed" not in data and "reviewedBy" not in data


def test_a_procedure_says_how_to_prepare_how_it_is_done_and_the_follow_up(client, injection):
    data = json_ld_of(client.get(injection.url))
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2026-03-03"
    procedure = data["mainEntity"]
    assert procedure["@type"] == "MedicalProcedure"
    assert procedure["procedureType"] == "https://schema.org/PercutaneousProcedure"
    assert procedure["preparation"].startswith("Bring an adult who can drive you home")
    assert procedure["howPerformed"] == "You lie on your front. It takes about 20 minutes."


def test_a_course_of_therapy_is_a_medical_therapy(client, treatment_index):
    therapy = TreatmentPageFactory(
        parent=treatment_index,
        title="Physical therapy program",
        kind=TreatmentPage.Kind.THERAPY,
        risks="<p>Sore muscles for a day or two.</p>",
    )
    entity = json_ld_of(client.get(therapy.url))["mainEntity"]
    assert entity["@type"] == "MedicalTherapy"
    assert "procedureType" not in entity
    assert entity["adverseOutcome"]["description"] == "Sore muscles for a day or two."


def test_clinician_profile_carries_npi_languages_and_credentials_under_one_id(
    client, rubin, spanish, sciatica
):
    rubin.npi = "1234567893"
    rubin.board_certifications = "Pain Medicine, American Board of Anesthesiology"
    rubin.languages = [spanish]
    rubin.save_revision().publish()
    data = json_ld_of(client.get(rubin.url))
    person = data["mainEntity"]
    assert person["@id"] == rubin.get_full_url() + "#person"
    assert data["about"] == {"@id": person["@id"]}
    assert person["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "NPI",
        "value": "1234567893",
    }
    assert person["knowsLanguage"] == [
        {"@type": "Language", "name": "Spanish", "alternateName": "es"}
    ]
    assert person["hasCredential"][0]["name"] == "Pain Medicine, American Board of Anesthesiology"
    assert "Sciatica" in person["knowsAbout"]


def test_article_bylines_name_the_same_person_as_the_profile(client, article, rubin):
    data = json_ld_of(client.get(article.url))
    [author] = data["mainEntity"]["author"]
    assert author["@id"] == data["reviewedBy"]["@id"] == rubin.get_full_url() + "#person"


def test_a_spanish_profile_gives_the_spanish_title_staff_chose(client, clinician_index):
    okafor = ClinicianPageFactory(
        parent=clinician_index, given_name="Maya", family_name="Okafor", honorific_prefix_es="Dra."
    )
    okafor_es = translate(okafor)
    assert json_ld_of(client.get(okafor_es.url))["mainEntity"]["honorificPrefix"] == "Dra."
    assert json_ld_of(client.get(okafor.url))["mainEntity"]["honorificPrefix"] == "Dr."


def test_a_spanish_profile_without_a_spanish_title_keeps_the_english_one(client, rubin):
    rubin_es = translate(rubin)
    assert json_ld_of(client.get(rubin_es.url))["mainEntity"]["honorificPrefix"] == "Dr."
