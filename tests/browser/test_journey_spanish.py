"""A Spanish-speaking patient on a 360 px phone: the Spanish home page -> search "dolor de
espalda" -> an article -> a consultation request in Spanish. The front desk then sees the
request marked Spanish and finds it with the language filter.

axe checks every page on the way; screenshots go to test-artifacts/.
"""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect

from pages.consultation.models import ConsultationRequest

from .helpers import assert_no_axe_violations, new_page, save_screenshot, sign_in, staff_member

ARTICLE_TITLE = "Ejercicio para el dolor de espalda baja: por dónde empezar"


def assert_fits_a_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_spanish_speaker_reads_and_asks_for_a_consultation(
    live_server, demo_site, browser_page, axe, chromium
):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 780})

    page.goto(live_server.url + "/es/")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert_fits_a_phone(page)
    save_screenshot(page, "journey-es-360-1-home")
    assert_no_axe_violations(axe, page, "the Spanish home page at 360 px")

    # Search is behind the header's "Buscar" on a phone.
    page.locator("header summary", has_text="Buscar").click()
    search = page.locator("#menu-search-q")
    search.fill("dolor de espalda")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/es/search/\?q=dolor\+de\+espalda"))
    assert page.evaluate("document.documentElement.lang") == "es"
    assert_fits_a_phone(page)
    save_screenshot(page, "journey-es-360-2-search")
    assert_no_axe_violations(axe, page, "Spanish search results at 360 px")

    page.locator("main").get_by_role("link", name=ARTICLE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert_fits_a_phone(page)
    save_screenshot(page, "journey-es-360-3-article")
    assert_no_axe_violations(axe, page, "a Spanish article at 360 px")

    page.get_by_role("link", name="Pida una consulta").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitar una consulta")
    assert_no_axe_violations(axe, page, "the Spanish consultation form at 360 px")

    # A mistake first: the errors come back in Spanish, with what was typed kept.
    page.get_by_label("Nombre completo").fill("Rosario Méndez")
    page.get_by_role("button", name="Enviar mi solicitud").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Escriba su correo electrónico")
    expect(page.get_by_label("Nombre completo")).to_have_value("Rosario Méndez")
    save_screenshot(page, "journey-es-360-4-form-errors")
    assert_no_axe_violations(axe, page, "the Spanish form with errors at 360 px")

    page.get_by_role("textbox", name=re.compile("^Correo electrónico")).fill(
        "rosario.mendez@example.org"
    )
    page.get_by_label("Número de teléfono").fill("(555) 201-4410")
    page.get_by_role("group", name="¿Cómo prefiere que nos comuniquemos con usted?").get_by_label(
        "Por teléfono"
    ).check()
    page.get_by_role("group", name="Paciente nuevo o actual").get_by_role("radio").first.check()
    page.get_by_label("Motivo de su consulta").fill("Dolor de espalda baja desde el invierno")
    page.get_by_role("checkbox", name=re.compile("^Acepto")).check()
    page.get_by_role("button", name="Enviar mi solicitud").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gracias, recibimos su solicitud")
    assert page.evaluate("document.documentElement.lang") == "es"
    save_screenshot(page, "journey-es-360-5-thank-you")
    assert_no_axe_violations(axe, page, "the Spanish thank-you page at 360 px")

    item = ConsultationRequest.objects.get(form_data__email="rosario.mendez@example.org")
    assert item.language == "es"

    staff_member("rosa", ["Front desk"])
    assert Group.objects.filter(name="Front desk").exists()
    desk = new_page(chromium, width=1280)
    sign_in(desk, live_server.url, "rosa")
    desk.goto(live_server.url + f"/admin/forms/submissions/{item.page_id}/?language=es")
    row = desk.locator("tr", has_text="rosario.mendez@example.org")
    expect(row).to_contain_text("Spanish")
    save_screenshot(desk, "journey-es-front-desk")
    desk.context.close()
