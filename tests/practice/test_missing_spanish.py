"""English kept on a Spanish page is marked as English, and staff see where the Spanish is
missing (issue 27): the "Missing in Spanish" report lists untranslated fields, pages and
snippets, and each disappears once its Spanish is written."""

import pytest
from django.urls import reverse

from tests.factories import ClinicianPageFactory, InsurancePlanFactory
from tests.factories.home import change_practice_settings
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


def test_an_untranslated_tagline_and_disclaimer_are_marked_english_on_spanish_pages(
    client, home_page
):
    change_practice_settings(
        tagline="Specialist care for chronic pain",
        disclaimer="<p>General education, not a diagnosis.</p>",
    )
    translate(home_page, title="Inicio")

    spanish = soup_of(client.get("/es/"))
    english = soup_of(client.get("/"))

    assert spanish.select_one(".site-header__tagline")["lang"] == "en"
    assert spanish.select_one(".site-footer__disclaimer")["lang"] == "en"
    assert "Specialist care" not in spanish.title.get_text()
    assert not english.select_one(".site-header__tagline").has_attr("lang")
    assert not english.select_one(".site-footer__disclaimer").has_attr("lang")


def test_a_translated_tagline_is_not_marked(client, home_page):
    change_practice_settings(tagline="Care", tagline_es="Atención")
    translate(home_page, title="Inicio")

    tagline = soup_of(client.get("/es/")).select_one(".site-header__tagline")

    assert tagline.text == "Atención" and not tagline.has_attr("lang")


def report_rows(client):
    html = soup_of(client.get(reverse("missing_translations")))
    return [
        " | ".join(td.get_text(strip=True) for td in tr("td")) for tr in html.select("tbody tr")
    ]


def test_the_report_lists_what_has_no_spanish_yet(admin_client, home_page):
    change_practice_settings(tagline="Care", tagline_es="")
    translate(home_page, title="Inicio")
    rubin = ClinicianPageFactory()
    InsurancePlanFactory(name="Lakeshore Mutual")

    rows = report_rows(admin_client)

    assert any(row.startswith("Practice details |") for row in rows)
    assert any(row.endswith("| Tagline in Spanish") for row in rows)
    assert f"Clinician | {rubin.title} | Translation" in rows
    assert any(row.endswith("Honorific in Spanish") and rubin.title in row for row in rows)
    assert "Insurance plan | Lakeshore Mutual | Translation" in rows

    rubin.honorific_prefix_es = "Dr."
    rubin.save()
    translate(rubin)
    rows = report_rows(admin_client)
    assert not any(rubin.title in row for row in rows)


def test_the_report_is_in_the_reports_menu(admin_client, site):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("missing_translations") in html
