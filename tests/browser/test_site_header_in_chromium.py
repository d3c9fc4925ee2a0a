"""The header respects a phone's first screen: at 360 x 780 it takes at most a quarter of it,
with the practice's name, a number to tap and one call to action in view; the menu and the
search box are one tap away, with or without JavaScript."""

import re

import pytest

from practice.contrast import contrast_ratio

from .helpers import assert_no_axe_violations, new_page

WIDTH, HEIGHT = 360, 780
MAX_HEADER_HEIGHT = HEIGHT // 4


def rgb_to_hex(css_colour):
    """ "rgb(86, 79, 72)" (a computed colour, opaque) as "#564f48"."""
    red, green, blue = map(int, re.findall(r"\d+", css_colour)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def phone(chromium, request):
    page = new_page(chromium, width=WIDTH, java_script_enabled=request.param)
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    yield page
    page.context.close()


def test_the_phone_header_fits_a_quarter_of_the_first_screen(
    live_server, furnished_home_page, phone
):
    phone.goto(live_server.url + "/")
    header = phone.locator("header.site-header").bounding_box()
    assert header["height"] <= MAX_HEADER_HEIGHT, f"The header is {header['height']} px tall"

    call = phone.locator('header a[href^="tel:"]')
    box = call.bounding_box()
    assert call.is_visible() and box["y"] + box["height"] <= HEIGHT
    assert call.inner_text().split()[-2:] == ["(555)", "014-2290"]
    assert box["height"] >= 44  # a thumb can hit it

    # One "Request a consultation" on the first screen, whatever the page puts below.
    offers = phone.get_by_text("Request a consultation", exact=True).filter(visible=True).all()
    on_first_screen = [o for o in offers if o.bounding_box()["y"] < HEIGHT]
    assert len(on_first_screen) == 1


def test_the_menu_and_search_open_with_one_tap(live_server, furnished_home_page, phone):
    phone.goto(live_server.url + "/")
    about = phone.locator("header").get_by_role("link", name="About the practice")
    about = about.filter(visible=True)
    assert about.count() == 0  # behind the Menu
    phone.locator("header summary", has_text="Menu").click()
    about.first.wait_for()
    about.first.click()
    phone.wait_for_url("**/about/")

    phone.locator("header summary", has_text="Search").click()
    # A searchbox, or a combobox once the suggestions script has enhanced it.
    search = phone.locator('header input[name="q"]').filter(visible=True)
    search.fill("back pain")
    search.press("Enter")
    phone.wait_for_url("**/search/?q=back+pain")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_menu_is_accessible(live_server, furnished_home_page, browser_page, axe, scheme):
    page = browser_page
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/")
    page.locator("header summary", has_text="Menu").click()
    assert_no_axe_violations(axe, page, f"the open menu ({scheme} scheme)")
    page.locator("header summary", has_text="Search").click()
    assert_no_axe_violations(axe, page, f"the open search box ({scheme} scheme)")


def test_wide_screens_show_the_menu_and_search_without_a_disclosure(
    live_server, furnished_home_page, browser_page
):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    header = page.locator("header")
    assert header.get_by_role("link", name="About the practice").filter(visible=True).count() == 1
    assert page.locator('header input[name="q"]').filter(visible=True).count() == 1
    assert page.locator("header summary").filter(visible=True).count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_wide_search_box_shows_what_it_is_for(
    live_server, furnished_home_page, browser_page, scheme
):
    """No visible label fits beside the wide header's search box, so its placeholder says the
    label's own words, readable at WCAG AA, beside the "Search" button."""
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.emulate_media(color_scheme=scheme)
    page.goto(live_server.url + "/")
    # Named by its label (suggestions.js makes it a combobox, so no role is assumed here).
    box = page.get_by_label("Search this site", exact=True).filter(visible=True)
    assert box.count() == 1
    assert box.get_attribute("placeholder") == "Search this site"
    text, background = box.evaluate(
        "(box) => [getComputedStyle(box, '::placeholder').color,"
        " getComputedStyle(box).backgroundColor]"
    )
    assert contrast_ratio(*map(rgb_to_hex, (text, background))) >= 4.5
