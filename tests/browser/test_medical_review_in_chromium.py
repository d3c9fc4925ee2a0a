"""The whole life of an article in real Chromium: an editor writes it and submits it for
medical review, a medical reviewer approves it, and a patient finds it through site search."""

import re

from django.contrib.auth.models import Group, User
from django.utils.dateformat import format as date_format
from playwright.sync_api import expect

from education.models import ArticleIndexPage, AuthorPage
from education.review import EDITORS, MEDICAL_REVIEWERS, today

from .conftest import assert_no_axe_violations, save_screenshot

PASSWORD = "correct horse battery staple"


def staff(username, group_name):
    user = User.objects.create_user(username, f"{username}@practice.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base_url + "/admin/")


def open_action_menu(page):
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()


def test_an_article_goes_from_editor_to_reviewer_to_patient(live_server, demo_site, chromium, axe):
    staff("eddie", EDITORS)
    reviewer = staff("anita", MEDICAL_REVIEWERS)
    reyes = AuthorPage.objects.get(slug="anita-reyes")
    reyes.user = reviewer
    reyes.save_revision().publish()
    index = ArticleIndexPage.objects.get()
    base = live_server.url

    # The editor writes the article and submits it; publishing is not offered.
    editor_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = editor_context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, base, "eddie")
    page.goto(f"{base}/admin/pages/add/education/articlepage/{index.pk}/")
    page.fill("#id_title", "Warm baths for sore muscles")
    page.fill("#id_summary", "How warm water eases stiff muscles, and when cold is better.")
    page.locator("#inline_child_article_authors-0 [data-chooser-action-choose]").first.click()
    page.get_by_role("link", name="Dr. Maya Okafor, DPT").click()
    page.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraph").click()
    paragraph = page.locator(".public-DraftEditor-content").first
    paragraph.wait_for()
    paragraph.click()
    page.keyboard.type(
        "A warm bath relaxes tight muscles before gentle stretching. "
        "Some people call this balneotherapy."
    )
    # Draftail writes what was typed into the form field a moment later.
    expect(page.locator('input[name="body-0-value"]')).to_have_value(re.compile("balneotherapy"))
    page.get_by_role("checkbox", name="Back pain").check()
    open_action_menu(page)
    assert page.get_by_role("button", name="Publish", exact=True).count() == 0
    page.get_by_role("button", name="Submit to Medical review").click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/")
    assert "submitted for moderation" in page.locator(".messages").inner_text()
    editor_context.close()

    article_url = f"{base}/education/warm-baths-for-sore-muscles/"
    patient_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    patient = patient_context.new_page()
    patient.set_default_timeout(15_000)
    assert patient.goto(article_url).status == 404  # not live before review

    # The reviewer finds it on the dashboard and approves it.
    reviewer_context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = reviewer_context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, base, "anita")
    page.get_by_role("link", name="Warm baths for sore muscles").first.click()
    page.wait_for_url("**/edit/")
    open_action_menu(page)
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    page.wait_for_url(f"{base}/admin/pages/{index.pk}/")
    save_screenshot(page, "medical-review-approved")
    reviewer_context.close()

    # It is live, reviewed today by the approving reviewer.
    patient.goto(article_url)
    dates = patient.locator(".article__dates").inner_text()
    assert f"Medically reviewed by Dr. Anita Reyes, MD on {date_format(today(), 'j F Y')}" in (
        dates
    )

    # A patient searches for a word from its body with the search box in the header.
    patient.goto(base + "/")
    patient.get_by_role("searchbox", name="Search this site").fill("balneotherapy")
    with patient.expect_navigation():
        patient.keyboard.press("Enter")
    assert "/search/?q=balneotherapy" in patient.url
    titles = patient.locator(".search-result__title").all_inner_texts()
    assert titles == ["Warm baths for sore muscles"]
    assert patient.locator(".search-result__summary mark").count() == 0  # not in the summary
    save_screenshot(patient, "search-finds-reviewed-article")
    assert_no_axe_violations(axe, patient, "search results for a new article")
    patient_context.close()
