"""Staff sign-in's second factor in real Chromium, with a virtual authenticator from the DevTools
protocol's WebAuthn domain standing in for a fingerprint reader: at the first sign-in a staff
member enrolls a passkey and is shown recovery codes, signs out, signs back in with the
passkey; another browser signs in with a recovery code, which a second use refuses. The
library's scripts run under the admin's Content-Security-Policy (practice/security.py) without
a single refusal. Only a site and the one account are built. Issue 25, finding 10."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from .helpers import PASSWORD, assert_no_axe_violations, new_page, save_screenshot, staff_member

VIRTUAL_AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
}


def with_passkey_reader(page):
    """A platform authenticator (a fingerprint reader) on this tab's browser."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": VIRTUAL_AUTHENTICATOR})
    return cdp


def watch_for_refusals(page):
    """Every CSP refusal and script error the page reports."""
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if any(
                warning in message.text
                for warning in (
                    "Content Security Policy",
                    "Permissions-Policy",
                    "Permissions policy",
                    "Unrecognized feature",
                )
            )
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def sign_in_with_password(page, base):
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page, base):
    page.locator(".sidebar-footer__account").click()  # the sidebar's account menu
    page.get_by_text("Log out").click()
    page.wait_for_url(base + "/admin/login/")


@pytest.mark.usefixtures("site")
def test_passkey_then_recovery_code(live_server, chromium, axe):
    base = live_server.url  # http://localhost:<port>: a passkey needs a host name, not an IP
    staff = staff_member("pat", ["Editors"], first_name="Pat", last_name="Lee")
    page = new_page(chromium)
    with_passkey_reader(page)
    problems = watch_for_refusals(page)

    sign_in_with_password(page, base)
    page.wait_for_url(re.compile(r"/admin/sign-in-factors/add/"))
    expect(page.locator("h1")).to_have_text("Set up your second factor")
    assert_no_axe_violations(axe, page, "the enrollment step")
    save_screenshot(page, "staff-sign-in-enroll")
    page.get_by_role("button", name="Add a passkey").click()

    page.wait_for_url(re.compile(r"/admin/sign-in-factors/recovery-codes/"))
    codes = page.locator(".staff-auth__codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url(base + "/admin/")
    sign_out(page, base)

    sign_in_with_password(page, base)
    page.wait_for_url(re.compile(r"/admin/sign-in-factors/verify/"))
    assert_no_axe_violations(axe, page, "the verification step")
    page.get_by_role("button", name="Use your passkey").click()
    page.wait_for_url(base + "/admin/")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    assert problems == []

    other = new_page(chromium)  # another computer: no passkey there
    sign_in_with_password(other, base)
    other.get_by_role("link", name=re.compile("Use a recovery code")).click()
    other.get_by_label("Recovery code").fill(codes[0])
    other.get_by_role("button", name="Sign in with this code").click()
    other.wait_for_url(base + "/admin/")
    expect(other.get_by_text("You signed in with a recovery code; 9 left.")).to_be_visible()
    sign_out(other, base)

    sign_in_with_password(other, base)
    other.get_by_role("link", name=re.compile("Use a recovery code")).click()
    other.get_by_label("Recovery code").fill(codes[0])
    other.get_by_role("button", name="Sign in with this code").click()
    expect(other.get_by_text("That is not one of your unused recovery codes.")).to_be_visible()
    assert "/admin/sign-in-factors/verify/recovery-code/" in other.url

    logged = ModelLogEntry.objects.filter(object_id=str(staff.pk)).order_by("pk")
    logged = logged.values_list("action", "data")
    assert ("staff_auth.factor_added", {"factor": "passkey", "address": "127.0.0.1"}) in logged
    factors = [data["factor"] for action, data in logged if action == "staff_auth.verified"]
    assert factors == ["passkey", "recovery code"]
    page.context.close()
    other.context.close()
