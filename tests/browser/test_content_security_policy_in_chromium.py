"""The Content-Security-Policy is enforced by a real browser: nothing the site needs is blocked."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

# Records every CSP violation in every frame (the editor's preview is an iframe).
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def watch_for_violations(page):
    """CSP violations reported in the console of any frame, plus those seen by the listener."""
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Permissions-Policy" in message.text
            or "Unrecognized feature" in message.text
            else None
        ),
    )
    page.add_init_script(COLLECT_VIOLATIONS)
    return console


def violations_in(page, console):
    found = list(console)
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # a frame that navigated away while we asked
            continue
    return found


def log_in_as_editor(page, live_server):
    user = get_user_model().objects.create_superuser("csp-editor", "csp@example.com", "pw-123456")
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


@pytest.mark.parametrize("path", ["/", "/about/", "/no-such-page/"])
def test_public_pages_raise_no_csp_violations(live_server, furnished_home_page, browser_page, path):
    page = browser_page
    console = watch_for_violations(page)
    response = page.goto(live_server.url + path)
    assert "script-src 'self';" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    # Both stylesheets were allowed and applied: the header has the theme's primary colour.
    header = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    assert page.evaluate(header) == "rgb(29, 92, 138)"  # ThemeSettings' default #1d5c8a
    assert violations_in(page, console) == []


def test_an_inline_script_on_a_public_page_would_be_blocked(
    live_server, furnished_home_page, browser_page
):
    """Proves the listener above can see a violation, so an empty list means something."""
    page = browser_page
    console = watch_for_violations(page)
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__ran = true'; document.body.append(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__ran") is None
    assert any("script-src" in violation for violation in violations_in(page, console))


def test_wagtail_editor_and_preview_work_under_the_admin_policy(
    live_server, furnished_home_page, browser_page
):
    page = browser_page
    log_in_as_editor(page, live_server)
    console = watch_for_violations(page)
    home = furnished_home_page

    response = page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    # Open the live preview side panel: the public templates render in an admin iframe.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[id^='w-preview-iframe']")
    heading = preview.locator("h1").first
    heading.wait_for()
    assert heading.inner_text() == home.hero_heading
    # Scheduled publishing: its date/time pickers initialise with inline scripts.
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    page.locator("input[name='go_live_at']").click()
    page.locator(".xdsoft_datetimepicker").first.wait_for()
    assert violations_in(page, console) == []


def test_inline_panels_work_under_the_admin_policy(live_server, furnished_home_page, browser_page):
    """Inline panels initialise with an inline <script>: the admin policy must let it run."""
    page = browser_page
    log_in_as_editor(page, live_server)
    console = watch_for_violations(page)
    site = furnished_home_page.get_site()
    page.goto(f"{live_server.url}/admin/settings/practice/practicesettings/{site.pk}/")
    total = page.locator("#id_social_links-TOTAL_FORMS")
    before = int(total.input_value())
    page.get_by_role("button", name="Add social link").first.click()
    page.locator(f"#id_social_links-{before}-label").wait_for()
    assert int(total.input_value()) == before + 1
    assert violations_in(page, console) == []


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/images/multiple/add/",
        "/admin/settings/practice/practicesettings/",
        "/admin/pages/",
    ],
)
def test_admin_screens_raise_no_csp_violations(
    live_server, furnished_home_page, browser_page, path
):
    page = browser_page
    log_in_as_editor(page, live_server)
    console = watch_for_violations(page)
    response = page.goto(live_server.url + path)
    assert response.status < 400
    page.wait_for_load_state("networkidle")
    assert violations_in(page, console) == []


def test_logged_in_editor_sees_the_userbar_without_violations(
    live_server, furnished_home_page, browser_page
):
    page = browser_page
    log_in_as_editor(page, live_server)
    console = watch_for_violations(page)
    page.goto(live_server.url + "/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_load_state("networkidle")
    assert violations_in(page, console) == []
