"""Staff build the form in the page editor."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from pages.consultation.models import ConsultationFormPage

pytestmark = pytest.mark.django_db


def page_data(*fields):
    return nested_form_data(
        {
            "title": "Ask for a second opinion",
            "slug": "second-opinion",
            "intro": rich_text("<p>Send us your question.</p>"),
            "form_fields": inline_formset(
                [
                    {
                        "label": label,
                        "field_type": field_type,
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                        "autocomplete": "",
                        "required_message": "",
                    }
                    for label, field_type in fields
                ]
            ),
            "submit_button_text": "Send",
            "privacy_note": rich_text(""),
            "thank_you_heading": "Thank you",
            "thank_you_text": rich_text(""),
            "next_steps": rich_text(""),
            "to_address": "",
            "from_address": "",
            "subject": "",
            "action-publish": "publish",
        }
    )


def add_url(home_page):
    return reverse(
        "wagtailadmin_pages:add", args=("consultation", "consultationformpage", home_page.pk)
    )


def test_staff_build_a_consultation_form_in_the_editor(client, superuser, home_page):
    client.force_login(superuser)
    response = client.post(
        add_url(home_page), page_data(("Your name", "singleline"), ("Best phone", "tel"))
    )
    assert response.status_code == 302

    page = ConsultationFormPage.objects.get(slug="second-opinion")
    assert [(f.clean_name, f.field_type) for f in page.form_fields.all()] == [
        ("your_name", "singleline"),
        ("best_phone", "tel"),
    ]
    html = client.get("/second-opinion/").content.decode()
    assert 'for="id_your_name">Your name' in html
    assert 'type="tel"' in html


def test_a_field_label_that_clashes_with_the_spam_trap_is_refused(client, superuser, home_page):
    client.force_login(superuser)
    response = client.post(add_url(home_page), page_data(("Website", "singleline")))

    assert response.status_code == 200
    assert "The form uses the name “website” for itself" in response.content.decode()
    assert not ConsultationFormPage.objects.filter(slug="second-opinion").exists()


@pytest.mark.parametrize(
    "mode, expected",
    [("form", 'name="full_name"'), ("landing", "Thank you, we have your request")],
)
def test_both_preview_modes_render(consultation_page, mode, expected):
    response = consultation_page.make_preview_request(preview_mode=mode)
    assert response.status_code == 200
    assert expected in response.rendered_content
