"""A request remembers what the patient was reading: /consultation/?condition=12 (or
treatment, clinician, location) links the stored request to that page, shown to the front desk
and used to filter the list. A bad value is dropped; the request is never lost for it."""

import pytest
from django.urls import reverse

from pages.consultation.models import ConsultationRequest
from pages.consultation.regarding import regarding_from_query, regarding_page
from practice.models import PracticeSettings
from tests.factories import ConditionPageFactory, ConsultationRequestFactory, LocationPageFactory

from .helpers import VALID_ANSWERS, answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def sciatica(home_page):
    return ConditionPageFactory(title="Sciatica")


def test_the_form_carries_the_page_from_its_address(client, consultation_page, sciatica):
    html = client.get(f"/consultation/?condition={sciatica.pk}").content.decode()
    assert f'name="regarding" value="condition:{sciatica.pk}"' in html
    response = client.post("/consultation/", answers(regarding=f"condition:{sciatica.pk}"))
    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.regarding_id == sciatica.pk
    assert "regarding" not in stored.form_data
    assert stored.form_data["full_name"] == VALID_ANSWERS["full_name"]


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
        "",
    ],
)
def test_a_bad_value_is_dropped_and_the_request_kept(client, consultation_page, value):
    response = client.post("/consultation/", answers(regarding=value))
    assert response.status_code == 303
    stored = ConsultationRequest.objects.get()
    assert stored.regarding is None
    assert stored.form_data["email"] == VALID_ANSWERS["email"]


def test_only_known_page_types_and_whole_numbers_are_read():
    assert regarding_from_query({"condition": "12"}) == "condition:12"
    assert regarding_from_query({"location": "007"}) == "location:7"
    assert regarding_from_query({"condition": "-1"}) == ""
    assert regarding_from_query({"article": "12"}) == ""
    assert regarding_from_query({"treatment": "1" * 20}) == ""


def test_a_page_of_another_type_is_not_taken(sciatica):
    assert regarding_page(f"location:{sciatica.pk}") is None
    assert regarding_page(f"condition:{sciatica.pk}").pk == sciatica.pk


def test_an_unpublished_page_is_not_taken(home_page):
    draft = ConditionPageFactory(title="Draft condition", publish=False)
    assert regarding_page(f"condition:{draft.pk}") is None


def test_the_front_desk_sees_and_filters_by_what_was_asked_about(
    client, front_desk_user, consultation_page, sciatica
):
    office = LocationPageFactory(title="Downtown office")
    about_sciatica = ConsultationRequestFactory(page=consultation_page, regarding=sciatica)
    about_office = ConsultationRequestFactory(page=consultation_page, regarding=office)
    client.force_login(front_desk_user)
    detail = client.get(reverse("consultation_requests:detail", args=[about_sciatica.pk]))
    assert "The patient was reading" in detail.content.decode()
    assert ">Sciatica</a>" in detail.content.decode()

    list_url = reverse("wagtailforms:list_submissions", args=[consultation_page.pk])
    html = client.get(f"{list_url}?regarding={office.pk}").content.decode()
    assert f"#{about_office.pk}<" in html and f"#{about_sciatica.pk}<" not in html
    assert client.get(f"{list_url}?regarding=abc").status_code in (200, 400)


def test_a_location_page_asks_about_itself(client, site, consultation_page):
    practice = PracticeSettings.for_site(site)
    practice.consultation_page = consultation_page
    practice.save()
    office = LocationPageFactory(title="Downtown office")
    html = client.get(office.url).content.decode()
    assert f'href="/consultation/?location={office.pk}"' in html
