"""A request remembers what the patient was reading: /consultation/?condition=12 (or
treatment, clinician, location) links the stored request to that page, and one address may name
a condition or treatment, a clinician and a location together (?treatment=12&clinician=5). The
front desk sees them, in the list, on the request and in the exports, and filters on each. A bad
value is dropped; the request is never lost for it."""

import csv
import io

import pytest
from django.urls import reverse

from pages.consultation.models import ConsultationRequest
from pages.consultation.regarding import regarding_from_query, regarding_pages
from practice.models import PracticeSettings
from tests.factories import (
    ClinicianPageFactory,
    ConditionPageFactory,
    ConsultationRequestFactory,
    LocationPageFactory,
    TreatmentPageFactory,
)

from .helpers import VALID_ANSWERS, answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def sciatica(home_page):
    return ConditionPageFactory(title="Sciatica")


@pytest.fixture
def injection(home_page):
    return TreatmentPageFactory(title="Epidural steroid injection")


@pytest.fixture
def lopez(home_page):
    return ClinicianPageFactory(given_name="Ana", family_name="Lopez")


def list_url(page, query=""):
    return reverse("wagtailforms:list_submissions", args=[page.pk]) + query


def test_the_form_carries_the_page_from_its_address(client, consultation_page, sciatica):
    html = client.get(f"/consultation/?condition={sciatica.pk}").content.decode()
    assert f'name="regarding" value="condition:{sciatica.pk}"' in html
    response = client.post("/consultation/", answers(regarding=f"condition:{sciatica.pk}"))
    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.regarding_topic_id == sciatica.pk
    assert stored.regarding_clinician is None and stored.regarding_location is None
    assert "regarding" not in stored.form_data
    assert stored.form_data["full_name"] == VALID_ANSWERS["full_name"]


def test_a_treatment_and_a_clinician_are_both_carried_shown_and_stored(
    client, consultation_page, injection, lopez
):
    html = client.get(
        f"/consultation/?clinician={lopez.pk}&treatment={injection.pk}"
    ).content.decode()
    value = f"treatment:{injection.pk} clinician:{lopez.pk}"
    assert f'name="regarding" value="{value}"' in html
    # The patient sees what the request will say.
    assert "You are asking about: <strong>Epidural steroid injection</strong>, <strong>" in html
    assert lopez.title in html

    assert client.post("/consultation/", answers(regarding=value)).status_code == 303
    stored = ConsultationRequest.objects.get()
    assert (stored.regarding_topic_id, stored.regarding_clinician_id) == (injection.pk, lopez.pk)
    assert [page.pk for page in stored.regarding_pages] == [injection.pk, lopez.pk]


def test_a_form_with_errors_still_names_what_the_patient_asked_about(
    client, consultation_page, injection
):
    html = client.post(
        "/consultation/", answers(full_name="", regarding=f"treatment:{injection.pk}")
    ).content.decode()
    assert "There is a problem" in html
    assert "You are asking about: <strong>Epidural steroid injection</strong>" in html
    assert f'value="treatment:{injection.pk}"' in html


@pytest.mark.parametrize(
    "value",
    [
        "condition:999999",
        "location:abc",
        "nonsense",
        "condition:1²",
        "<script>",
        "x" * 10_000,
        "condition:\x00",
        "condition:1 " * 500,
        "",
    ],
)
def test_a_bad_value_is_dropped_and_the_request_kept(client, consultation_page, value):
    response = client.post("/consultation/", answers(regarding=value))
    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.regarding_pages == []
    assert stored.form_data["email"] == VALID_ANSWERS["email"]


def test_only_known_page_types_and_whole_numbers_are_read():
    assert regarding_from_query({"condition": "12"}) == "condition:12"
    assert regarding_from_query({"location": "007"}) == "location:7"
    assert regarding_from_query({"condition": "-1"}) == ""
    assert regarding_from_query({"article": "12"}) == ""
    assert regarding_from_query({"treatment": "1" * 20}) == ""
    both = {"clinician": "5", "treatment": "12", "location": "3"}
    assert regarding_from_query(both) == "treatment:12 clinician:5 location:3"
    # One page per field of the request: a condition and a treatment cannot both be the topic.
    assert regarding_from_query({"condition": "7", "treatment": "12"}) == "condition:7"


def test_a_page_of_another_type_is_not_taken(sciatica, injection):
    assert regarding_pages(f"location:{sciatica.pk}") == {}
    assert regarding_pages(f"condition:{sciatica.pk}")["topic"].pk == sciatica.pk
    # A second topic in a tampered value is ignored, not swapped in.
    pages = regarding_pages(f"condition:{sciatica.pk} treatment:{injection.pk}")
    assert list(pages) == ["topic"] and pages["topic"].pk == sciatica.pk


def test_an_unpublished_page_is_not_taken(home_page):
    draft = ConditionPageFactory(title="Draft condition", publish=False)
    assert regarding_pages(f"condition:{draft.pk}") == {}


def test_the_front_desk_sees_and_filters_by_condition_clinician_and_location(
    client, front_desk_user, consultation_page, sciatica, lopez
):
    office = LocationPageFactory(title="Downtown office")
    about_sciatica = ConsultationRequestFactory(
        page=consultation_page, regarding_topic=sciatica, regarding_clinician=lopez
    )
    about_office = ConsultationRequestFactory(page=consultation_page, regarding_location=office)
    client.force_login(front_desk_user)
    detail = client.get(reverse("consultation_requests:detail", args=[about_sciatica.pk]))
    html = detail.content.decode()
    assert "The patient asked about" in html
    assert ">Sciatica</a>" in html and f">{lopez.title}</a>" in html

    listed = client.get(list_url(consultation_page)).content.decode()
    assert f"<strong>Sciatica; {lopez.title}</strong>" in listed  # "What it is about"

    for query, shown, hidden in [
        (f"?regarding_location={office.pk}", about_office, about_sciatica),
        (f"?regarding_topic={sciatica.pk}", about_sciatica, about_office),
        (f"?regarding_clinician={lopez.pk}", about_sciatica, about_office),
    ]:
        html = client.get(list_url(consultation_page, query)).content.decode()
        assert f"#{shown.pk}<" in html and f"#{hidden.pk}<" not in html, query
    for bad in ("?regarding_topic=abc", "?regarding_clinician=99999", "?regarding_location=\x00"):
        assert client.get(list_url(consultation_page, bad)).status_code in (200, 400), bad


def test_the_exports_name_each_page_asked_about(
    client, front_desk_user, consultation_page, injection, lopez
):
    ConsultationRequestFactory(
        page=consultation_page, regarding_topic=injection, regarding_clinician=lopez
    )
    client.force_login(front_desk_user)
    response = client.get(list_url(consultation_page, "?export=csv"))
    header, row = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    exported = dict(zip(header, row, strict=True))
    assert exported["Condition or treatment"] == "Epidural steroid injection"
    assert exported["Clinician"] == lopez.title
    assert exported["Location"] == ""


def test_a_location_page_asks_about_itself(client, site, consultation_page):
    practice = PracticeSettings.for_site(site)
    practice.consultation_page = consultation_page
    practice.save()
    office = LocationPageFactory(title="Downtown office")
    html = client.get(office.url).content.decode()
    assert f'href="/consultation/?location={office.pk}"' in html


def test_from_a_treatment_to_a_clinician_to_the_form_both_are_filled_in(
    client, consultation_page, lopez
):
    injection = TreatmentPageFactory(title="Epidural steroid injection", clinicians=[lopez])
    treatment_html = client.get(injection.url).content.decode()
    profile_url = f"{lopez.url}?treatment={injection.pk}"
    assert f'href="{profile_url}"' in treatment_html

    profile_html = client.get(profile_url).content.decode()
    form_url = f"/consultation/?clinician={lopez.pk}&amp;treatment={injection.pk}"
    assert f'href="{form_url}"' in profile_html
    # Straight to the profile (from the directory, a search): the clinician alone.
    assert f'href="/consultation/?clinician={lopez.pk}"' in client.get(lopez.url).content.decode()
    # Anything else in the address is not passed on.
    odd = client.get(f"{lopez.url}?treatment=1²&condition=abc").content.decode()
    assert f'href="/consultation/?clinician={lopez.pk}"' in odd
