"""A location's Spanish translation keeps its English source's links to clinicians and
treatments: the Spanish page shows each one's Spanish profile or page where there is one, and
an English profile still lists the location once."""

import pytest
from django.utils import translation

from pages.models import LocationPage
from tests.factories import ClinicianPageFactory, LocationPageFactory, TreatmentPageFactory
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


def test_a_spanish_location_shows_spanish_profiles_where_there_are_some(home_page):
    rubin = ClinicianPageFactory(given_name="Edward", family_name="Rubin")
    chen = ClinicianPageFactory(given_name="Mei", family_name="Chen")
    nerve_block = TreatmentPageFactory(title="Nerve block")
    location = LocationPageFactory(clinicians=[rubin, chen], services=[nerve_block])
    rubin_es = translate(rubin)
    block_es = translate(nerve_block, title="Bloqueo nervioso")
    location_es = LocationPage.objects.get(pk=translate(location).pk)
    with translation.override("es"):
        clinicians = location_es.clinicians
        assert [page.pk for page in clinicians] == [rubin_es.pk, chen.pk]
        assert [page.fallback_language for page in clinicians] == ["", "en"]
        assert [page.pk for page in location_es.services] == [block_es.pk]


def test_an_english_profile_lists_a_translated_location_once(home_page):
    rubin = ClinicianPageFactory()
    location = LocationPageFactory(clinicians=[rubin])
    translate(location)
    with translation.override("en-us"):
        assert [link.location_id for link in rubin.location_links.visible()] == [location.pk]


def test_a_spanish_profile_lists_where_its_clinician_works(client, home_page):
    """Links are chosen on the English location; the Spanish profile reads them through its
    English version and shows each location in Spanish where it has been translated."""
    translate(home_page, title="Inicio")
    rubin = ClinicianPageFactory(given_name="Edward", family_name="Rubin")
    harbor = LocationPageFactory(title="Harbor office", clinicians=[rubin])
    hill = LocationPageFactory(title="Hill office", clinicians=[rubin])
    translate(harbor, title="Consultorio del puerto", slug="puerto")
    rubin_es = translate(rubin)
    html = soup_of(client.get(rubin_es.url))
    links = html.select(".profile__locations a")
    assert [link.text for link in links] == ["Consultorio del puerto", "Hill office"]
    assert [link.get("lang") for link in links] == [None, "en"]
    assert hill.pk  # the English office is still linked, marked as English


def test_the_spanish_directory_filters_by_location(client, home_page):
    translate(home_page, title="Inicio")
    rubin = ClinicianPageFactory(given_name="Edward", family_name="Rubin")
    chen = ClinicianPageFactory(given_name="Mei", family_name="Chen")
    harbor = LocationPageFactory(title="Harbor office", clinicians=[rubin])
    LocationPageFactory(title="Hill office", clinicians=[chen])
    rubin_es = translate(rubin)
    translate(chen)
    directory_es = rubin_es.get_parent()
    html = soup_of(client.get(directory_es.url + f"?location={harbor.slug}"))
    names = [link.text.strip() for link in html.select(".clinician-card a, .person-card a")]
    assert any("Rubin" in name for name in names)
    assert not any("Chen" in name for name in names)
