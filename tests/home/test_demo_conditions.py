"""The demo's conditions, treatments and clinicians: what issue 13 asks the practice to show,
linked both ways, reviewed recently, each page rendering with its structured data."""

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import Locale, WorkflowPage

from education.models import ClinicianPage, ConditionPage, TreatmentPage
from education.review import MEDICAL_REVIEW_WORKFLOW
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db

CONDITIONS = {
    "chronic-low-back-pain",
    "neck-pain",
    "sciatica",
    "herniated-disc",
    "knee-osteoarthritis",
    "neuropathic-pain",
    "fibromyalgia",
    "complex-regional-pain-syndrome",
    "opioid-induced-hyperalgesia",
}
TREATMENTS = {
    "physical-therapy-program",
    "epidural-steroid-injection",
    "radiofrequency-ablation",
    "medication-management",
    "spinal-cord-stimulator-trial",
    "cbt-for-pain",
}


def test_the_demo_has_the_conditions_and_treatments_the_issue_lists(demo_site):
    # In English; a few are in Spanish too (tests/home/test_demo_content.py).
    conditions = ConditionPage.objects.live().filter(locale=Locale.get_default())
    treatments = TreatmentPage.objects.live().filter(locale=Locale.get_default())
    assert set(conditions.values_list("slug", flat=True)) == CONDITIONS
    assert set(treatments.values_list("slug", flat=True)) == TREATMENTS
    for condition in conditions:
        assert condition.treatment_links.exists(), condition.title
        assert condition.clinician_links.exists(), condition.title


def test_demo_clinicians_include_a_spanish_speaker_and_one_not_taking_new_patients(demo_site):
    # The English profiles: the NPI is shown there, once per clinician.
    clinicians = ClinicianPage.objects.live().filter(locale=Locale.get_default())
    assert clinicians.count() >= 4
    assert clinicians.filter(languages__code="es").exists()
    assert clinicians.filter(accepting_new_patients=False).exists()
    assert all(clinician.npi for clinician in clinicians)


def test_demo_reviews_are_dated_back_from_the_day_the_demo_loads(demo_site):
    today = timezone.localdate()
    for model in (ConditionPage, TreatmentPage):
        for page in model.objects.all():
            assert today - datetime.timedelta(days=120) <= page.last_reviewed < today
            assert page.next_review_due > today
            assert page.medical_reviewer is not None


def test_condition_and_treatment_sections_go_through_medical_review(demo_site):
    for model in (ConditionPage, TreatmentPage):
        section = model.objects.first().get_parent()
        assert WorkflowPage.objects.get(page=section).workflow.name == MEDICAL_REVIEW_WORKFLOW


def test_every_demo_condition_and_treatment_renders_with_its_json_ld(client, demo_site):
    pages = list(ConditionPage.objects.all()) + list(TreatmentPage.objects.all())
    for page in pages:
        html = soup_of(client.get(page.url))
        data = json.loads(html.select_one('script[type="application/ld+json"]').string)
        nodes = [node for node in data["@graph"] if node["@type"] == "MedicalWebPage"]
        assert len(nodes) == 1 and nodes[0]["lastReviewed"], page.title
        assert html.select_one(".page-contents"), page.title


def test_the_sections_are_in_the_main_menu(client, demo_site):
    links = [a["href"] for a in soup_of(client.get("/")).select(".main-nav__link")]
    assert "/conditions/" in links and "/treatments/" in links


def test_the_a_to_z_lists_herniated_disc_under_its_other_names(client, demo_site):
    html = soup_of(client.get("/conditions/"))
    entries = [li.get_text(" ", strip=True) for li in html.select(".a-to-z__list li")]
    assert any(entry.startswith("Disc herniation: see Herniated disc") for entry in entries)
    assert any(entry.startswith("Slipped disc: see Herniated disc") for entry in entries)
