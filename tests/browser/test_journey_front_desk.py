"""Journey: the front desk in real Chromium at 1280 px. A patient sends a request; the front
desk sees it on the dashboard, opens it, marks it contacted with a note, then booked, and
exports the list: the export shows the request's local time and its status."""

import csv
import io
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pages.consultation.models import ConsultationRequest, Status
from tests.pages.consultation.helpers import VALID_ANSWERS

from .helpers import (
    fill_in_the_consultation_form,
    new_page,
    save_screenshot,
    sign_in,
    staff_member,
)


@pytest.fixture
def desk_user(db):
    return staff_member("rosa", ["Front desk"], first_name="Rosa", last_name="Diaz")


def assert_fits_the_window(page, label):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{label} runs {overflow} px off the right edge"


def test_front_desk_answers_a_request(live_server, consultation_page, desk_user, chromium):
    patient = new_page(chromium)
    patient.goto(live_server.url + "/consultation/")
    fill_in_the_consultation_form(patient, email=VALID_ANSWERS["email"])
    patient.get_by_role("button", name="Send my request").click()
    patient.wait_for_url("**/consultation/thank-you/")
    patient.context.close()
    item = ConsultationRequest.objects.get()

    page = new_page(chromium, width=1280, accept_downloads=True)
    sign_in(page, live_server.url, "rosa")
    panel = page.locator("#new-consultation-requests-section")
    assert "1 new request" in panel.inner_text()
    save_screenshot(page, "front-desk-dashboard")

    panel.get_by_role("link", name="1 new request").click()
    page.wait_for_url("**/admin/forms/submissions/**")
    assert_fits_the_window(page, "the list of requests")
    phone = page.get_by_role("link", name=VALID_ANSWERS["phone"])
    assert phone.get_attribute("href") == "tel:5552017788"
    save_screenshot(page, "front-desk-requests")

    page.get_by_role("link", name=f"#{item.pk}").click()
    page.get_by_label("Status").select_option(label="Contacted")
    page.get_by_label("Add a note").fill("Called at 9:10 a.m.; she will call back after lunch.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Called at 9:10 a.m.; she will call back after lunch.")).to_be_visible()
    expect(page.locator(".consultation-notes")).to_contain_text("Rosa Diaz")

    page.get_by_label("Status").select_option(label="Booked")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Status: Booked").wait_for()
    assert_fits_the_window(page, "the request's page")
    save_screenshot(page, "front-desk-request-booked")
    item.refresh_from_db()
    assert item.status == Status.BOOKED

    page.get_by_role("link", name="Back to all requests").click()
    page.locator("#w-slim-header-buttons").get_by_role("button").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    content = Path(download_info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(content)))
    received = timezone.localtime(item.submit_time).strftime("%Y-%m-%d %H:%M")
    assert rows[0][1] == "Received (New York time)"
    assert rows[1][1:3] == [received, "Booked"]
    page.context.close()
