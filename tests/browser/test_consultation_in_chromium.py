from pages.consultation.models import ConsultationRequest
from tests.pages.consultation.helpers import VALID_ANSWERS

from .helpers import assert_no_axe_violations, fill_in_the_consultation_form, save_screenshot


def test_a_patient_corrects_a_mistake_and_reaches_the_thank_you_page(
    live_server, consultation_page, browser_page, axe
):
    page = browser_page
    page.goto(live_server.url + "/consultation/")
    assert_no_axe_violations(axe, page, "the consultation form")

    fill_in_the_consultation_form(page, email="maria.quintero@")
    page.get_by_role("button", name="Send my request").click()

    # The error summary is announced, focused, and names the mistake.
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert page.title().startswith("Error: ")
    email = page.get_by_label("Email address")
    assert email.get_attribute("aria-invalid") == "true"
    # Nothing typed is lost.
    assert email.input_value() == "maria.quintero@"
    assert page.get_by_label("Reason for your visit").input_value() == VALID_ANSWERS["reason"]
    assert page.get_by_label("I am a new patient").is_checked()
    assert page.get_by_label("I agree that the practice may store these details").is_checked()
    assert ConsultationRequest.objects.count() == 0
    save_screenshot(page, "consultation-with-errors")
    assert_no_axe_violations(axe, page, "the consultation form with errors shown")
    page.emulate_media(color_scheme="dark")
    assert_no_axe_violations(axe, page, "the form with errors in the dark colour scheme")
    page.emulate_media(color_scheme="light")

    # The summary's link takes the patient to the field.
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_email"

    email.fill(VALID_ANSWERS["email"])
    page.get_by_role("button", name="Send my request").click()

    page.wait_for_url("**/consultation/thank-you/")
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you, we have your request"
    assert page.get_by_text("call 911").first.is_visible()
    save_screenshot(page, "consultation-thank-you")
    assert_no_axe_violations(axe, page, "the consultation thank-you page")

    page.emulate_media(color_scheme="dark")
    assert_no_axe_violations(axe, page, "the thank-you page in the dark colour scheme")

    page.reload()
    assert ConsultationRequest.objects.count() == 1
    assert ConsultationRequest.objects.get().form_data["email"] == VALID_ANSWERS["email"]


def test_the_keyboard_never_reaches_the_honeypot(live_server, consultation_page, browser_page):
    page = browser_page
    page.goto(live_server.url + "/consultation/")
    page.get_by_label("Full name").focus()
    names = []
    for _ in range(20):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.name || ''"))
    assert "website" not in names
    assert "consent" in names  # the walk went through the whole form
    box = page.locator("#website-honeypot").bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
