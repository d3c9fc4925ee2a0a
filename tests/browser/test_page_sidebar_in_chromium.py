"""Articles, conditions and treatments carry a sidebar (who wrote and reviewed the page and
when, "On this page", "Talk to us" with the phone and the consultation form) beside the text
from 70rem, and in the flow after the header on a phone. At 1280 px the text column alone
left the right third of the screen empty."""

import pytest

PAGES = [
    "/education/exercise-for-low-back-pain/",
    "/conditions/sciatica/",
    "/treatments/physical-therapy-program/",
]


@pytest.mark.parametrize("path", PAGES)
def test_the_sidebar_stands_beside_the_text_at_1280(live_server, demo_site, browser_page, path):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + path)
    main = page.locator(".page-layout__main").bounding_box()
    aside = page.locator(".page-layout > .page-aside").bounding_box()
    assert aside["x"] >= main["x"] + main["width"], (main, aside)
    assert aside["x"] + aside["width"] <= 1280
    assert aside["y"] < main["y"] + main["height"]  # beside the text, not under it
    assert aside["width"] >= 240
    talk = page.locator(".talk-to-us")
    assert talk.get_by_role("link", name="Call (").get_attribute("href").startswith("tel:")
    form = talk.get_by_role("link", name="Request a consultation").get_attribute("href")
    assert "?condition=" in form or "?treatment=" in form  # the form knows what was read
    assert page.locator(".page-aside").get_by_text("Medically reviewed by").count() == 1


@pytest.mark.parametrize("path", PAGES)
def test_on_a_phone_the_sidebar_follows_the_header(live_server, demo_site, browser_page, path):
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(live_server.url + path)
    header = page.locator(".page-layout__header").bounding_box()
    aside = page.locator(".page-layout > .page-aside").bounding_box()
    main = page.locator(".page-layout__main").bounding_box()
    assert header["y"] + header["height"] <= aside["y"] < main["y"]
    assert abs(aside["x"] - main["x"]) <= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_how_we_can_help_comes_before_the_comments(live_server, demo_site, browser_page):
    page = browser_page
    page.goto(live_server.url + PAGES[0])
    help_box = page.get_by_role("heading", name="How we can help").bounding_box()
    comments = page.locator(".page-feedback").bounding_box()
    assert help_box["y"] < comments["y"]
