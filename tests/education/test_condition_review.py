"""Conditions and treatments are medical advice: an editor writes them in the admin (links
chosen in inline panels) but cannot publish; a medical reviewer's approval publishes them and
records the review; the reports list those due for review."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import WorkflowPage
from wagtail.test.utils.form_data import inline_formset

from education.models import ConditionPage
from education.review import MEDICAL_REVIEW_WORKFLOW, MEDICAL_REVIEWERS, today
from education.review_dates import add_months
from tests.education.helpers import condition_form, post_workflow_action, treatment_form
from tests.factories import (
    ClinicianPageFactory,
    ConditionPageFactory,
    TreatmentPageFactory,
    UserFactory,
)
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(clinician_index):
    user = UserFactory(username="reyes", groups=[MEDICAL_REVIEWERS])
    ClinicianPageFactory(parent=clinician_index, given_name="Anita", family_name="Reyes", user=user)
    return user


def test_condition_and_treatment_sections_go_through_medical_review(
    condition_index, treatment_index
):
    for section in (condition_index, treatment_index):
        assert WorkflowPage.objects.get(page=section).workflow.name == MEDICAL_REVIEW_WORKFLOW


def test_an_editor_writes_a_condition_with_its_links_and_a_reviewer_publishes_it(
    client, editor, reviewer, condition_index, injection, rubin
):
    client.force_login(editor)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["education", "conditionpage", condition_index.pk]
    )
    form = condition_form(
        treatment_links=inline_formset([{"treatment": injection.pk}]),
        clinician_links=inline_formset([{"clinician": rubin.pk}]),
        **{"action-submit": "Submit to Medical review"},
    )
    response = client.post(add_url, form)
    assert response.status_code == 302, soup_of(response).select(".error-message")
    condition = ConditionPage.objects.get(slug="sciatica")
    assert not condition.live
    assert condition.current_workflow_state is not None

    response = post_workflow_action(client, reviewer, condition, comment="Accurate.")
    assert response.status_code == 302

    condition = ConditionPage.objects.get(pk=condition.pk)
    assert condition.live
    assert condition.medical_reviewer.family_name == "Reyes"
    assert condition.last_reviewed == today()
    assert condition.next_review_due == add_months(today(), 12)
    assert [link.treatment for link in condition.treatment_links.all()] == [injection]
    html = soup_of(client.get(injection.url))
    assert [a["href"] for a in html.select("#conditions a")] == [condition.url]


def test_an_editor_cannot_publish_a_condition(client, editor, condition_index):
    client.force_login(editor)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["education", "conditionpage", condition_index.pk]
    )
    client.post(add_url, condition_form(**{"action-publish": "Publish"}))
    assert not ConditionPage.objects.get(slug="sciatica").live


def test_the_editor_forms_open(client, superuser, sciatica, injection, rubin):
    client.force_login(superuser)
    for page in (sciatica, injection, rubin):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200
    html = client.get(reverse("wagtailadmin_pages:edit", args=[sciatica.pk])).content.decode()
    for panel in ("Treatments we offer", "Clinicians who treat it", "Related articles"):
        assert panel in html
    assert f"Grade {sciatica.reading_grade}" in html


def test_the_reports_list_conditions_and_treatments_due_for_review(
    client, superuser, condition_index, rubin
):
    due = ConditionPageFactory(
        parent=condition_index,
        title="Neck pain",
        medical_reviewer=rubin,
        last_reviewed=today() - datetime.timedelta(days=400),
    )
    ConditionPageFactory(
        parent=condition_index, title="Fresh", medical_reviewer=rubin, last_reviewed=today()
    )
    client.force_login(superuser)
    html = soup_of(client.get(reverse("education_conditions_review_due")))
    titles = [a.get_text(strip=True) for a in html.select("td.title a, .title-wrapper a")]
    assert due.title in " ".join(titles) and "Fresh" not in " ".join(titles)
    TreatmentPageFactory(
        title="Overdue injection",
        medical_reviewer=rubin,
        last_reviewed=today() - datetime.timedelta(days=400),
    )
    response = client.get(reverse("education_treatments_review_due") + "?status=overdue")
    assert "Overdue injection" in response.content.decode()


@pytest.mark.parametrize("model", ["conditionpage", "treatmentpage"])
def test_a_new_page_can_be_previewed_before_it_is_saved(
    client, superuser, condition_index, treatment_index, model
):
    parent = condition_index if model == "conditionpage" else treatment_index
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["education", model, parent.pk])
    form = condition_form() if model == "conditionpage" else treatment_form()
    assert client.post(url, form).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    title = "Sciatica" if model == "conditionpage" else "Epidural steroid injection"
    assert soup_of(response).h1.get_text() == title


def test_choosing_the_same_treatment_twice_is_refused_not_a_500(
    client, superuser, condition_index, injection
):
    client.force_login(superuser)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["education", "conditionpage", condition_index.pk]
    )
    twice = inline_formset([{"treatment": injection.pk}, {"treatment": injection.pk}])
    response = client.post(add_url, condition_form(treatment_links=twice))
    assert response.status_code == 200
    assert "duplicate" in response.content.decode().lower()
    assert not ConditionPage.objects.filter(slug="sciatica").exists()


def test_two_profiles_cannot_share_an_npi(rubin, clinician_index):
    rubin.npi = "1234567893"
    rubin.save()
    other = ClinicianPageFactory(parent=clinician_index, given_name="Ana")
    other.npi = "1234567893"
    with pytest.raises(ValidationError) as caught:
        other.full_clean()
    assert caught.value.messages == ["Another clinician's profile already has this NPI."]
