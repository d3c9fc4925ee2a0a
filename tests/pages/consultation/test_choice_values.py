"""One stored value per choice, whatever the form's language (issue 26): the Spanish form's
radio buttons are labels over the English form's values, so one column of the queue and of the
exports holds one vocabulary; the front desk reads it in its own language and sees the words
the patient chose."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils.html import escape

from pages.consultation.models import ConsultationRequest

from .helpers import spanish_answers

pytestmark = pytest.mark.django_db

URL = "/es/consultation/"


def list_url(page, query=""):
    return reverse("wagtailforms:list_submissions", args=[page.pk]) + query


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response):
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [[cell if cell is not None else "" for cell in row] for row in workbook.active.values]


def test_the_spanish_radio_buttons_post_the_english_values(client, spanish_consultation_page):
    html = client.get(URL).content.decode()
    assert 'value="Phone"' in html and "Teléfono" in html
    assert 'value="I am a new patient"' in html and "Soy paciente nuevo" in html
    assert 'value="Teléfono"' not in html


def test_a_spanish_label_posted_as_a_value_is_refused(client, spanish_consultation_page):
    response = client.post(URL, spanish_answers(contact_preference="Teléfono"))
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()


def test_a_choice_added_to_the_english_form_is_offered_on_the_spanish_form(
    client, consultation_page, spanish_consultation_page
):
    field = consultation_page.form_fields.get(clean_name="contact_preference")
    field.choices += "\nText message"
    field.save()
    html = client.get(URL).content.decode()
    assert 'value="Text message"' in html
    assert client.post(URL, spanish_answers(contact_preference="Text message")).status_code == 303
    assert ConsultationRequest.objects.get().form_data["contact_preference"] == "Text message"


@pytest.fixture
def one_request_per_language(client, consultation_page, spanish_consultation_page):
    """The same choices sent through the English and the Spanish forms."""
    english = spanish_answers(full_name="Ann English")
    assert client.post("/consultation/", english).status_code == 303
    client.cookies.clear()
    assert client.post(URL, spanish_answers(full_name="Lucía Ortega")).status_code == 303
    return {item.language: item for item in ConsultationRequest.objects.all()}


def test_both_languages_read_the_same_in_the_queue_detail_and_exports(
    client, front_desk_user, consultation_page, one_request_per_language
):
    english, spanish = one_request_per_language["en-us"], one_request_per_language["es"]
    assert english.form_data["patient_status"] == spanish.form_data["patient_status"]
    client.force_login(front_desk_user)

    html = client.get(list_url(consultation_page)).content.decode()
    assert html.count('<li class="consultation-queue__one-line">Phone</li>') == 2
    assert "Teléfono" not in html

    detail = client.get(reverse("consultation_requests:detail", args=[spanish.pk]))
    html = detail.content.decode()
    assert "I am a new patient" in html
    assert escape("(the patient chose “Soy paciente nuevo”, in Spanish)") in html

    for export, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        rows = read(client.get(list_url(consultation_page, f"?export={export}")))
        headings = rows[0]
        by_name = {row[headings.index("Full name")]: row for row in rows[1:]}
        for name in ("Ann English", "Lucía Ortega"):
            row = by_name[name]
            assert row[headings.index("Preferred way to contact you")] == "Phone", export
            assert row[headings.index("New or existing patient")] == "I am a new patient"
        # Every cell under its own heading (the XLSX once had "Assigned to" and "Language"
        # swapped).
        assert by_name["Lucía Ortega"][headings.index("Language")] == "Spanish", export
        assert by_name["Lucía Ortega"][headings.index("Assigned to")] == "", export
