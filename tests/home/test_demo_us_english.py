"""The demo practice is American: every page it shows reads in US English, with US dates,
times and phone numbers."""

import re

import pytest
from wagtail.models import Locale, Page

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
    "specialises": "specializes",
    "specialised": "specialized",
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
    "working days": "business days",
    "painkillers": "pain relievers",
    "sleeping tablet": "sleeping pill",
    "tablets": "pills",
    "call us on": "call us at",
    "tick the box": "check the box",
    "a&e": "emergency room",
    "gp": "primary care doctor",
    # Not British, but not how Americans write either (AP style and US usage).
    "e-mail": "email",
    "e-mails": "emails",
    "e-mailed": "emailed",
    "fill in": "fill out",
    "agree a": "agree on a",
    "agree an": "agree on an",
}
# Any other -ise/-isation verb is British (US: -ize), except these words spelled -ise in both.
ISE_WORD = re.compile(r"\b[a-z]+(?:ise|ises|ised|ising|isation|isations)\b", re.IGNORECASE)
ISE_IN_BOTH = re.compile(
    r"^(?:exercis|advertis|(?:no)?surpris|supervis|otherwis|promis|wis|ris|arisi?|aris|nois|concis|"
    r"precis|premis|expertis|franchis|compromis|enterpris|revis|devis|rais|prais|despis|disguis|"
    r"bruis|cruis|merchandis|chastis|incis|televis|improvis|excis|demis|paradis|pois|tortois|"
    r"anis|valis|mis|dis|apprais|circumcis|premis)(?:e|es|ed|ing)$",
    re.IGNORECASE,
)
UK_WORDS = re.compile(r"\b(" + "|".join(map(re.escape, UK_TO_US)) + r")\b", re.IGNORECASE)
MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
# "3 March 2026" (US: "March 3, 2026"), "8am" or "5 pm" (US: "8:00 a.m.").
UK_DATE = re.compile(rf"\b\d{{1,2}} ({MONTH}) \d{{4}}\b")
BARE_TIME = re.compile(r"\b\d{1,2}(:\d\d)? ?(am|pm)\b", re.IGNORECASE)
# A phone number written the US way: (555) 123-4567.
US_PHONE = re.compile(r"(?:^|\s)\(\d{3}\) \d{3}-\d{4}$")


@pytest.fixture(scope="module")
def demo_page_texts(_module_demo, django_db_blocker):
    """The text people read on every live English page of the demo, and on the 404 page
    (the Spanish pages are Spanish: tests/home/test_demo_content.py), as (path, text) pairs.
    Read once for the module's checks: walking the demo takes 15-25 s."""
    from django.test import Client

    client = Client()
    texts = []
    with django_db_blocker.unblock():
        english = Page.objects.live().public().filter(locale=Locale.get_default())
        paths = [page.url for page in english.specific() if page.url]
        for path in [*paths, "/no-such-page/"]:
            response = client.get(path)
            assert response.status_code in (200, 404), path
            html = soup_of(response)
            for hidden in html.select("script, style"):
                hidden.decompose()
            texts.append((path, " ".join(html.get_text(" ").split())))
    return texts


def test_the_demo_pages_use_no_british_spellings(demo_site, demo_page_texts):
    found = {path: british_words(text) for path, text in demo_page_texts}
    found = {path: words for path, words in found.items() if words}
    assert not found, f"British English on the demo pages: {found}"


def british_words(text):
    """The British spellings in `text`, each with the American word to use instead."""
    listed = {word.lower(): UK_TO_US[word.lower()] for word in UK_WORDS.findall(text)}
    ise = {
        word.lower(): "-ize"
        for word in ISE_WORD.findall(text)
        if not ISE_IN_BOTH.match(word.lower())
    }
    return sorted(f"{word} -> {us}" for word, us in (ise | listed).items())


def test_the_demo_pages_write_dates_and_times_the_american_way(demo_site, demo_page_texts):
    for path, text in demo_page_texts:
        assert not UK_DATE.search(text), (path, UK_DATE.search(text).group())
        assert not BARE_TIME.search(text), (path, BARE_TIME.search(text).group())


def test_the_practice_phone_number_is_in_us_format(client, demo_site):
    html = soup_of(client.get("/"))
    numbers = {" ".join(link.get_text(" ").split()) for link in html.select('a[href^="tel:"]')}
    assert numbers and all(US_PHONE.search(number) for number in numbers), numbers


def test_the_checker_catches_what_it_looks_for():
    # The patterns themselves: a British sentence trips each of them.
    assert UK_WORDS.findall("Call us on Monday to recognise a sleeping tablet")
    assert british_words("She specialises in exercise and minimised surprises") == [
        "minimised -> -ize",
        "specialises -> specializes",
    ]
    assert british_words("E-mail us the forms to fill in, and we agree a date") == [
        "agree a -> agree on a",
        "e-mail -> email",
        "fill in -> fill out",
    ]
    assert not british_words("Email us the forms to fill out, and we agree on a date")
    assert UK_DATE.search("Reviewed 3 March 2026")
    assert BARE_TIME.search("Open 8am to 5 pm")
    assert not BARE_TIME.search("Open 8:00 a.m. to 5:00 p.m.")
