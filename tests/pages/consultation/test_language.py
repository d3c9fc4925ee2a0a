"""Spanish speakers request a consultation in Spanish (issue 15): the Spanish page is a
translation of the form page. The request stores the page's language, never one the patient
sends; every message to the patient is in their language; the front desk works through one
queue with the language shown, filtered and exported."""

import csv
import io
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from pages.consultation.forms import OTHER_PLAN
from pages.consultation.models import ConsultationRequest
from practice.spam import HONEYPOT_FIELD
from tests.factories import ConsultationRequestFactory, TreatmentPageFactory
from tests.helpers import translate

from .helpers import SPANISH_ANSWERS, VALID_ANSWERS, answers, spanish_answers

pytestmark = pytest.mark.django_db

URL = "/es/consultation/"


def spanish(message, **params):
    """`message` as the Spanish catalog has it (the msgid itself until it is translated)."""
    with translation.override("es"):
        return translation.gettext(message).format(**params)


def error_summary(response):
    html = response.content.decode()
    return html.split('class="error-summary"')[1].split("</div>")[0]


def list_url(page, query=""):
    return reverse("wagtailforms:list_submissions", args=[page.pk]) + query


def test_a_spanish_request_stores_es_and_thanks_the_patient_in_spanish(
    client, spanish_consultation_page
):
    html = client.get(URL).content.decode()
    assert '<html lang="es"' in html
    assert "Nombre completo" in html and "Enviar mi solicitud" in html

    response = client.post(URL, spanish_answers())
    assert response.status_code == 303
    assert response["Location"] == "/es/consultation/thank-you/"
    stored = ConsultationRequest.objects.get()
    assert stored.language == "es"
    assert stored.page_id == spanish_consultation_page.pk
    # The answers keep the English page's names: the front desk's columns are the same.
    assert stored.form_data["full_name"] == SPANISH_ANSWERS["full_name"]
    # The Spanish radio button's value is the English form's: one stored value per choice.
    assert stored.form_data["contact_preference"] == "Phone"

    thanks = client.get(response["Location"]).content.decode()
    assert '<html lang="es"' in thanks
    assert "Gracias, ya recibimos su solicitud" in thanks


def test_the_language_is_the_pages_never_what_the_patient_sends(
    client, consultation_page, spanish_consultation_page
):
    client.post(URL, spanish_answers(language="en-us"), HTTP_ACCEPT_LANGUAGE="en-US")
    client.post("/consultation/", answers(language="es"), HTTP_ACCEPT_LANGUAGE="es")
    assert list(ConsultationRequest.objects.order_by("pk").values_list("language", flat=True)) == [
        "es",
        "en-us",
    ]


def test_a_missing_answer_is_explained_in_the_editors_spanish(client, spanish_consultation_page):
    response = client.post(URL, spanish_answers(full_name="", reason=""))
    assert response.status_code == 200
    summary = error_summary(response)
    assert "Escriba su nombre completo" in summary
    # No message written for this question: the default one, in Spanish, with its label.
    assert escape("Complete “motivo de la consulta”") in summary
    assert not ConsultationRequest.objects.exists()


@pytest.mark.parametrize(
    "body, field, message",
    [
        pytest.param(
            {"full_name": "Mar\x00ía"},
            "full_name",
            "Los caracteres nulos no están permitidos.",
            id="nul",
        ),
        pytest.param(
            {"full_name": "M" * 100_000},
            "full_name",
            "“Nombre completo” debe tener 200 caracteres o menos",
            id="huge-name",
        ),
        pytest.param(
            {"reason": "dolor " * 50_000},
            "reason",
            "“Motivo de la consulta” debe tener 1000 caracteres o menos",
            id="huge-reason",
        ),
        pytest.param(
            {"email": "maria@"},
            "email",
            "Escriba un correo electrónico con el formato correcto, por ejemplo nombre@ejemplo.com",
            id="malformed-email",
        ),
        pytest.param(
            {"contact_preference": "Paloma mensajera\x00"},
            "contact_preference",
            "Elija una de las opciones de “¿cómo prefiere que lo contactemos?”",
            id="choice-not-offered",
        ),
    ],
)
def test_bad_input_on_the_spanish_form_gets_a_spanish_message(
    client, spanish_consultation_page, body, field, message
):
    response = client.post(URL, spanish_answers(best_times="tardes\x00", **body))
    assert response.status_code == 200
    summary = error_summary(response)
    assert "Los caracteres nulos no están permitidos." in summary  # Django's own Spanish
    assert escape(message) in summary
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_bytes_that_are_not_utf8_are_refused_in_spanish(client, spanish_consultation_page):
    fields = urlencode({**spanish_answers(), "full_name": "MARKER", "best_times": "x\x00"})
    body = fields.replace("MARKER", "Mar%FF%C0%AFa")
    response = client.post(URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    summary = error_summary(response)
    assert "Los caracteres nulos no están permitidos." in summary
    assert (
        "“Nombre completo” tiene caracteres que no pudimos leer. Por favor, escríbalo otra vez."
        in summary
    )
    assert not ConsultationRequest.objects.exists()


def test_the_insurance_choices_are_in_spanish_and_stored_in_english(
    client, spanish_consultation_page
):
    html = client.get(URL).content.decode()
    other = "Otro plan, o pago por mi cuenta"
    assert f'<option value="{OTHER_PLAN}">{escape(other)}</option>' in html
    client.post(URL, spanish_answers(insurance=OTHER_PLAN))
    assert ConsultationRequest.objects.get().form_data["insurance"] == OTHER_PLAN


@override_settings(CONSULTATION_RATE_LIMIT=1)
def test_the_rate_limit_speaks_spanish_and_keeps_the_answers(client, spanish_consultation_page):
    assert client.post(URL, spanish_answers()).status_code == 303
    response = client.post(URL, spanish_answers())
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "Por ahora no podemos aceptar otra solicitud" in html
    assert f'value="{SPANISH_ANSWERS["full_name"]}"' in html
    assert ConsultationRequest.objects.count() == 1


def test_a_bot_on_the_spanish_form_lands_on_the_spanish_thank_you_page(
    client, spanish_consultation_page
):
    trap = {HONEYPOT_FIELD: "https://cheap-pills.example"}
    response = client.post(URL, spanish_answers(**trap))
    assert response.status_code == 303
    assert response["Location"] == "/es/consultation/thank-you/"
    assert not ConsultationRequest.objects.exists()


def test_a_spanish_page_asked_about_is_stored_as_its_english_original(
    client, spanish_consultation_page
):
    injection = TreatmentPageFactory(title="Epidural steroid injection")
    inyeccion = translate(injection, title="Inyección epidural de esteroides")
    html = client.get(f"{URL}?treatment={inyeccion.pk}").content.decode()
    assert "<strong>Inyección epidural de esteroides</strong>" in html
    client.post(URL, spanish_answers(regarding=f"treatment:{inyeccion.pk}"))
    assert ConsultationRequest.objects.get().regarding_topic_id == injection.pk
    # Sent to the Spanish form with the English page's id: still named in Spanish.
    html = client.get(f"{URL}?treatment={injection.pk}").content.decode()
    assert "<strong>Inyección epidural de esteroides</strong>" in html


# The front desk -------------------------------------------------------------------------------


@pytest.fixture
def both_languages(consultation_page, spanish_consultation_page):
    data = {**VALID_ANSWERS, "consent": True}
    return {
        "en": ConsultationRequestFactory(page=consultation_page, form_data=data),
        "es": ConsultationRequestFactory(
            page=spanish_consultation_page,
            language="es",
            form_data={**data, "full_name": "Lucía Ortega"},
        ),
    }


def test_one_queue_shows_every_language_and_filters_by_it(
    client, front_desk_user, consultation_page, both_languages
):
    client.force_login(front_desk_user)
    english, spanish_request = both_languages["en"], both_languages["es"]
    html = client.get(list_url(consultation_page)).content.decode()
    assert "<small>Spanish</small>" in html and "<small>English</small>" in html
    # Names wrap between words: each word is its own element, so read the text.
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    assert "Lucía Ortega" in text and VALID_ANSWERS["full_name"] in text
    assert '<option value="es">Spanish</option>' in html

    html = client.get(list_url(consultation_page, "?language=es")).content.decode()
    assert f"#{spanish_request.pk}<" in html and f"#{english.pk}<" not in html
    for bad in ("?language=xx", "?language=", "?language=es&language=en-us"):
        assert client.get(list_url(consultation_page, bad)).status_code in (200, 400), bad


def test_the_index_leads_to_the_one_queue(
    client, front_desk_user, consultation_page, spanish_consultation_page
):
    client.force_login(front_desk_user)
    response = client.get(reverse("consultation_requests:index"))
    assert response.status_code == 302
    assert response["Location"] == list_url(consultation_page)


def test_the_exports_have_the_language_column(
    client, front_desk_user, consultation_page, both_languages
):
    client.force_login(front_desk_user)
    response = client.get(list_url(consultation_page, "?export=csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    language = rows[0].index("Language")
    assert sorted(row[language] for row in rows[1:]) == ["English", "Spanish"]


def test_a_spanish_request_reads_in_english_for_the_front_desk(
    client, front_desk_user, both_languages
):
    client.force_login(front_desk_user)
    item = both_languages["es"]
    html = client.get(reverse("consultation_requests:detail", args=[item.pk])).content.decode()
    assert "Language: <strong>Spanish</strong>" in html
    assert "<strong>Full name</strong>" in html  # the English page's labels
    assert "Lucía Ortega" in html


def test_the_consent_links_to_the_privacy_notice_in_spanish(
    client, privacy_page, spanish_consultation_page
):
    aviso = translate(privacy_page, title="Aviso de privacidad")
    assert aviso.url.startswith("/es/")
    html = client.get(URL).content.decode()
    link = f'<a href="{aviso.url}" target="_blank" rel="noopener">aviso de privacidad'
    assert link in html
