"""A patient on a 360 px phone, end to end: home → patient education → a topic → an article →
its author → back → a comment → a consultation request with a mistake → thank you.

axe checks every page on the way; screenshots go to test-artifacts/.
"""

import re

from playwright.sync_api import expect

from pages.consultation.models import ConsultationRequest
from tests.pages.consultation.helpers import VALID_ANSWERS

from .helpers import assert_no_axe_violations, fill_in_the_consultation_form, save_screenshot

ARTICLE_TITLE = "Exercise for low back pain: where to start"


def test_a_patient_on_a_phone_reads_comments_and_asks_for_a_consultation(
    live_server, demo_site, browser_page, axe
):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 780})

    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "journey-360-1-home")
    assert_no_axe_violations(axe, page, "the home page at 360 px")

    # On a phone the sections are behind the header's Menu.
    page.locator("header summary", has_text="Menu").click()
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Patient education"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Patient education")
    assert_no_axe_violations(axe, page, "the article index at 360 px")

    page.get_by_role("navigation", name="Browse by topic").get_by_role(
        "link", name="Back pain"
    ).click()
    expect(page).to_have_url(re.compile(r"\?topic=back-pain$"))
    expect(page.locator(".active-filter")).to_contain_text("Showing articles about Back pain")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "journey-360-2-topic")
    assert_no_axe_violations(axe, page, "the article index filtered by a topic at 360 px")

    page.get_by_role("link", name=ARTICLE_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)
    article_url = page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "journey-360-3-article")
    assert_no_axe_violations(axe, page, "an article at 360 px")

    author_link = page.locator(".byline a[rel=author]").first
    author_name = author_link.inner_text()
    author_link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(author_name)
    save_screenshot(page, "journey-360-4-author")
    assert_no_axe_violations(axe, page, "an author page at 360 px")

    page.go_back()
    expect(page).to_have_url(article_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE_TITLE)

    page.get_by_label("Name").fill("Hannah")
    page.get_by_label("Email address").fill("hannah@example.org")
    page.get_by_role("textbox", name=re.compile(r"^Comment")).fill(
        "Starting with five minutes a day made this feel possible."
    )
    page.get_by_role("button", name="Post comment").click()
    expect(page).to_have_url(re.compile(r"#comments$"))
    expect(page.locator("#comments [role=status]")).to_contain_text(
        "once a member of our team has reviewed it"
    )
    save_screenshot(page, "journey-360-5-comment-awaiting-review")
    assert_no_axe_violations(axe, page, "an article after posting a comment at 360 px")

    page.get_by_role("link", name="Request a consultation").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_no_axe_violations(axe, page, "the consultation form at 360 px")

    fill_in_the_consultation_form(page, email="hannah@")
    page.get_by_role("button", name="Send my request").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    assert page.get_by_label("Reason for your visit").input_value() == VALID_ANSWERS["reason"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "journey-360-6-consultation-errors")
    assert_no_axe_violations(axe, page, "the consultation form with errors at 360 px")

    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Email address")).to_be_focused()
    page.get_by_label("Email address").fill(VALID_ANSWERS["email"])
    page.get_by_role("button", name="Send my request").click()

    page.wait_for_url("**/consultation/thank-you/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your request")
    save_screenshot(page, "journey-360-7-thank-you")
    assert_no_axe_violations(axe, page, "the thank-you page at 360 px")
    assert ConsultationRequest.objects.count() == 1
