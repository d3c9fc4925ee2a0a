"""In real Chromium: a patient comments, a moderator approves it in the admin, the patient
sees it. The article is accessible with comments and with form errors."""

import re

import pytest
from playwright.sync_api import expect

from education.comments.models import Comment
from tests.factories import CommentFactory, ReplyFactory

from .helpers import assert_no_axe_violations, new_page, save_screenshot, sign_in, staff_member

COMMENT = "The knee hugs in bed helped me on stiff mornings.\nThank you for the clear steps."


@pytest.fixture
def moderator(db):
    return staff_member("moira", ["Comment moderators"], first_name="Moira")


@pytest.fixture
def commented_article(article):
    """Four comments on show (one of them the practice's reply) and one waiting for review."""
    question = CommentFactory(article=article, name="Sam", body="Should I stretch every day?")
    ReplyFactory(parent=question, body="Gentle stretches suit most people.")
    CommentFactory(article=article, name="Lee", body="Walking helped me most.")
    CommentFactory(article=article, name="Priya", body="Heat before stretching works for me.")
    CommentFactory(article=article, status=Comment.Status.PENDING, body="Is this normal?")
    return article


def test_a_comment_is_reviewed_before_it_appears(
    live_server, commented_article, moderator, chromium, browser_page, axe
):
    patient = browser_page
    patient.goto(live_server.url + commented_article.url)
    comments = patient.locator("#comments")
    expect(comments.locator("h2")).to_have_text("4 comments")
    comments.scroll_into_view_if_needed()
    assert_no_axe_violations(axe, patient, "an article with comments")

    # Sent empty: the errors are listed, focused, and the page stays accessible.
    patient.get_by_role("button", name="Post comment").click()
    summary = patient.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter your name")
    expect(patient).to_have_title(re.compile(r"^Error: "))
    save_screenshot(patient, "comment-form-errors")
    assert_no_axe_violations(axe, patient, "an article with comment form errors")

    # Following an error's link reaches its field.
    summary.get_by_role("link", name="Enter your name").click()
    expect(patient.get_by_label("Name")).to_be_focused()
    patient.get_by_label("Name").fill("Hannah")
    patient.get_by_label("Email address").fill("hannah.private@example.org")
    patient.get_by_role("textbox", name=re.compile(r"^Comment")).fill(COMMENT)
    patient.get_by_role("button", name="Post comment").click()

    expect(patient).to_have_url(re.compile(r"#comments$"))
    expect(patient.locator("#comments [role=status]")).to_contain_text(
        "once a member of our team has reviewed it"
    )
    expect(comments).not_to_contain_text("knee hugs in bed")
    assert "hannah.private" not in patient.content()

    # The moderator signs in and approves the comment from its page in the admin.
    staff = new_page(chromium)
    sign_in(staff, live_server.url, "moira")
    staff.get_by_role("link", name="Comments (2)").click()
    expect(staff.locator("table.listing")).to_contain_text("Hannah")
    staff.get_by_role("link", name=re.compile(r"Comment \d+ by Hannah")).click()
    expect(staff.locator("main")).to_contain_text("The knee hugs in bed helped me")
    staff.get_by_role("button", name="Approve").click()
    expect(staff.locator(".messages")).to_contain_text("is now approved")
    save_screenshot(staff, "comment-approved-in-admin")
    staff.context.close()

    # The patient reloads the article and finds their comment, line break kept.
    patient.reload()
    expect(comments.locator("h2")).to_have_text("5 comments")
    last = comments.locator(".comment").last
    expect(last.locator(".comment__author")).to_have_text("Hannah")
    expect(last.locator(".comment__text")).to_contain_text("Thank you for the clear steps.")
    assert last.locator(".comment__text br").count() == 1
    save_screenshot(patient, "article-with-approved-comment")
    assert_no_axe_violations(axe, patient, "an article after a comment was approved")


def test_comments_fit_a_small_phone(live_server, commented_article, browser_page, axe):
    long_address = "https://example.com/" + "a-very-long-address-without-spaces" * 5
    CommentFactory(
        article=commented_article,
        name="Quentin",
        email="quentin@example.org",
        body=f"I found this elsewhere: {long_address}",
    )
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + commented_article.url)
    expect(page.locator("#comments")).to_contain_text(long_address)
    assert page.locator("#comments a[href*='a-very-long-address']").count() == 0
    page.get_by_role("textbox", name=re.compile(r"^Comment")).fill(long_address)
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".error-summary")).to_be_focused()

    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    save_screenshot(page, "comments-360")
    assert_no_axe_violations(axe, page, "comment form errors on a small phone")
