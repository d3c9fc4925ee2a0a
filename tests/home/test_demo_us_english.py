"""The demo practice is American: every page it shows reads in US English, with US dates,
times and phone numbers; so does what staff read about it (the admin's field labels, help
texts and choices, the consultation export's headings, the notification emails)."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Locale, Page

from pages.consultation.form_fields import SHORT_HEADINGS
from pages.consultation.models import ConsultationFormPage
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


# The project's own apps: the admin screens for their models are written here.
PROJECT_APPS = ("practice", "home", "education", "pages")
EMAIL_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def admin_strings():
    """What staff read in the admin about the project's models, as (where, text) pairs: each
    model's name, and each of its fields' label, help text and choices (fields a project model
    inherits from a Wagtail model, such as a page's title, are Wagtail's to word)."""
    for model in apps.get_models():
        if not model.__module__.startswith(PROJECT_APPS):
            continue
        meta = model._meta
        yield meta.label, str(meta.verbose_name)
        yield meta.label, str(meta.verbose_name_plural)
        for field in meta.get_fields():
            if field.model is not model or not hasattr(field, "verbose_name"):
                continue  # inherited from another table, or the far end of a relation
            where = f"{meta.label}.{field.name}"
            yield where, str(field.verbose_name)
            yield where, str(field.help_text)
            yield from ((where, str(label)) for _, label in field.flatchoices)


def test_the_admin_labels_help_texts_and_choices_use_us_english():
    strings = list(admin_strings())
    assert len(strings) > 200  # every project model was read, not none
    found = {where: british_words(text) for where, text in strings if british_words(text)}
    assert not found, f"British English in the admin: {found}"


def test_the_consultation_export_heads_its_columns_in_us_english(client, demo_site, superuser):
    page = ConsultationFormPage.objects.live().get(locale=Locale.get_default())
    client.force_login(superuser)
    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv")
    text = b"".join(response.streaming_content).decode()
    headings = next(csv.reader(io.StringIO(text)))
    assert "Request" in headings and len(headings) > 8  # the export, not an error page
    # The short headings a field's type gives, when staff name none.
    headings += SHORT_HEADINGS.values()
    assert not british_words(" | ".join(headings)), headings


def test_the_notification_emails_use_us_english():
    emails = sorted(EMAIL_TEMPLATES.rglob("*.txt"))
    assert emails
    found = {path.name: british_words(path.read_text()) for path in emails}
    assert not any(found.values()), found


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
