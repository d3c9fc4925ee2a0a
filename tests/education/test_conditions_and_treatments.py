"""Condition and treatment pages: their sections, the links editors choose (shown on both
sides), the indexes, and how they join search, the sitemap, breadcrumbs and the menu."""

import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from tests.factories import (
    ArticlePageFactory,
    ClinicianPageFactory,
    ConditionPageFactory,
    TreatmentPageFactory,
)
from tests.helpers import make_private, soup_of

pytestmark = pytest.mark.django_db


# --- The condition page ---


def test_condition_page_shows_its_sections_in_order_with_a_contents_list(client, sciatica):
    html = soup_of(client.get(sciatica.url))
    aside = [h2.get_text(strip=True) for h2 in html.select("article.medical-page .page-aside h2")]
    assert aside == ["About this page", "On this page", "Talk to us"]
    headings = [h2.get_text(strip=True) for h2 in html.select(".page-layout__main h2")]
    assert headings == [
        "Overview",
        "Symptoms",
        "Causes",
        "Treatments we offer",
        "When to get urgent help",
    ]
    contents = [(a["href"], a.get_text()) for a in html.select(".page-contents a")]
    assert contents[:5] == [
        ("#overview", "Overview"),
        ("#symptoms", "Symptoms"),
        ("#causes", "Causes"),
        ("#treatments", "Treatments we offer"),
        ("#urgent-help", "When to get urgent help"),
    ]
    for anchor, _ in contents:
        assert html.select_one(anchor) is not None, anchor
    symptoms = [li.get_text() for li in html.select("#symptoms li")]
    assert symptoms == ["Pain that runs down one leg", "Numbness or tingling in the foot"]
    assert "callout--urgent" in html.select_one("#urgent-help")["class"]


def test_an_emptied_section_is_left_out_of_the_page_and_its_contents(client, condition_index):
    condition = ConditionPageFactory(parent=condition_index, causes="<p></p>")
    html = soup_of(client.get(condition.url))
    assert html.select_one("#causes") is None
    assert "#causes" not in [a["href"] for a in html.select(".page-contents a")]


def test_a_condition_with_no_treatments_linked_still_renders(client, condition_index):
    condition = ConditionPageFactory(parent=condition_index, title="Rare pain")
    response = client.get(condition.url)
    assert response.status_code == 200
    html = soup_of(response)
    assert html.select_one("#treatments") is None
    assert html.h1.get_text() == "Rare pain"


def test_condition_page_shows_when_and_by_whom_it_was_reviewed(client, sciatica, rubin):
    review = soup_of(client.get(sciatica.url)).select_one(".medical-review")
    assert " ".join(review.get_text().split()).startswith(
        "Medically reviewed by Dr. Edward Rubin, MD on March 3, 2026. Next review due March 3, 2027"
    )
    assert review.a["href"] == rubin.url


def test_review_dates_are_checked_like_an_articles(sciatica, rubin):
    sciatica.last_reviewed = None
    with pytest.raises(ValidationError) as caught:
        sciatica.clean()
    assert caught.value.message_dict["last_reviewed"] == ["Give the date of the medical review."]
    sciatica.last_reviewed, sciatica.next_review_due = sciatica.next_review_due, None
    sciatica.minor_edit = True
    sciatica.clean()  # a minor edit of a reviewed page is fine
    sciatica.last_reviewed = None
    sciatica.medical_reviewer = None
    with pytest.raises(ValidationError) as caught:
        sciatica.clean()
    assert "no change to it can be minor" in caught.value.message_dict["minor_edit"][0]


def test_reading_grade_is_worked_out_from_the_sections_on_save(sciatica):
    assert sciatica.reading_grade is not None
    assert sciatica.reading_grade_verdict


# --- The treatment page ---


def test_treatment_page_gives_a_before_you_come_checklist(client, injection):
    html = soup_of(client.get(injection.url))
    checklist = [li.get_text() for li in html.select("#how-to-prepare .checklist li")]
    assert checklist == [
        "Bring an adult who can drive you home: you must not drive today.",
        "Tell us if you take a blood thinner.",
        "Eat nothing for 6 hours before.",
    ]
    assert [a["href"] for a in html.select(".page-contents a")][:6] == [
        "#what-it-is",
        "#how-to-prepare",
        "#on-the-day",
        "#risks",
        "#when-to-call",
        "#clinicians",
    ]


def test_treatment_page_prints_as_a_handout(client, injection):
    html = soup_of(client.get(injection.url))
    # On paper: the practice and its phone number at the top, where the page came from at the
    # end; the contents list, cards and call to action are left off.
    assert "Rubin Pain Management" in html.select_one(".print-only.handout__practice").get_text()
    assert injection.full_url in html.select_one(".print-only.handout__source").get_text()
    assert "no-print" in html.select_one(".page-contents")["class"]
    assert "no-print" in html.select_one(".consultation-cta")["class"]


# --- Links, shown on both sides ---


def test_condition_links_show_on_the_treatment_clinician_and_article(
    client, sciatica, injection, rubin, article
):
    condition = soup_of(client.get(sciatica.url))
    assert [a["href"] for a in condition.select("#treatments .card__title a")] == [injection.url]
    # The profile is told where the patient came from, for its "Request a consultation".
    assert [a["href"] for a in condition.select("#clinicians .card__title a")] == [
        f"{rubin.url}?condition={sciatica.pk}"
    ]
    assert [a["href"] for a in condition.select("#articles .card__title a")] == [article.url]

    treatment = soup_of(client.get(injection.url))
    assert [a["href"] for a in treatment.select("#conditions a")] == [sciatica.url]
    assert [a["href"] for a in treatment.select("#clinicians .card__title a")] == [
        f"{rubin.url}?treatment={injection.pk}"
    ]

    profile = soup_of(client.get(rubin.url))
    assert [a["href"] for a in profile.select("section[aria-labelledby=conditions-heading] a")] == [
        sciatica.url
    ]
    assert [a["href"] for a in profile.select("section[aria-labelledby=treatments-heading] a")] == [
        injection.url
    ]

    reading = soup_of(client.get(article.url))
    assert [a["href"] for a in reading.select(".article__care a")] == [sciatica.url, injection.url]


def test_links_keep_the_editors_order(client, condition_index, treatment_index):
    first, second = (
        TreatmentPageFactory(parent=treatment_index, title="Zeta therapy"),
        TreatmentPageFactory(parent=treatment_index, title="Alpha therapy"),
    )
    condition = ConditionPageFactory(parent=condition_index, treatments=[first, second])
    html = soup_of(client.get(condition.url))
    titles = [a.get_text() for a in html.select("#treatments .card__title a")]
    assert titles == ["Zeta therapy", "Alpha therapy"]


def test_draft_and_private_pages_are_never_linked(
    client, condition_index, treatment_index, home_page
):
    draft_treatment = TreatmentPageFactory(parent=treatment_index, publish=False)
    draft_clinician = ClinicianPageFactory(given_name="Draft", publish=False)
    private_article = ArticlePageFactory(title="Members only")
    make_private(private_article)
    condition = ConditionPageFactory(
        parent=condition_index,
        treatments=[draft_treatment],
        clinicians=[draft_clinician],
        articles=[private_article],
    )
    html = soup_of(client.get(condition.url))
    assert html.select_one("#treatments") is None
    assert html.select_one("#clinicians") is None
    assert html.select_one("#articles") is None
    draft_condition = ConditionPageFactory(
        parent=condition_index, clinicians=[ClinicianPageFactory(given_name="Ana")], publish=False
    )
    profile = draft_condition.clinician_links.first().clinician
    assert "conditions-heading" not in client.get(profile.url).content.decode()


# --- Request a consultation: the form is told what it is about ---


def test_request_a_consultation_names_the_condition_treatment_or_clinician(
    client, sciatica, injection, rubin, consultation_page
):
    for page, query in (
        (sciatica, f"?condition={sciatica.pk}"),
        (injection, f"?treatment={injection.pk}"),
        (rubin, f"?clinician={rubin.pk}"),
    ):
        button = soup_of(client.get(page.url)).select_one(".consultation-cta a.button")
        assert button["href"] == consultation_page.url + query


# --- The indexes ---


def test_a_to_z_groups_conditions_by_letter_and_lists_other_names(client, sciatica):
    ConditionPageFactory(title="Complex regional pain syndrome", alternate_names="CRPS")
    html = soup_of(client.get("/conditions/"))
    letters = [h2.get_text() for h2 in html.select(".a-to-z__letter")]
    assert letters == ["C", "L", "S"]
    jump = [a["href"] for a in html.select(".a-to-z__letters a")]
    assert jump == ["#letter-c", "#letter-l", "#letter-s"]
    entries = [" ".join(li.get_text().split()) for li in html.select("#letter-l ~ ul li")]
    assert entries[0] == "Lumbar radiculopathy: see Sciatica"


def test_treatment_index_lists_live_treatments_alphabetically(client, injection, treatment_index):
    TreatmentPageFactory(parent=treatment_index, title="Acupuncture")
    TreatmentPageFactory(parent=treatment_index, title="Hidden", publish=False)
    html = soup_of(client.get("/treatments/"))
    titles = [a.get_text() for a in html.select(".card__title a")]
    assert titles == ["Acupuncture", "Epidural steroid injection"]


def test_empty_indexes_say_so_calmly(client, condition_index, treatment_index):
    assert "will appear here soon" in client.get("/conditions/").content.decode()
    assert "will appear here soon" in client.get("/treatments/").content.decode()


# --- Search, sitemap, breadcrumbs, menu ---


def test_site_search_finds_conditions_by_their_other_names(client, condition_index):
    ConditionPageFactory(title="Herniated disc", alternate_names="Disc herniation\nSlipped disc")
    html = soup_of(client.get("/search/?q=slipped+disc"))
    result = html.select_one(".search-result")
    assert result.select_one("a").get_text() == "Herniated disc"
    assert result.select_one(".search-result__type").get_text() == "Condition"


def test_site_search_finds_treatments(client, injection):
    html = soup_of(client.get("/search/?q=epidural"))
    types = [p.get_text() for p in html.select(".search-result__type")]
    assert "Treatment" in types


def test_sitemap_lists_conditions_treatments_and_their_indexes(client, sciatica, injection):
    tree = ET.fromstring(client.get("/sitemap.xml").content)
    locs = {loc.text for loc in tree.iter() if loc.tag.endswith("loc")}
    for page in (sciatica, injection, sciatica.get_parent(), injection.get_parent()):
        assert page.full_url in locs


def test_breadcrumbs_and_menu_lead_to_the_sections(client, sciatica):
    html = soup_of(client.get(sciatica.url))
    crumbs = [a.get_text() for a in html.select(".breadcrumbs a")]
    assert crumbs == ["Home", "Conditions we treat", "Sciatica"]
    menu = html.select_one('.main-nav a[href="/conditions/"]')
    assert menu["aria-current"] == "true"
