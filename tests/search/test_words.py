"""How search reads words: forms of one word run one search; lay terms are found in a query."""

import pytest

from home.search.words import find_lay_terms, fold, forms, meaningful, phrasings, words_of


@pytest.mark.parametrize(
    "one, other",
    [
        ("opioid", "opioids"),
        ("therapy", "therapies"),
        ("headache", "headaches"),
        ("nerve", "nerves"),
        ("injection", "injections"),
        ("neuropathy", "neuropathies"),
        ("branch", "branches"),
        ("stress", "stresses"),
        ("disc", "discs"),
        ("day", "days"),
    ],
)
def test_singular_and_plural_have_the_same_forms(one, other):
    assert forms(one) == forms(other)
    assert one in forms(one) and other in forms(one)


def test_short_words_and_numbers_are_left_alone():
    assert forms("is") == ["is"]
    assert forms("b12") == ["b12"]


def test_words_are_lowercase_and_without_punctuation():
    assert words_of('Back "pain" & o\'clock!') == ["back", "pain", "o", "clock"]


def test_promotions_match_every_phrasing_within_a_bound():
    assert phrasings(["opioid", "pills"]) == [
        "opioid pill",
        "opioid pills",
        "opioids pill",
        "opioids pills",
    ]
    assert len(phrasings(["therapies"] * 8)) == 32


def test_lay_terms_are_found_in_any_form_longest_first():
    lay_terms = ["pinched nerve", "nerve", "pain pills"]
    assert find_lay_terms(["my", "pinched", "nerves", "hurt"], lay_terms) == [
        ("word", "my"),
        ("lay", "pinched nerve"),
        ("word", "hurt"),
    ]
    assert find_lay_terms(["pain"], lay_terms) == [("word", "pain")]


@pytest.mark.parametrize(
    "one, other",
    [("dolor", "dolores"), ("espalda", "espaldas"), ("lumbar", "lumbares"), ("luz", "luces")],
)
def test_spanish_singular_and_plural_have_the_same_forms(one, other):
    assert forms(one, "es") == forms(other, "es")
    assert one in forms(one, "es") and other in forms(one, "es")


def test_spanish_words_that_end_in_s_are_not_taken_for_plurals():
    assert forms("artritis", "es") == ["artritis"]


def test_accents_fold_away_and_keep_their_places():
    assert fold("Ciática, niño, pingüino") == "Ciatica, nino, pinguino"
    assert len(fold("ciática")) == len("ciática")


def test_spanish_stop_words_are_left_out_unless_nothing_else_is_left():
    assert meaningful(["dolor", "de", "la", "espalda"], "es") == ["dolor", "espalda"]
    assert meaningful(["de", "la"], "es") == ["de", "la"]
    assert meaningful(["a", "pain"]) == ["a", "pain"]  # English queries keep every word


def test_a_lay_term_matches_with_or_without_accents():
    assert find_lay_terms(["nervio", "pinzádo"], ["nervio pinzado"], "es") == [
        ("lay", "nervio pinzado")
    ]
