"""The home page describes the practice as a MedicalOrganization with its logo and locations."""

import pytest

from practice.models import ThemeSettings
from tests.factories import ImageFactory, LocationPageFactory

from .helpers import json_ld_of

pytestmark = pytest.mark.django_db


def test_the_home_page_names_the_practice_its_logo_and_its_live_locations(client, home_page):
    harbor = LocationPageFactory(title="Harbor Office")
    LocationPageFactory(title="Draft Office", publish=False)
    (organization,) = json_ld_of(client.get("/"), "MedicalOrganization")
    assert organization["@id"].endswith("/#organization")
    assert organization["name"] == "Rubin Pain Management"
    assert organization["telephone"] == "+15550142290"
    assert organization["logo"].startswith("http")
    assert organization["location"] == [{"@id": harbor.full_url + "#clinic"}]
    (clinic,) = json_ld_of(client.get("/"), "MedicalClinic")
    assert clinic["@id"] == harbor.full_url + "#clinic"
    assert clinic["address"]["postalCode"] == harbor.zip_code
    assert clinic["parentOrganization"] == {"@id": organization["@id"]}


def test_the_logo_is_the_one_staff_uploaded(client, home_page):
    theme = ThemeSettings.objects.get()
    theme.logo = ImageFactory(title="Logo", width=400, height=120)
    theme.save()
    (organization,) = json_ld_of(client.get("/"), "MedicalOrganization")
    assert "/images/" in organization["logo"] and organization["logo"].endswith(".png")
