import pytest

from .helpers import assert_no_axe_violations, save_screenshot


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_page_is_usable_and_accessible(
    live_server, furnished_home_page, page_at_width, axe, width, scheme
):
    page = page_at_width
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/")

    assert page.locator("h1").first.is_visible()
    assert "Rubin Pain Management" in page.title()
    # No horizontal scrolling on a small phone.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width

    # The first Tab reaches the skip link, which is then visible and jumps to <main>.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main-content")  # the jump can land after the key press returns

    # Every menu link is reachable and visible at this width (behind "Menu" on a phone).
    menu = page.locator("header summary", has_text="Menu")
    if menu.is_visible():
        menu.click()
    links = page.locator(".main-nav a").filter(visible=True).all()
    assert links and all(link.is_visible() for link in links)

    save_screenshot(page, f"home-{width}-{scheme}")
    assert_no_axe_violations(axe, page, f"the home page at {width}px ({scheme} scheme)")
