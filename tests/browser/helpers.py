"""What the Chromium tests do again and again: check a page with axe, keep a screenshot, open a
second browser window, make staff and sign them in, fill in the consultation form."""

import os
from pathlib import Path

from django.db import connection

from tests.factories import UserFactory
from tests.helpers import current_code, staff_authenticator
from tests.pages.consultation.helpers import VALID_ANSWERS

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A folder per database, so the SQLite and PostgreSQL runs in CI never write the same file.
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / connection.vendor
# CI keeps nothing a run leaves on disk, and the full-page screenshots were a third of the
# every-page-type sweep's time there: it takes them only when SAVE_SCREENSHOTS asks.
SAVE_SCREENSHOTS = os.environ.get(
    "SAVE_SCREENSHOTS", "false" if os.environ.get("CI", "").lower() == "true" else "true"
).lower() in ("1", "true", "yes")


def assert_no_axe_violations(axe, page, label):
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = results.response["violations"]
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in violations
    )
    assert not violations, f"axe found {len(violations)} violation(s) on {label}:\n{details}"


# A full-page screenshot does not scroll, so lazy pictures below the first screen would be
# blank: load them all first, and wait until each one can be drawn.
LOAD_EVERY_PICTURE = """
() => Promise.all([...document.images].map((img) => {
  img.loading = "eager";
  return img.decode().catch(() => null);
}))
"""


def save_screenshot(page, name):
    if not SAVE_SCREENSHOTS:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.evaluate(LOAD_EVERY_PICTURE)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_fits_and_is_accessible(page, axe, width, label, screenshot=None):
    """The page fits `width` with no sideways scrolling, is kept as `screenshot` if one is
    named, and has no axe violations (`label` names the page in the failure)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if screenshot:
        save_screenshot(page, screenshot)
    assert_no_axe_violations(axe, page, f"{label} at {width}px")


def new_page(chromium, width=1280, **context_options):
    """A tab in a browser window of its own (its own cookies): another person at another
    computer. Closing its context closes it."""
    context = chromium.new_context(viewport={"width": width, "height": 900}, **context_options)
    page = context.new_page()
    # CI runs the SQLite and PostgreSQL suites side by side on two cores: an admin action that
    # saves, starts a workflow and notifies reviewers has taken over 15 s there.
    page.set_default_timeout(30_000)
    return page


# Every member of staff the journeys make signs in with it.
PASSWORD = "correct horse battery staple"


def staff_member(username, groups, **fields):
    """A member of staff in `groups` (names), who signs in with PASSWORD."""
    return UserFactory(username=username, password=PASSWORD, groups=groups, **fields)


def sign_in(page, base_url, username):
    """Sign in to the Wagtail admin through its own forms, as a `staff_member`: the password,
    then the code their authenticator app shows (practice/staff_auth/), worked out here."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    app = staff_authenticator(get_user_model().objects.get(username=username))
    # A code works once: a journey that signs the same person in twice within 30 seconds
    # would be refused the second time, as a person would be, so the app starts afresh.
    TOTPDevice.objects.filter(pk=app.pk).update(last_t=-1)
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(current_code(app))
    page.get_by_role("button", name="Verify code").click()
    page.wait_for_url(base_url + "/admin/")


def fill_in_the_consultation_form(page, email):
    """Every answer the consultation form asks for, with `email` as the email address."""
    page.get_by_label("Full name").fill(VALID_ANSWERS["full_name"])
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Phone number").fill(VALID_ANSWERS["phone"])
    page.get_by_role("group", name="Preferred way to contact you").get_by_label("Phone").check()
    page.get_by_label("Best times to reach you").fill(VALID_ANSWERS["best_times"])
    page.get_by_label("I am a new patient").check()
    page.get_by_label("Reason for your visit").fill(VALID_ANSWERS["reason"])
    page.get_by_label("I agree that the practice may store these details").check()
