"""The consultation form's insurance question offers the plans the front desk keeps under
Snippets (issue 13): the accepted ones, read when the form is shown, then "another plan"."""

import pytest

from pages.consultation.forms import OTHER_PLAN
from pages.consultation.models import ConsultationRequest
from tests.factories import InsurancePlanFactory
from tests.helpers import soup_of

from .helpers import answers

pytestmark = pytest.mark.django_db


def offered(client):
    select = soup_of(client.get("/consultation/")).select_one("select[name=insurance]")
    return [option.get_text() for option in select.select("option")]


def test_the_accepted_plans_are_offered_then_another_plan(client, consultation_page):
    InsurancePlanFactory(name="Lakeshore Health PPO")
    InsurancePlanFactory(name="Prairie Medicare Advantage")
    InsurancePlanFactory(name="Old Mutual Health", accepted=False)
    assert offered(client) == [
        "Choose a plan",
        "Lakeshore Health PPO",
        "Prairie Medicare Advantage",
        OTHER_PLAN,
    ]


def test_a_plan_added_after_the_page_was_published_is_offered_at_once(client, consultation_page):
    assert offered(client) == ["Choose a plan", OTHER_PLAN]
    InsurancePlanFactory(name="Riverbend Community Health")
    assert "Riverbend Community Health" in offered(client)


def test_the_chosen_plan_is_stored_with_the_request(client, consultation_page):
    InsurancePlanFactory(name="Lakeshore Health PPO")
    response = client.post("/consultation/", answers(insurance="Lakeshore Health PPO"))
    assert response.status_code == 303
    assert ConsultationRequest.objects.get().form_data["insurance"] == "Lakeshore Health PPO"


def test_a_plan_not_on_the_list_is_refused_with_the_answers_kept(client, consultation_page):
    response = client.post("/consultation/", answers(insurance="<script>Made-up plan"))
    assert response.status_code == 200
    html = soup_of(response)
    summary = html.select_one(".error-summary").get_text()
    assert "Select one of the options given for insurance" in summary
    assert html.select_one("input[name=full_name]")["value"] == "Maria Quintero-Hale"
    assert not ConsultationRequest.objects.exists()
