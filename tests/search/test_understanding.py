"""Search that understands how patients type: misspellings, lay words, singular and plural.
Each test builds the pages it should find; run on SQLite and on PostgreSQL (pg_trgm)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.search import signals
from home.search.models import SearchTermDay, SpellingTerm, Synonym
from home.search.spelling import corrections, rebuild_vocabulary
from tests.factories import ArticlePageFactory, ConditionPageFactory, change_practice_settings


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(html, section="results-heading"):
    heading = html.find(id=section)
    if heading is None:
        return []
    return [a.get_text(strip=True) for a in heading.parent.select(".search-result__title a")]


def spelling_note(html):
    note = html.select_one(".search-page__spelling")
    return " ".join(note.get_text().split()) if note else ""


# --- Spelling ---


@pytest.mark.parametrize(
    "typed, meant, title",
    [
        ("hyperalgesa", "hyperalgesia", "Opioid-induced hyperalgesia"),
        ("fibromyalgya", "fibromyalgia", "Fibromyalgia"),
        ("siatica", "sciatica", "Sciatica"),
    ],
)
def test_a_misspelling_shows_the_page_it_meant(client, pain_library, typed, meant, title):
    html = search(client, typed)
    assert titles(html) == [title]
    assert spelling_note(html) == f"Showing results for {meant}. Search instead for {typed}."
    instead = html.select_one(".search-page__spelling a[href*='as_typed=1']")
    assert instead["href"] == f"/search/?q={typed}&as_typed=1"


def test_searching_as_typed_finds_nothing_but_still_offers_the_correction(client, pain_library):
    html = search(client, "siatica", as_typed="1")
    assert titles(html) == []
    assert not SearchTermDay.objects.exists()  # the same search again, not counted twice
    assert "We could not find a page about “siatica”" in html.get_text()
    link = html.select_one(".search-page__spelling a")
    assert (link.get_text(), link["href"]) == ("sciatica", "/search/?q=sciatica")


def test_a_misspelled_word_among_correct_ones_is_corrected_alone(client, pain_library):
    html = search(client, "knee osteoartritis")
    assert spelling_note(html).startswith("Showing results for knee osteoarthritis.")
    assert titles(html) == ["Knee osteoarthritis"]


def test_few_results_get_a_did_you_mean_link(client, pain_library, article_index, rubin):
    # One article has the typo in its summary: one result as typed, more as meant.
    ArticlePageFactory(
        parent=article_index,
        title="Leg pain after sitting",
        summary="Some people call any leg pain siatica.",
        authors=[rubin],
    )
    ArticlePageFactory(parent=article_index, title="Sciatica in pregnancy", authors=[rubin])
    html = search(client, "siatica")
    assert titles(html) == ["Leg pain after sitting"]
    link = html.select_one(".search-page__spelling a")
    assert spelling_note(html) == "Did you mean: sciatica?"
    assert link["href"] == "/search/?q=sciatica"


def test_words_the_site_uses_are_never_corrected(client, pain_library):
    assert corrections(["sciatica", "knees", "herniated"]) == {}
    html = search(client, "sciatica")
    assert spelling_note(html) == ""


def test_nothing_close_enough_is_offered_as_a_correction(client, pain_library):
    assert corrections(["xylophone", "pian"]) == {}
    html = search(client, "xylophone")
    assert spelling_note(html) == ""
    assert "We could not find a page about" in html.get_text()


def test_the_vocabulary_follows_publishing(client, pain_library, article_index, rubin):
    page = ArticlePageFactory(parent=article_index, title="Gabapentin and you", authors=[rubin])
    assert SpellingTerm.objects.filter(term="gabapentin").exists()
    assert corrections(["gabapentn"]) == {"gabapentn": "gabapentin"}

    page.unpublish()
    rebuild_vocabulary()  # what the unpublish schedules for when its transaction commits
    assert not SpellingTerm.objects.filter(term="gabapentin").exists()


def test_unpublishing_schedules_one_rebuild_for_the_commit(pain_library):
    pain_library["fibromyalgia"].unpublish()
    pain_library["sciatica"].unpublish()
    waiting = [callback for _, callback, _ in connection.run_on_commit]
    assert waiting.count(signals.rebuild_on_commit) == 1
    signals.rebuild_on_commit()  # as the commit would
    assert not SpellingTerm.objects.filter(term="fibromyalgia").exists()
    assert SpellingTerm.objects.filter(term="hyperalgesia").exists()


def run_waiting_rebuild():
    """Run the rebuild waiting for the commit, as the commit would; whether one was waiting."""
    waiting = [entry for entry in connection.run_on_commit if entry[1] is signals.rebuild_on_commit]
    for entry in waiting:
        connection.run_on_commit.remove(entry)
    if waiting:
        signals.rebuild_on_commit()
    return bool(waiting)


def test_a_page_made_private_takes_its_words_out_of_the_vocabulary(pain_library):
    """ "Did you mean" never names a private page; made public again, its words come back."""
    run_waiting_rebuild()  # the library's own, as its commit would
    restriction = PageViewRestriction.objects.create(
        page=pain_library["fibromyalgia"], restriction_type="password", password="x"
    )
    assert run_waiting_rebuild()
    assert corrections(["fibromyalgya"]) == {}
    restriction.delete()
    assert run_waiting_rebuild()
    assert corrections(["fibromyalgya"]) == {"fibromyalgya": "fibromyalgia"}


def test_private_and_draft_titles_stay_out_of_the_vocabulary(pain_library, article_index, rubin):
    ArticlePageFactory(parent=article_index, title="Zanaflex draft", authors=[rubin], publish=False)
    rebuild_vocabulary()
    assert not SpellingTerm.objects.filter(term="zanaflex").exists()


# --- Synonyms ---


def test_pinched_nerve_finds_sciatica(client, pain_library, synonyms):
    html = search(client, "pinched nerve")
    assert titles(html) == ["Sciatica"]


def test_slipped_disc_finds_the_herniated_disc_page(client, pain_library, synonyms):
    html = search(client, "Slipped discs")
    assert titles(html) == ["Herniated disc"]
    summary = html.select_one(".search-result__summary")
    assert [mark.get_text() for mark in summary.select("mark")] == ["disc"]


def test_without_the_synonym_lay_words_find_nothing(client, pain_library):
    html = search(client, "slipped disc")
    assert titles(html) == []


def test_synonyms_are_edited_and_applied_at_once(client, pain_library, synonyms):
    Synonym.objects.create(lay_term="tingling legs", clinical_terms="Sciatica")
    assert titles(search(client, "tingling legs")) == ["Sciatica"]
    Synonym.objects.filter(lay_term="tingling legs").delete()
    assert titles(search(client, "tingling legs")) == []


def test_a_synonym_is_stored_as_search_compares_it(db):
    synonym = Synonym.objects.create(
        lay_term="  Pain   PILLS ", clinical_terms="Opioids,, analgesics ,"
    )
    assert (synonym.lay_term, synonym.clinical_terms) == ("pain pills", "opioids, analgesics")


# --- Singular and plural ---


@pytest.fixture
def opioid_pages(article_index, rubin):
    ArticlePageFactory(parent=article_index, title="Tapering an opioid safely", authors=[rubin])
    ArticlePageFactory(parent=article_index, title="Opioids and sleep", authors=[rubin])
    ArticlePageFactory(
        parent=article_index,
        title="Medicines for back pain",
        summary="Where opioids fit, and where they do not.",
        authors=[rubin],
    )
    promoted = ArticlePageFactory(
        parent=article_index, title="When pain medicine makes pain worse", authors=[rubin]
    )
    SearchPromotion.objects.create(query=Query.get("opioids"), page=promoted, sort_order=0)
    return promoted


def test_opioid_and_opioids_give_the_same_results_and_pick(client, opioid_pages):
    singular, plural = search(client, "opioid"), search(client, "Opioids")
    assert titles(singular, "recommended-heading") == [opioid_pages.title]
    assert titles(plural, "recommended-heading") == [opioid_pages.title]
    assert titles(singular) == titles(plural)
    assert sorted(titles(singular)) == [
        "Medicines for back pain",
        "Opioids and sleep",
        "Tapering an opioid safely",
    ]


# --- Nothing found ---


def test_nothing_found_offers_the_conditions_and_the_phone_number(client, pain_library):
    change_practice_settings(phone="(555) 014-2290")
    html = search(client, "xylophone")
    assert html.select(".search-result") == []
    ways_on = html.select_one(".search-suggestions")
    phone = ways_on.select_one('a[href^="tel:"]')
    assert phone.get_text() == "(555) 014-2290"
    assert ways_on.select_one('a[href="/education/"]') is not None
    a_to_z = ways_on.select_one('a[href="/conditions/"]')
    assert a_to_z.get_text() == "A–Z of conditions"


def test_a_condition_is_found_by_its_other_names(client, pain_library):
    ConditionPageFactory(title="Trigeminal neuralgia", alternate_names="Tic douloureux")
    assert SpellingTerm.objects.filter(term="douloureux").exists()
    html = search(client, "tic doloureux")
    assert spelling_note(html).startswith("Showing results for tic douloureux.")
    assert titles(html) == ["Trigeminal neuralgia"]


# --- What it costs ---


@pytest.mark.parametrize("count", [5, 50])
def test_corrections_and_synonyms_run_a_bounded_number_of_queries(
    client, article_index, rubin, synonyms, count, django_assert_max_num_queries
):
    for n in range(count):
        ArticlePageFactory(parent=article_index, title=f"Sciatica question {n}", authors=[rubin])
    search(client, "sciatica")  # warm the site settings, menus and synonyms
    with django_assert_max_num_queries(34):
        html = search(client, "siatica pinched nerve")
    assert spelling_note(html).startswith("Showing results for sciatica pinched nerve.")
    assert len(html.select(".search-result")) == min(count, 10)
