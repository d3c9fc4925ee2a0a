"""Conditions, treatments and the clinician directory in Chromium: a new patient on a 360 px
phone goes from the menu to a condition, a treatment, a clinician who takes new patients and
the consultation form with that treatment and clinician named; every new page type has no axe
violations at both widths in both colour schemes; and a treatment prints as a handout."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.factories import (
    ClinicianPageFactory,
    ConditionIndexPageFactory,
    ConditionPageFactory,
    ImageFactory,
    LanguageFactory,
    TreatmentIndexPageFactory,
    TreatmentPageFactory,
)

from .helpers import assert_no_axe_violations, new_page, save_screenshot


@pytest.fixture
def front_door(furnished_home_page, clinician_index, article):
    """Sciatica, treated with an epidural steroid injection by Dr. Rubin (not taking new
    patients) and Dr. Lopez (taking them, speaks Spanish)."""
    rubin = ClinicianPageFactory(
        parent=clinician_index,
        accepting_new_patients=False,
        npi="1234567893",
        board_certifications="Pain Medicine, American Board of Anesthesiology",
        photo=ImageFactory(width=600, height=600),
        photo_alt="Dr. Rubin in the clinic",
    )
    lopez = ClinicianPageFactory(parent=clinician_index, given_name="Ana", family_name="Lopez")
    lopez.languages = [LanguageFactory(name="Spanish", code="es")]
    lopez.save_revision().publish()
    ConditionIndexPageFactory(parent=furnished_home_page)
    TreatmentIndexPageFactory(parent=furnished_home_page)
    injection = TreatmentPageFactory(
        epidural=True,
        fasting_advice="Eat a light meal up to 2 hours before.",
        clinicians=[rubin, lopez],
        articles=[article],
        medical_reviewer=rubin,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=30),
    )
    sciatica = ConditionPageFactory(
        sciatica=True,
        treatments=[injection],
        clinicians=[rubin, lopez],
        articles=[article],
        medical_reviewer=rubin,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=30),
    )
    return {"sciatica": sciatica, "injection": injection, "rubin": rubin, "lopez": lopez}


def test_a_new_patient_finds_a_clinician_for_a_treatment_on_a_phone(
    live_server, front_door, chromium
):
    page = new_page(chromium, width=360)
    try:
        page.goto(live_server.url + "/")
        # On a phone the sections are behind the header's Menu.
        page.locator("header summary", has_text="Menu").click()
        page.locator("header").get_by_role("link", name="Conditions we treat").click()
        page.locator("a.a-to-z__name", has_text="Sciatica").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sciatica")
        page.get_by_role("link", name="Epidural steroid injection").first.click()
        expect(page.get_by_role("heading", name="How to prepare")).to_be_visible()
        clinicians = page.locator("#clinicians")
        expect(clinicians.locator(".clinician-card").nth(0)).to_contain_text(
            "Not taking new patients"
        )
        clinicians.get_by_role("link", name="Dr. Ana Lopez, MD").click()
        expect(page.locator(".profile__facts")).to_contain_text("Accepting new patients")
        page.get_by_role("link", name="Request a consultation").last.click()
        lopez, injection = front_door["lopez"], front_door["injection"]
        # The form knows both: the clinician chosen, and the treatment read before.
        query = f"clinician={lopez.pk}&treatment={injection.pk}"
        assert page.url == f"{live_server.url}/consultation/?{query}"
        asking_about = page.locator(".consultation-regarding")
        expect(asking_about).to_contain_text("You are asking about: Epidural steroid injection")
        expect(asking_about).to_contain_text(lopez.title)
    finally:
        page.context.close()


def test_the_directory_filters_work_without_javascript(live_server, front_door, chromium):
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 900}
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/clinicians/")
        page.get_by_label("Language spoken").select_option(label="Spanish")
        page.get_by_label("Only clinicians accepting new patients").check()
        page.get_by_role("button", name="Show clinicians").click()
        expect(page.locator(".directory-count")).to_have_text("1 clinician matches your choices.")
        expect(page.locator(".clinician-card")).to_have_count(1)
    finally:
        context.close()


def test_new_page_types_have_no_axe_violations(live_server, front_door, chromium, axe):
    urls = {
        "condition": front_door["sciatica"].url,
        "treatment": front_door["injection"].url,
        "a-z": "/conditions/",
        "treatments": "/treatments/",
        "directory": "/clinicians/?condition=sciatica",
        "empty directory": "/clinicians/?language=es&accepting=on&condition=sciatica&location=",
        "unknown filter": "/clinicians/?language=xx",
        "clinician": front_door["rubin"].url,
    }
    failures = []
    for width in (360, 1280):
        for scheme in ("light", "dark"):
            page = new_page(chromium, width=width, color_scheme=scheme)
            try:
                for name, url in urls.items():
                    page.goto(live_server.url + url)
                    save_screenshot(page, f"front-door-{name}-{width}-{scheme}")
                    try:
                        assert_no_axe_violations(axe, page, f"{name} at {width} px, {scheme}")
                    except AssertionError as error:
                        failures.append(str(error).split("\nassert")[0])
            finally:
                page.context.close()
    assert not failures, "\n\n".join(failures)


def test_a_printed_treatment_is_a_handout(live_server, front_door, browser_page):
    page = browser_page
    page.goto(live_server.url + front_door["injection"].url)
    expect(page.locator(".handout__practice")).to_be_hidden()
    page.emulate_media(media="print")
    for selector in ("header.site-header", "footer.site-footer", ".page-contents", "#clinicians"):
        expect(page.locator(selector)).to_be_hidden()
    expect(page.locator(".handout__practice")).to_contain_text("Rubin Pain Management")
    expect(page.locator(".handout__source")).to_be_visible()
    expect(page.locator("#how-to-prepare .checklist")).to_be_visible()
    expect(page.locator("#when-to-call")).to_be_visible()
