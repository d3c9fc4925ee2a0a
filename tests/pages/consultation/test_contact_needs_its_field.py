"""A call-back needs a number and an email reply an address (issue 26): the choice of how to be
contacted makes that field required, with the error on the empty field, in the form's
language, and the error summary linking to it."""

import pytest
from django.utils import translation
from django.utils.html import escape

from pages.consultation.models import ConsultationRequest

from .helpers import answers, spanish_answers

pytestmark = pytest.mark.django_db

PHONE_MISSING = "Enter a phone number, so that we can call you as you asked"
EMAIL_MISSING = "Enter an email address, so that we can write to you as you asked"


def in_spanish(message):
    with translation.override("es"):
        return translation.gettext(message)


def field_error(html, field_id):
    """The error message shown with one field (its error element sits before its input)."""
    return html.split(f'id="{field_id}"')[0].rsplit('class="field', 1)[-1]


def summary(html):
    return html.split('class="error-summary"')[1].split("</div>")[0]


def test_phone_with_no_number_is_refused_on_the_phone_field(client, consultation_page):
    response = client.post("/consultation/", answers(contact_preference="Phone", phone=""))
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()
    html = response.content.decode()
    assert f'<a href="#id_phone">{PHONE_MISSING}</a>' in summary(html)
    assert PHONE_MISSING in field_error(html, "id_phone")


def optional_email(page):
    field = page.form_fields.get(clean_name="email")
    field.required = False
    field.save()


def test_email_with_no_address_is_refused_on_the_email_field(client, consultation_page):
    optional_email(consultation_page)  # the demo's asks for it anyway
    response = client.post("/consultation/", answers(contact_preference="Email", email=""))
    html = response.content.decode()
    assert not ConsultationRequest.objects.exists()
    assert f'<a href="#id_email">{EMAIL_MISSING}</a>' in summary(html)


def test_phone_with_a_number_and_no_email_is_accepted(client, consultation_page):
    optional_email(consultation_page)
    response = client.post("/consultation/", answers(contact_preference="Phone", email=""))
    assert response.status_code == 303
    assert ConsultationRequest.objects.get().form_data["phone"]


def test_the_spanish_form_refuses_it_in_spanish(client, spanish_consultation_page):
    assert in_spanish(PHONE_MISSING) != PHONE_MISSING  # translated
    response = client.post("/es/consultation/", spanish_answers(phone=""))
    assert response.status_code == 200
    assert not ConsultationRequest.objects.exists()
    html = response.content.decode()
    assert f'<a href="#id_phone">{escape(in_spanish(PHONE_MISSING))}</a>' in summary(html)
