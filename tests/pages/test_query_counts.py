"""Location pages cost the same number of queries with 5 locations and clinicians as with 50:
the index, a location with all the clinicians (each with a photo), a clinician who works at
every location, the home page's JSON-LD that lists them, the new-patients page and a notice.
Spanish pages, which show each plan, notice and footer link in Spanish or else in English,
cost the same with 3 of each as with 30."""

import pytest

from pages.models import LocationClinician, LocationPage
from tests.factories import (
    ClinicianPageFactory,
    ImageFactory,
    InsurancePlanFactory,
    LocationPageFactory,
    NewPatientsPageFactory,
    NoticePageFactory,
    StandardPageFactory,
    days_from_today,
)
from tests.factories.base import inline_rows
from tests.factories.home import FooterLinkFactory, change_practice_settings
from tests.factories.pages import translate_plan
from tests.helpers import query_counts, translate

pytestmark = pytest.mark.django_db

# Routing, the site root, settings and the menu, once the header, footer and body fragments
# are warm.
WARM_BUDGET = 10
# Wagtail routes /es/ through the Spanish home page: one query more.
SPANISH_WARM_BUDGET = WARM_BUDGET + 1


def add(count, clinicians, locations):
    """`count` more clinicians (each with a photo) and locations (each with hours, an
    upcoming closure and the first clinician); the first location lists every clinician."""
    for _ in range(count):
        n = len(clinicians)
        photo = ImageFactory(title=f"Photo {n}")
        clinicians.append(
            ClinicianPageFactory(given_name=f"Given{n}", photo=photo, photo_alt=f"Portrait {n}")
        )
        InsurancePlanFactory()
    for _ in range(count):
        locations.append(
            LocationPageFactory(
                clinicians=clinicians[:1], closures=[(days_from_today(5), None, "Holiday")]
            )
        )
    first = locations[0]
    first.clinician_links = inline_rows(LocationClinician, clinicians, "clinician")
    first.save_revision().publish()


def build(home_page, count):
    clinicians, locations = [], []
    add(count, clinicians, locations)
    locations[0].refresh_from_db()
    change_practice_settings(primary_location=locations[0])
    NewPatientsPageFactory(parent=home_page)
    notice = NoticePageFactory(parent=home_page, taglines=[("Spanish", "es", "Hola.")])
    urls = {
        "home": "/",
        "index": locations[0].get_parent().url,
        "location": locations[0].url,
        "clinician": clinicians[0].url,
        "new patients": "/new-patients/",
        "notice": notice.url,
    }
    return urls, clinicians, locations


def test_query_counts_do_not_grow_from_5_to_50_locations_and_clinicians(client, home_page):
    urls, clinicians, locations = build(home_page, 5)
    cold_few, warm_few = query_counts(client, urls)
    add(45, clinicians, locations)
    assert len(locations) == len(clinicians) == 50
    assert len(LocationPage.objects.get(pk=locations[0].pk).clinicians) == 50
    cold_many, warm_many = query_counts(client, urls)
    assert cold_many == cold_few
    assert warm_many == warm_few
    assert all(count <= WARM_BUDGET for count in warm_many.values()), warm_many


def add_spanish(count, home_page):
    """`count` more insurance plans, notices and footer links, every other one translated."""
    for n in range(count):
        plan, notice = InsurancePlanFactory(), NoticePageFactory(parent=home_page)
        FooterLinkFactory(page=StandardPageFactory(parent=home_page))
        if n % 2:
            translate_plan(plan, plan_types="Planes PPO")
            translate(notice, title=f"Aviso {notice.pk}")


def test_spanish_pages_cost_the_same_with_3_and_30_plans_notices_and_footer_links(
    client, home_page
):
    translate(home_page, title="Inicio")
    translate(NewPatientsPageFactory(parent=home_page), slug="pacientes-nuevos")
    location = translate(LocationPageFactory(clinicians=[ClinicianPageFactory()]))
    urls = {"home": "/es/", "new patients": "/es/pacientes-nuevos/", "location": location.url}
    add_spanish(3, home_page)
    cold_few, warm_few = query_counts(client, urls)
    add_spanish(27, home_page)
    cold_many, warm_many = query_counts(client, urls)
    assert cold_many == cold_few
    assert warm_many == warm_few
    assert all(count <= SPANISH_WARM_BUDGET for count in warm_many.values()), warm_many
