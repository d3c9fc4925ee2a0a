"""The demo practice is American: every page it shows reads in US English, with US dates,
times and phone numbers."""

import re

import pytest
from wagtail.models import Page

from tests.helpers import soup_of

pytestmark = pytest.mark.django_db

# British spellings and idioms a UK or Australian writer slips in without noticing, with the
# American word a patient here expects. Matched as whole words, ignoring case.
UK_TO_US = {
    "recognise": "recognize",
    "recognised": "recognized",
    "organise": "organize",
    "specialising": "specializing",
    "specialise": "specialize",
    "minimise": "minimize",
    "realise": "realize",
    "anaesthetic": "anesthetic",
    "anaesthesia": "anesthesia",
    "anaesthetist": "anesthesiologist",
    "behaviour": "behavior",
    "behavioural": "behavioral",
    "colour": "color",
    "favourite": "favorite",
    "centre": "center",
    "programme": "program",
    "haemorrhage": "hemorrhage",
    "oedema": "edema",
    "orthopaedic": "orthopedic",
    "paediatric": "pediatric",
    "oesophagus": "esophagus",
    "diarrhoea": "diarrhea",
    "towards": "toward",
    "whilst": "while",
    "fortnight": "two weeks",
    "painkillers": "pain relievers",
    "sleeping tablet": "sleeping pill",
    "tablets": "pills",
    "call us on": "call us at",
    "tick the box": "check the box",
    "a&e": "emergency room",
    "gp": "primary care doctor",
}
UK_WORDS = re.compile(r"\b(" + "|".join(map(re.escape, UK_TO_US)) + r")\b", re.IGNORECASE)
MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
# "3 March 2026" (US: "March 3, 2026"), "8am" or "5 pm" (US: "8:00 a.m.").
UK_DATE = re.compile(rf"\b\d{{1,2}} ({MONTH}) \d{{4}}\b")
BARE_TIME = re.compile(r"\b\d{1,2}(:\d\d)? ?(am|pm)\b", re.IGNORECASE)
# A phone number written the US way: (555) 123-4567.
US_PHONE = re.compile(r"^\(\d{3}\) \d{3}-\d{4}$")


def demo_page_texts(client):
    """The text people read on every live page of the demo, and on the 404 page."""
    paths = [page.url for page in Page.objects.live().public().specific() if page.url]
    paths += ["/no-such-page/"]
    for path in paths:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        html = soup_of(response)
        for hidden in html.select("script, style"):
            hidden.decompose()
        yield path, " ".join(html.get_text(" ").split())


def test_the_demo_pages_use_no_british_spellings(client, demo_site):
    found = {
        path: sorted({match.lower() for match in UK_WORDS.findall(text)})
        for path, text in demo_page_texts(client)
    }
    found = {path: words for path, words in found.items() if words}
    advice = {path: [f"{w} -> {UK_TO_US[w]}" for w in words] for path, words in found.items()}
    assert not found, f"British English on the demo pages: {advice}"


def test_the_demo_pages_write_dates_and_times_the_american_way(client, demo_site):
    for path, text in demo_page_texts(client):
        assert not UK_DATE.search(text), (path, UK_DATE.search(text).group())
        assert not BARE_TIME.search(text), (path, BARE_TIME.search(text).group())


def test_the_practice_phone_number_is_in_us_format(client, demo_site):
    html = soup_of(client.get("/"))
    numbers = {link.get_text(strip=True) for link in html.select('a[href^="tel:"]')}
    assert numbers and all(US_PHONE.match(number) for number in numbers), numbers


def test_the_checker_catches_what_it_looks_for():
    # The patterns themselves: a British sentence trips each of them.
    assert UK_WORDS.findall("Call us on Monday to recognise a sleeping tablet")
    assert UK_DATE.search("Reviewed 3 March 2026")
    assert BARE_TIME.search("Open 8am to 5 pm")
    assert not BARE_TIME.search("Open 8:00 a.m. to 5:00 p.m.")
