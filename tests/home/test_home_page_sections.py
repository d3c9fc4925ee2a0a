"""The home page reads like a practice: what we treat (links to condition pages), how we work
(opioids included), the clinicians, articles and the next step, offered in the hero and at the
end, in a number of queries that does not grow."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import TreatedCondition
from tests.factories import ClinicianPageFactory, ConditionPageFactory, ImageFactory
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice_home(furnished_home_page):
    home = furnished_home_page
    back = ConditionPageFactory(title="Chronic low back pain", slug="chronic-low-back-pain")
    nerve = ConditionPageFactory(title="Neuropathic pain", slug="neuropathic-pain")
    home.treated_conditions = [
        TreatedCondition(page=page, sort_order=n) for n, page in enumerate([nerve, back])
    ]
    home.approach = [("step", {"heading": "We listen first", "text": "A full hour."})]
    home.opioid_heading = "Careful with opioids"
    home.opioid_stance = "<p>The lowest dose that helps, reviewed at every visit.</p>"
    home.next_step_text = "We call you back within two business days."
    home.save_revision().publish()
    return home


def what_we_treat(client, path):
    hero = soup_of(client.get(path)).select_one(".hero")
    return [(a.get_text(strip=True), a["href"]) for a in hero.select(".hero__treats li a")]


def test_the_hero_links_to_the_conditions_staff_chose_in_their_order(client, practice_home):
    assert what_we_treat(client, "/") == [
        ("Neuropathic pain", "/conditions/neuropathic-pain/"),
        ("Chronic low back pain", "/conditions/chronic-low-back-pain/"),
    ]


def test_a_condition_no_longer_live_drops_out_of_what_we_treat(client, practice_home):
    practice_home.treated_conditions.first().page.unpublish()
    assert [title for title, _ in what_we_treat(client, "/")] == ["Chronic low back pain"]


def test_the_spanish_home_links_to_the_spanish_condition_pages(client, practice_home):
    nerve, back = [link.page for link in practice_home.treated_conditions.all()]
    # The home page is translated first, as the condition's ancestor, with the links.
    translate(nerve, "es", title="Dolor neuropático", slug="dolor-neuropatico")
    assert what_we_treat(client, "/es/") == [
        ("Dolor neuropático", "/es/conditions/dolor-neuropatico/"),
        # No Spanish page yet: the English one, marked as English.
        ("Chronic low back pain", "/conditions/chronic-low-back-pain/"),
    ]
    english = soup_of(client.get("/es/")).select(".hero__treats a")[1]
    assert (english["lang"], english["hreflang"]) == ("en", "en")


def test_the_hero_offers_the_consultation_and_a_tap_to_call_phone(client, practice_home):
    actions = soup_of(client.get("/")).select(".hero__actions a")
    assert [a.get_text(strip=True) for a in actions][0] == "Request a consultation"
    call = actions[1]
    assert call.get_text(strip=True).startswith("Call (")
    assert call["href"].startswith("tel:")


def test_how_we_work_includes_the_opioid_stance(client, practice_home):
    section = soup_of(client.get("/")).select_one("section.approach")
    assert section.select_one(".approach__step h3").get_text() == "We listen first"
    assert "lowest dose that helps" in section.select_one(".approach__opioids").get_text()


def test_request_a_consultation_is_offered_in_the_hero_and_at_the_end(client, practice_home):
    """The hero's button takes the place of the header's on the home page: one offer on the
    first screen of a phone (tests/browser/test_site_header_in_chromium.py)."""
    html = soup_of(client.get("/"))
    buttons = [a for a in html.select("a") if a.get_text(strip=True) == "Request a consultation"]
    assert [b.find_parent(["header", "section"])["class"][0] for b in buttons] == [
        "hero",
        "section",
    ]
    assert "two business days" in html.select_one(".next-step").get_text()
    about = soup_of(client.get("/about/"))
    assert about.select_one(".site-header__cta").get_text(strip=True) == "Request a consultation"


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
