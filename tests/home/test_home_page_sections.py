"""The home page reads like a practice: what we treat, how we work (opioids included), the
clinicians, articles and one closing next step, in a number of queries that does not grow."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ClinicianPageFactory, ImageFactory
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice_home(furnished_home_page):
    home = furnished_home_page
    home.what_we_treat = "Back and neck pain\n\n  Nerve pain  \n"
    home.approach = [("step", {"heading": "We listen first", "text": "A full hour."})]
    home.opioid_heading = "Careful with opioids"
    home.opioid_stance = "<p>The lowest dose that helps, reviewed at every visit.</p>"
    home.next_step_text = "We call you back within two business days."
    home.save_revision().publish()
    return home


def test_the_hero_says_what_we_treat(client, practice_home):
    hero = soup_of(client.get("/")).select_one(".hero")
    treats = [li.get_text(strip=True) for li in hero.select(".hero__treats li")]
    assert treats == ["Back and neck pain", "Nerve pain"]


def test_how_we_work_includes_the_opioid_stance(client, practice_home):
    section = soup_of(client.get("/")).select_one("section.approach")
    assert section.select_one(".approach__step h3").get_text() == "We listen first"
    assert "lowest dose that helps" in section.select_one(".approach__opioids").get_text()


def test_request_a_consultation_is_offered_once_in_the_header_and_once_at_the_end(
    client, practice_home
):
    html = soup_of(client.get("/"))
    buttons = [a for a in html.select("a") if a.get_text(strip=True) == "Request a consultation"]
    assert [b.find_parent(["header", "section"])["class"][0] for b in buttons] == [
        "site-header",
        "section",
    ]
    assert "two business days" in html.select_one(".next-step").get_text()


def test_the_clinicians_show_with_their_portraits(client, practice_home):
    ClinicianPageFactory(
        given_name="Anita", family_name="Reyes", photo=ImageFactory(), photo_alt="Portrait"
    )
    cards = soup_of(client.get("/")).select(".person-card")
    assert [c.h3.get_text(strip=True) for c in cards] == ["Dr. Anita Reyes, MD"]
    assert cards[0].select_one("img.person-card__photo")["alt"] == ""  # the name says who


def queries_for_home(client):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get("/").status_code == 200
    return len(context.captured_queries)


def test_the_home_page_queries_do_not_grow_with_the_number_of_clinicians(client, practice_home):
    for n in range(5):
        ClinicianPageFactory(given_name=f"Few{n}", photo=ImageFactory(), photo_alt="Portrait")
    client.get("/")  # per-process caches (content types, renditions)
    few = queries_for_home(client)
    for n in range(45):
        ClinicianPageFactory(given_name=f"Many{n}", photo=ImageFactory(), photo_alt="Portrait")
    client.get("/")
    assert queries_for_home(client) == few
