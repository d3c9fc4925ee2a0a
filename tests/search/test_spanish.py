"""Search per language: /search/ finds English pages only, /es/search/ Spanish ones, read as
Spanish (stems, stop words, accents optional), with Spanish synonyms, spelling and picks.
Each test builds its pages; run on SQLite and on PostgreSQL (spanish_unaccent)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from home.search.models import Synonym
from home.search.results import highlight
from home.search.spelling import corrections, rebuild_vocabulary


def search(client, query, prefix="/es"):
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(html):
    return [a.get_text(strip=True) for a in html.select(".search-result__title a")]


def addresses(html):
    return [a["href"] for a in html.select(".search-result__title a")]


@pytest.mark.parametrize(
    "query, title",
    [
        ("dolor de espalda", "Dolor de espalda baja: qué ayuda"),
        ("dolor en la espalda", "Dolor de espalda baja: qué ayuda"),
        ("ciática", "Ciática"),
        ("ciatica", "Ciática"),
        ("CIÁTICA", "Ciática"),
        ("hernia de disco", "Hernia de disco"),
        ("opioides", "Hiperalgesia inducida por opioides"),
    ],
)
def test_spanish_searches_find_the_spanish_page(client, spanish_library, query, title):
    found = titles(search(client, query))
    assert found[0] == title


def test_lumbar_finds_the_pages_that_say_lumbar_or_lumbares(client, spanish_library):
    # "zona lumbar" in one summary, "dolores lumbares" in the other: the Spanish stemmer reads
    # the two differently, so both forms are searched.
    found = titles(search(client, "lumbar"))
    assert sorted(found) == ["Ciática", "Dolor de espalda baja: qué ayuda"]


def test_spanish_results_are_spanish_pages_only(client, spanish_library):
    # The translations still carry their English bodies: the words match, the language not.
    html = search(client, "hyperalgesia")
    assert titles(html) == ["Hiperalgesia inducida por opioides"]
    assert all(url.startswith("/es/") for url in addresses(html))


def test_english_results_are_english_pages_only(client, spanish_library):
    html = search(client, "hyperalgesia", prefix="")
    assert titles(html) == ["Opioid-induced hyperalgesia"]
    # "ciática" is no English word: corrected to "sciatica" at most, never the Spanish page.
    assert "Ciática" not in titles(search(client, "ciática", prefix=""))
    assert not any(url.startswith("/es/") for url in addresses(search(client, "pain", prefix="")))


def test_spanish_search_without_a_spanish_site_finds_nothing(client, pain_library):
    assert titles(search(client, "sciatica")) == []


@pytest.mark.parametrize(
    "query",
    [
        "¿Qué es la ciática?",
        "dolor de espalda back pain",
        "ciática sciatica",
        "niño ñandú ü",
        "de la el",
        "«dolor» — “espalda” ¡ya!",
        "dolor" * 40,
        "a" * 500,
        "' OR 1=1 --",
        'ciática"',
        "ciática*",
        "ciática AND NOT espalda",
        "🙂 dolor",
    ],
)
def test_bad_or_odd_spanish_input_always_answers(client, spanish_library, query):
    response = client.get("/es/search/", {"q": query})
    assert response.status_code == 200
    suggestions = client.get("/es/search-suggestions/", {"q": query})
    assert suggestions.status_code == 200


def test_a_spanish_query_mixed_with_english_words_still_finds_the_spanish_page(
    client, spanish_library
):
    assert "Ciática" in titles(search(client, "ciática sciatica"))


# --- Synonyms, spelling and picks per language ---


def test_spanish_synonyms_serve_spanish_searches_only(client, spanish_library):
    Synonym.objects.create(language="es", lay_term="nervio pinzado", clinical_terms="ciática")
    assert titles(search(client, "nervio pinzado")) == ["Ciática"]
    assert titles(search(client, "nervio pinzádo")) == ["Ciática"]
    assert titles(search(client, "nervio pinzado", prefix="")) == []


def test_an_english_synonym_is_not_applied_to_spanish_searches(client, spanish_library, synonyms):
    assert "Ciática" not in titles(search(client, "pinched nerve"))
    assert titles(search(client, "pinched nerve", prefix="")) == ["Sciatica"]


def test_the_vocabulary_is_per_language(spanish_library):
    rebuild_vocabulary()
    assert corrections(["ciatca"], "es") == {"ciatca": "ciática"}
    assert "ciática" not in corrections(["ciatca"], "en-us").values()
    assert corrections(["siatica"], "en-us") == {"siatica": "sciatica"}
    # Accents are optional: a word typed without them is known, not misspelled.
    assert corrections(["ciatica", "hernia"], "es") == {}


def test_a_spanish_misspelling_is_corrected_in_spanish(client, spanish_library):
    rebuild_vocabulary()
    html = search(client, "ciatca")
    assert titles(html) == ["Ciática"]
    link = html.select_one(".search-page__spelling a")
    assert link["href"] == "/es/search/?q=ci%C3%A1tica"


def picks(html):
    heading = html.find(id="recommended-heading")
    return [] if heading is None else titles(heading.parent)


def test_promoted_picks_show_in_their_page_language_only(client, spanish_library, pain_library):
    query = Query.get("ciatica")
    SearchPromotion.objects.create(query=query, page=spanish_library["back"], sort_order=0)
    SearchPromotion.objects.create(query=query, page=pain_library["knee"], sort_order=1)
    assert picks(search(client, "ciatica")) == ["Dolor de espalda baja: qué ayuda"]
    assert picks(search(client, "ciatica", prefix="")) == ["Knee osteoarthritis"]


# --- Suggestions as you type ---


def suggest(client, query, prefix="/es"):
    response = client.get(f"{prefix}/search-suggestions/", {"q": query})
    assert response.status_code == 200
    return [s["title"] for s in response.json()["suggestions"]]


def test_suggestions_are_in_the_language_asked_for(client, spanish_library):
    assert suggest(client, "ciat") == ["Ciática"]
    assert suggest(client, "ciati") == ["Ciática"]  # accents aside, as typed on a phone
    assert suggest(client, "sciat") == []
    assert suggest(client, "sciat", prefix="") == ["Sciatica"]


def test_suggestions_are_cached_per_language(client, spanish_library):
    english = suggest(client, "hern", prefix="")
    spanish = suggest(client, "hern")
    assert english == ["Herniated disc"] and spanish == ["Hernia de disco"]
    assert suggest(client, "hern", prefix="") == english


def test_the_admin_search_finds_pages_of_every_language(spanish_library):
    # A search that names no language (the admin's) reads the words in every language: on
    # PostgreSQL the Spanish page holds "espald", which only the Spanish reading finds.
    found = {page.title for page in Page.objects.live().search("espalda")}
    assert "Dolor de espalda baja: qué ayuda" in found
    found = {page.title for page in Page.objects.live().search("hyperalgesia")}
    assert "Opioid-induced hyperalgesia" in found


def test_a_word_typed_without_accents_is_marked_with_them():
    marked = str(highlight("La ciática y el dolor lumbar", ["ciatica", "lumbar"]))
    assert marked == "La <mark>ciática</mark> y el dolor <mark>lumbar</mark>"
