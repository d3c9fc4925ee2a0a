"""What the location editor accepts: a US ZIP code and phone number, or a message that says
what is wrong with them."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset

from pages.models import LocationIndexPage, LocationPage
from pages.us_address import e164, format_phone, validate_us_phone, validate_zip_code
from tests.factories import ClinicianPageFactory, LocationIndexPageFactory, SiteFactory

from .helpers import location_editor_data


@pytest.mark.parametrize("zip_code", ["62704", "62704-1234"])
def test_five_digit_and_zip_plus_four_codes_are_accepted(zip_code):
    validate_zip_code(zip_code)


@pytest.mark.parametrize("zip_code", ["6270", "627041", "62704 1234", "ABCDE", "62704-12", "٦٢٧٠٤"])
def test_other_zip_codes_are_refused(zip_code):
    with pytest.raises(ValidationError, match="ZIP code of 5 digits"):
        validate_zip_code(zip_code)


@pytest.mark.parametrize(
    "phone", ["(555) 014-2290", "555-014-2290", "555.014.2290", "5550142290", "+1 555 014 2290"]
)
def test_us_phone_numbers_in_any_usual_form_read_the_same(phone):
    validate_us_phone(phone)
    assert format_phone(phone) == "(555) 014-2290"
    assert e164(phone) == "+15550142290"


@pytest.mark.parametrize(
    "phone, message",
    [
        ("555-014-229", "has 10 digits.*this one has 9"),
        ("555-014-22900", "this one has 11"),
        ("(055) 014-2290", "never starts with 0 or 1"),
        ("555-CALL-NOW", "Use only digits"),
        ("555\x00014\x002290", "Use only digits"),
        ("9" * 10_000, "this one has 10000"),
    ],
)
def test_other_phone_numbers_are_refused_with_what_is_wrong(phone, message):
    with pytest.raises(ValidationError) as error:
        validate_us_phone(phone)
    assert re.search(message, error.value.messages[0])


class LocationEditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = SiteFactory().root_page
        cls.index = LocationIndexPageFactory(parent=cls.home)
        cls.rubin = ClinicianPageFactory()

    def setUp(self):
        self.login()

    def add(self, **fields):
        url = f"/admin/pages/add/pages/locationpage/{self.index.pk}/"
        return self.client.post(url, location_editor_data(**fields))

    def test_locations_live_under_the_index_only(self):
        self.assertAllowedParentPageTypes(LocationPage, {LocationIndexPage})
        self.assertAllowedSubpageTypes(LocationIndexPage, {LocationPage})

    def test_the_editor_publishes_a_location_with_its_phone_in_one_form(self):
        self.assertCanCreate(
            self.index,
            LocationPage,
            location_editor_data(clinician_links=inline_formset([{"clinician": self.rubin.pk}])),
        )
        location = LocationPage.objects.get(slug="lakeview")
        self.assertEqual(location.phone, "(555) 014-3300")
        self.assertEqual([link.clinician for link in location.clinician_links.all()], [self.rubin])
        self.assertPageIsRenderable(location)
        self.assertPageIsPreviewable(location, post_data=location_editor_data())

    def test_the_editor_refuses_an_invalid_zip_code_and_says_why(self):
        response = self.add(zip_code="6270")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Enter a ZIP code of 5 digits, like 62704")
        self.assertFalse(LocationPage.objects.filter(slug="lakeview").exists())

    def test_the_editor_refuses_an_invalid_phone_number_and_says_why(self):
        response = self.add(phone="555-014-330")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A US phone number has 10 digits")
        self.assertContains(response, "this one has 9")
        self.assertFalse(LocationPage.objects.filter(slug="lakeview").exists())

    def test_the_editor_refuses_hours_that_close_before_they_open(self):
        hours = inline_formset([{"weekday": "0", "opens": "17:00", "closes": "08:00", "note": ""}])
        response = self.add(opening_hours=hours)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The closing time must be after the opening time.")
