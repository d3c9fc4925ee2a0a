"""The new-patients page: insurance plans staff keep current, PDF forms, self-pay prices and
the good-faith-estimate notice."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from pages.insurance import insurance_plan_choices
from pages.models import PatientForm
from tests.factories import DocumentFactory, InsurancePlanFactory, NewPatientsPageFactory
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def test_only_accepted_plans_show_in_the_order_staff_gave(client, home_page):
    InsurancePlanFactory(name="Prairie State Health Plan", sort_order=2)
    InsurancePlanFactory(name="Original Medicare (Part B)", sort_order=1)
    InsurancePlanFactory(name="Dropped Plan", accepted=False, sort_order=0)
    page = NewPatientsPageFactory(parent=home_page)
    plans = [
        li.strong.get_text() for li in soup_of(client.get(page.url)).select(".insurance-plans li")
    ]
    assert plans == ["Original Medicare (Part B)", "Prairie State Health Plan"]


def test_the_consultation_form_can_offer_the_accepted_plans(db):
    InsurancePlanFactory(name="Lakeshore Mutual", sort_order=0)
    InsurancePlanFactory(name="Dropped Plan", accepted=False)
    assert insurance_plan_choices() == [("Lakeshore Mutual", "Lakeshore Mutual")]


def test_with_no_plans_listed_the_page_says_to_call(client, home_page):
    page = NewPatientsPageFactory(parent=home_page)
    assert "call us to check whether we accept your plan" in soup_of(client.get(page.url)).text


def test_patient_forms_download_as_pdf_with_their_size(client, home_page):
    form = DocumentFactory(title="New patient questionnaire")
    page = NewPatientsPageFactory(parent=home_page, forms=[form])
    link = soup_of(client.get(page.url)).select_one(".patient-forms a")
    assert link.get_text() == "New patient questionnaire"
    assert link.has_attr("download")
    assert "(PDF," in link.parent.get_text()
    download = client.get(link["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_patient_form_must_be_a_pdf(db):
    document = DocumentFactory(title="Word form")
    document.file.save("form.docx", ContentFile(b"not a pdf"))
    with pytest.raises(ValidationError, match="PDF"):
        PatientForm(document=document).clean()


def test_self_pay_prices_and_the_good_faith_estimate_notice_show(client, home_page):
    page = NewPatientsPageFactory(
        parent=home_page,
        prices=[("New patient consultation", "250.00"), ("Follow-up visit", "89.50")],
    )
    html = soup_of(client.get(page.url))
    rows = [
        [cell.get_text(" ", strip=True) for cell in row(["th", "td"])]
        for row in html.select(".price-table tbody tr")
    ]
    assert rows == [["New patient consultation", "$250"], ["Follow-up visit", "$89.50"]]
    assert "Your right to a good-faith estimate" in html.text
    assert "Good Faith Estimate" in html.text
    assert "How to ask for an estimate" in html.text


def test_a_plan_staff_add_shows_at_once_on_the_cached_page(client, home_page):
    page = NewPatientsPageFactory(parent=home_page)
    client.get(page.url)  # the cached fragment now holds "call us to check"
    InsurancePlanFactory(name="Heartland Health Alliance")
    assert "Heartland Health Alliance" in soup_of(client.get(page.url)).text
