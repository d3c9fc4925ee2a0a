"""The clinician directory at /clinicians/ and the profiles: NPI checked when saved, filters
by condition, language and new patients that work as a plain GET form, and never a 500 for
whatever is typed into the address."""

import pytest
from django.core.exceptions import ValidationError

from education.npi import validate_npi
from tests.factories import (
    ClinicianPageFactory,
    ConditionPageFactory,
    LanguageFactory,
    LocationPageFactory,
)
from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


# --- The NPI ---


@pytest.mark.parametrize("npi", ["1234567893", "1048573624", "1192837460"])
def test_a_valid_npi_passes(npi):
    validate_npi(npi)


@pytest.mark.parametrize(
    "npi, message",
    [
        ("123456789", "An NPI is exactly 10 digits, with no spaces or dashes, e.g. 1234567893."),
        ("123-456-7893", "An NPI is exactly 10 digits, with no spaces or dashes, e.g. 1234567893."),
        ("١٢٣٤٥٦٧٨٩٣", "An NPI is exactly 10 digits, with no spaces or dashes, e.g. 1234567893."),
        (
            "1234567894",
            "This is not a valid NPI: its last (check) digit does not match the other nine. "
            "Check it for a typo against the NPPES registry.",
        ),
    ],
)
def test_an_invalid_npi_is_refused_with_a_message_that_says_what_is_wrong(npi, message):
    with pytest.raises(ValidationError) as caught:
        validate_npi(npi)
    assert caught.value.messages == [message]


def test_the_profile_refuses_a_mistyped_npi(rubin):
    rubin.npi = "1234567890"
    with pytest.raises(ValidationError) as caught:
        rubin.full_clean()
    assert "last (check) digit" in caught.value.message_dict["npi"][0]


# --- The profile ---


def test_profile_shows_new_patients_languages_and_qualifications(client, rubin, spanish):
    rubin.npi = "1234567893"
    rubin.accepting_new_patients = False
    rubin.board_certifications = "Anesthesiology\nPain Medicine"
    rubin.education_and_training = "MD, University of Michigan"
    rubin.languages = [LanguageFactory(name="English", code="en"), spanish]
    rubin.save_revision().publish()
    html = soup_of(client.get(rubin.url))
    facts = [li.get_text() for li in html.select(".profile__facts li")]
    assert facts == ["Not taking new patients at the moment", "Speaks English and Spanish"]
    credentials = [el.get_text() for el in html.select(".profile__credential-list > *")]
    assert credentials == [
        "Board certifications",
        "Anesthesiology",
        "Pain Medicine",
        "Education and training",
        "MD, University of Michigan",
        "National Provider Identifier (NPI)",
        "1234567893",
    ]


# --- The directory and its filters ---


@pytest.fixture
def directory(clinician_index, spanish, condition_index):
    """Three clinicians: Rubin treats sciatica; Lopez speaks Spanish and treats sciatica but
    takes no new patients; Okafor neither."""
    rubin = ClinicianPageFactory(parent=clinician_index)
    lopez = ClinicianPageFactory(
        parent=clinician_index, given_name="Ana", family_name="Lopez", accepting_new_patients=False
    )
    lopez.languages = [spanish]
    lopez.save_revision().publish()
    okafor = ClinicianPageFactory(parent=clinician_index, given_name="Maya", family_name="Okafor")
    ConditionPageFactory(
        parent=condition_index, title="Sciatica", slug="sciatica", clinicians=[rubin, lopez]
    )
    return {"rubin": rubin, "lopez": lopez, "okafor": okafor}


def names(response):
    return [a.get_text() for a in soup_of(response).select(".clinician-card .card__title a")]


def count_text(response):
    return " ".join(soup_of(response).select_one(".directory-count").get_text().split())


def test_directory_lists_everyone_with_a_count(client, directory):
    response = client.get("/clinicians/")
    assert names(response) == ["Dr. Ana Lopez, MD", "Dr. Maya Okafor, MD", "Dr. Edward Rubin, MD"]
    assert count_text(response) == "3 clinicians."


@pytest.mark.parametrize(
    "query, expected, count",
    [
        ("condition=sciatica", ["Dr. Ana Lopez, MD", "Dr. Edward Rubin, MD"], "2 clinicians match"),
        ("language=es", ["Dr. Ana Lopez, MD"], "1 clinician matches"),
        ("accepting=on", ["Dr. Maya Okafor, MD", "Dr. Edward Rubin, MD"], "2 clinicians match"),
        ("condition=sciatica&accepting=on", ["Dr. Edward Rubin, MD"], "1 clinician matches"),
    ],
)
def test_filters_narrow_the_list_and_say_how_many_match(client, directory, query, expected, count):
    response = client.get(f"/clinicians/?{query}")
    assert names(response) == expected
    assert count_text(response) == f"{count} your choices."


def test_the_filter_form_is_a_plain_get_form_that_keeps_the_choices(client, directory):
    html = soup_of(client.get("/clinicians/?condition=sciatica&language=es"))
    form = html.select_one("form.directory-filters")
    assert form["method"] == "get" and form["action"] == "/clinicians/"
    assert form.select_one("select[name=condition] option[selected]")["value"] == "sciatica"
    assert form.select_one("select[name=language] option[selected]")["value"] == "es"
    assert [o.get_text() for o in form.select("select[name=language] option")] == [
        "Any language",
        "Spanish",
    ]
    assert form.select_one('a[href="/clinicians/"]').get_text() == "Clear filters"


def test_no_match_gives_a_calm_empty_state(client, directory):
    response = client.get("/clinicians/?language=es&accepting=on")
    assert response.status_code == 200
    assert names(response) == []
    empty = soup_of(response).select_one(".directory-empty")
    assert "No clinician matches all of these choices" in empty.get_text()
    assert empty.select_one('a[href="/clinicians/"]')


@pytest.mark.parametrize(
    "query",
    [
        "condition=no-such-condition",
        "language=xx",
        "condition=" + "a" * 10_000,
        "language=%00",
        "condition=%C3%28",
        "condition[]=sciatica",
        "language=es&language=zz",
    ],
)
def test_unknown_filter_values_give_an_empty_list_with_a_message_never_a_500(
    client, directory, query
):
    response = client.get(f"/clinicians/?{query}")
    assert response.status_code in (200, 400)
    if response.status_code == 200 and "condition[]" not in query:
        assert names(response) == []
        assert "We could not use that filter" in count_text(response)


def test_a_draft_condition_is_not_a_filter_choice(client, directory, condition_index):
    ConditionPageFactory(parent=condition_index, slug="draft-pain", publish=False)
    response = client.get("/clinicians/?condition=draft-pain")
    assert names(response) == []
    values = [o["value"] for o in soup_of(response).select("select[name=condition] option")]
    assert values == ["", "sciatica"]


def test_cards_say_who_takes_new_patients_and_their_languages(client, directory):
    cards = soup_of(client.get("/clinicians/")).select(".clinician-card")
    lopez = [li.get_text() for li in cards[0].select(".clinician-card__facts li")]
    assert lopez == ["Not taking new patients at the moment", "Speaks Spanish"]


# --- Locations (the locations' app links clinicians to offices) ---


@pytest.fixture
def offices(directory):
    harbor = LocationPageFactory(
        title="Harbor office", clinicians=[directory["rubin"], directory["lopez"]]
    )
    hill = LocationPageFactory(title="Hill office", clinicians=[directory["okafor"]])
    return harbor, hill


def test_the_location_filter_lists_offices_and_narrows_the_list(client, offices):
    html = soup_of(client.get("/clinicians/"))
    options = [o.get_text() for o in html.select("select[name=location] option")]
    assert options == ["Any location", "Harbor office", "Hill office"]
    response = client.get("/clinicians/?location=hill-office")
    assert names(response) == ["Dr. Maya Okafor, MD"]
    response = client.get("/clinicians/?location=harbor-office&accepting=on")
    assert names(response) == ["Dr. Edward Rubin, MD"]


def test_an_unknown_or_unpublished_office_gives_an_empty_list(client, offices):
    harbor, _ = offices
    harbor.unpublish()
    for query in ("location=harbor-office", "location=nowhere"):
        response = client.get(f"/clinicians/?{query}")
        assert response.status_code == 200
        assert names(response) == []


def test_with_one_office_there_is_no_location_choice(client, directory):
    LocationPageFactory(title="Harbor office", clinicians=[directory["rubin"]])
    html = soup_of(client.get("/clinicians/"))
    assert html.select_one("select[name=location]") is None
