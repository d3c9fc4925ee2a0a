"""Location pages as patients and search engines read them: address, tap-to-call phone,
hours and closures, directions that open the patient's own maps app, the clinicians there."""

import datetime
from urllib.parse import urlsplit

import pytest

from education.models import TreatmentPage
from tests.factories import (
    ClinicianPageFactory,
    LocationPageFactory,
    TreatmentPageFactory,
    days_from_today,
)
from tests.helpers import make_private, soup_of

from .helpers import json_ld_of

pytestmark = pytest.mark.django_db


def text_of(response):
    return soup_of(response).find("main").get_text(" ", strip=True)


def test_the_phone_is_a_tap_to_call_link_in_us_format(client):
    location = LocationPageFactory(phone="555.014.2290")
    html = soup_of(client.get(location.url))
    link = html.find("main").select_one('a[href^="tel:"]')
    assert link["href"] == "tel:+15550142290"
    assert link.get_text(strip=True) == "(555) 014-2290"


def test_the_address_reads_as_a_us_postal_address(client):
    location = LocationPageFactory(
        street_address="410 Shoreline Avenue", suite="Suite 210", city="Springfield",
        state="IL", zip_code="62704-1234",
    )  # fmt: skip
    address = soup_of(client.get(location.url)).find("main").find("address")
    assert address.get_text("|", strip=True).startswith(
        "410 Shoreline Avenue|Suite 210|Springfield, IL 62704-1234"
    )


def test_hours_read_in_us_style_with_closed_days(client):
    location = LocationPageFactory(
        hours=[
            (0, datetime.time(8), datetime.time(17)),
            (4, datetime.time(8, 30), datetime.time(12)),
            (4, datetime.time(13), datetime.time(16, 45)),
        ]
    )
    hours = soup_of(client.get(location.url)).select_one(".opening-hours")
    days = {
        dt.get_text(): dt.find_next("dd").get_text(" ", strip=True).replace("\xa0", " ")
        for dt in hours("dt")
    }
    assert days["Monday"] == "8:00 a.m. to 5:00 p.m."
    assert days["Friday"] == "8:30 a.m. to 12:00 p.m. 1:00 p.m. to 4:45 p.m."
    assert days["Tuesday"] == "Closed"
    assert list(days) == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    ]  # fmt: skip


def test_a_location_with_no_hours_says_to_call_for_hours(client):
    location = LocationPageFactory(hours=[])
    response = client.get(location.url)
    assert "call us for hours" in text_of(response).lower()
    assert soup_of(response).select_one(".opening-hours") is None


def test_an_upcoming_closure_shows_and_a_past_or_distant_one_does_not(client):
    location = LocationPageFactory(
        closures=[
            (days_from_today(-3), None, "Staff training day"),
            (days_from_today(14), days_from_today(15), "Thanksgiving"),
            (days_from_today(60), None, "New Year's Day"),
        ]
    )
    text = text_of(client.get(location.url))
    assert "Thanksgiving" in text
    first = days_from_today(14)
    assert f"{first:%B} {first.day}, {first.year}" in text  # "November 26, 2026"
    assert "Staff training day" not in text
    assert "New Year's Day" not in text


def test_a_closure_in_progress_still_shows_until_its_last_day(client):
    location = LocationPageFactory(
        closures=[(days_from_today(-1), days_from_today(1), "Office move")]
    )
    assert "Office move" in text_of(client.get(location.url))


def test_directions_open_the_patients_own_maps_app_and_nothing_is_embedded(client):
    location = LocationPageFactory(
        street_address="410 Shoreline Avenue", suite="", city="Springfield", state="IL",
        zip_code="62704", latitude="39.78172", longitude="-89.65015",
    )  # fmt: skip
    response = client.get(location.url)
    html = soup_of(response)
    hrefs = [a["href"] for a in html.find("main").find_all("a")]
    assert (
        "https://maps.apple.com/?daddr=410%20Shoreline%20Avenue%2C%20Springfield%2C%20IL%2062704"
        "&ll=39.78172,-89.65015"
    ) in hrefs
    assert (
        "geo:39.78172,-89.65015?q=410%20Shoreline%20Avenue%2C%20Springfield%2C%20IL%2062704"
        in hrefs
    )
    # No map or other third-party resource is loaded with the page.
    assert not html.find("iframe")
    sources = [tag.get("src", "") for tag in html.find_all(["script", "img", "source"])]
    sources += [tag.get("href", "") for tag in html.find_all("link")]
    hosts = {urlsplit(url).hostname for url in sources if url.startswith(("http", "//"))}
    assert hosts <= {"localhost"}  # the page's own canonical address at most


def test_access_details_are_listed(client):
    location = LocationPageFactory(
        parking="Free parking in the garage.", public_transport="Bus 4 stops outside.",
        step_free_access=False, accessible_toilet=True,
    )  # fmt: skip
    text = text_of(client.get(location.url))
    assert "Free parking in the garage." in text
    assert "Bus 4 stops outside." in text
    assert "Step-free access Not everywhere" in text
    assert "Accessible restroom Yes" in text


def test_live_clinicians_show_in_the_editors_order_and_drafts_do_not(client):
    levy = ClinicianPageFactory(given_name="Maya", family_name="Levy")
    rubin = ClinicianPageFactory()
    draft = ClinicianPageFactory(given_name="Sam", family_name="Draft", publish=False)
    location = LocationPageFactory(clinicians=[rubin, draft, levy])
    names = [a.get_text() for a in soup_of(client.get(location.url)).select(".clinician-card a")]
    assert names == ["Dr. Edward Rubin, MD", "Dr. Maya Levy, MD"]


def test_a_clinicians_profile_lists_the_live_public_locations_they_work_at(client):
    rubin = ClinicianPageFactory()
    harbor = LocationPageFactory(title="Harbor Office", clinicians=[rubin])
    LocationPageFactory(title="Draft Office", clinicians=[rubin], publish=False)
    private = LocationPageFactory(title="Private Office", clinicians=[rubin])
    make_private(private)
    section = soup_of(client.get(rubin.url)).select_one(".profile__locations")
    assert [a.get_text() for a in section.find_all("a")] == ["Harbor Office"]
    assert section.a["href"] == harbor.url


def test_the_location_is_a_medical_clinic_in_json_ld(client):
    rubin = ClinicianPageFactory()
    location = LocationPageFactory(
        title="Harbor Office", street_address="410 Shoreline Avenue", suite="Suite 210",
        city="Springfield", state="IL", zip_code="62704", phone="(555) 014-2290",
        latitude="39.78172", longitude="-89.65015", clinicians=[rubin],
        hours=[(0, datetime.time(8), datetime.time(17))],
        closures=[(days_from_today(10), None, "Thanksgiving")],
    )  # fmt: skip
    (clinic,) = json_ld_of(client.get(location.url), "MedicalClinic")
    assert clinic["name"] == "Harbor Office"
    assert clinic["telephone"] == "+15550142290"
    assert clinic["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "410 Shoreline Avenue, Suite 210",
        "addressLocality": "Springfield",
        "addressRegion": "IL",
        "postalCode": "62704",
        "addressCountry": "US",
    }
    assert clinic["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 39.78172,
        "longitude": -89.65015,
    }
    assert clinic["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "08:00",
            "closes": "17:00",
        }
    ]
    (closure,) = clinic["specialOpeningHoursSpecification"]
    assert closure["validFrom"] == days_from_today(10).isoformat()
    assert clinic["employee"][0]["@id"] == rubin.full_url + "#person"
    assert clinic["parentOrganization"]["@id"].endswith("/#organization")


def test_the_index_lists_live_locations_in_tree_order(client):
    first = LocationPageFactory(title="Harbor Office")
    LocationPageFactory(title="Hidden Office", publish=False)
    second = LocationPageFactory(title="Lakeview Office", hours=[])
    html = soup_of(client.get(first.get_parent().url))
    titles = [a.get_text() for a in html.select(".card__title a")]
    assert titles == ["Harbor Office", "Lakeview Office"]
    cards = html.select(".card")
    assert "call us for hours" in cards[1].get_text(" ").lower()
    assert cards[0].select_one('a[href="tel:+15550142290"]') is not None
    assert second.url in [a["href"] for a in html.select(".card__title a")]


def test_treatments_offered_show_on_the_location_and_the_location_on_the_treatment(client):
    injection = TreatmentPageFactory(title="Epidural steroid injection")
    therapy = TreatmentPageFactory(title="Physical therapy", kind=TreatmentPage.Kind.THERAPY)
    draft = TreatmentPageFactory(title="Draft treatment", publish=False)
    harbor = LocationPageFactory(title="Harbor Office", services=[injection, draft, therapy])
    LocationPageFactory(title="Draft Office", services=[injection], publish=False)

    response = client.get(harbor.url)
    services = [a.get_text() for a in soup_of(response).select("#services-heading + ul a")]
    assert services == ["Epidural steroid injection", "Physical therapy"]
    (clinic,) = json_ld_of(response, "MedicalClinic")
    assert [(s["@type"], s["name"]) for s in clinic["availableService"]] == [
        ("MedicalProcedure", "Epidural steroid injection"),
        ("MedicalTherapy", "Physical therapy"),
    ]
    section = soup_of(client.get(injection.url)).select_one(".treatment-locations")
    assert [a.get_text() for a in section.find_all("a")] == ["Harbor Office"]


def test_the_index_sums_up_each_week_in_a_few_lines(client):
    eight, five, one = datetime.time(8), datetime.time(17), datetime.time(13)
    location = LocationPageFactory(
        hours=[(day, eight, five) for day in range(4)] + [(4, eight, one)]
    )
    lines = [
        li.get_text().replace("\xa0", " ")
        for li in soup_of(client.get(location.get_parent().url)).select(".location-card__hours li")
    ]
    assert lines == [
        "Monday to Thursday: 8:00 a.m. to 5:00 p.m.",
        "Friday: 8:00 a.m. to 1:00 p.m.",
        "Other days: closed",
    ]


def test_odd_query_strings_never_break_a_location_page(client):
    location = LocationPageFactory()
    for query in ("?page=2&page=x", "?q=" + "a" * 10_000, "?day=%FF%FE", "?x=%00"):
        assert client.get(location.url + query).status_code in (200, 400), query
    assert client.get(location.get_parent().url + "no-such-office/").status_code == 404
