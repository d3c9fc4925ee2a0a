"""A patient on a 360 px phone finds an office: from the footer to the location, a number to
tap, directions that hand over to their own maps app, and no request to anyone else."""

import datetime
from urllib.parse import urlsplit

from tests.factories import LocationPageFactory, days_from_today
from tests.factories.home import change_practice_settings

from .helpers import assert_no_axe_violations, new_page, save_screenshot

WIDEST_IN_MAIN = """() => Math.max(...[...document.querySelectorAll('main *')]
    .map(element => element.getBoundingClientRect().right))"""


def test_a_patient_on_a_phone_reaches_an_office_by_phone_or_directions(
    live_server, home_page, chromium, axe
):
    location = LocationPageFactory(
        title="Harbor Office",
        phone="(555) 014-2290",
        hours=[(day, datetime.time(8), datetime.time(17)) for day in range(5)],
        closures=[(days_from_today(10), None, "Staff training day")],
    )
    change_practice_settings(primary_location=location)
    page = new_page(chromium, width=360)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    try:
        page.goto(live_server.url + "/")
        page.locator("footer").get_by_role("link", name="All our locations").click()
        page.get_by_role("link", name="Harbor Office", exact=True).click()
        page.wait_for_url("**/harbor-office/")

        call = page.locator("main .location-address").get_by_role("link", name="(555) 014-2290")
        assert call.is_visible()
        assert call.get_attribute("href") == "tel:+15550142290"
        directions = page.get_by_role("link", name="Get directions to Harbor Office")
        assert directions.is_visible()
        assert directions.get_attribute("href").startswith("https://maps.apple.com/?daddr=")
        assert page.get_by_text("Staff training day").is_visible()
        # Nothing on the page itself is wider than the phone.
        assert page.evaluate(WIDEST_IN_MAIN) <= 360

        save_screenshot(page, "location-journey-360")
        assert_no_axe_violations(axe, page, "a location on a 360 px phone")
        # Everything the pages loaded came from the site itself: no map, font or tracker.
        assert hosts <= {urlsplit(live_server.url).hostname}, hosts
    finally:
        page.context.close()
