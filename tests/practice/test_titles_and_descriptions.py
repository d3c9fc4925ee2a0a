"""Titles carry the practice's name once and only while it fits; descriptions drawn from a
summary keep whole sentences within what search results show."""

from practice.pages import fitted_description
from practice.templatetags.practice_tags import with_brand

BRAND = "Rubin Pain Management"


def test_a_short_title_gets_the_brand_after_it():
    assert with_brand("Sciatica", BRAND) == "Sciatica | Rubin Pain Management"


def test_a_title_naming_the_practice_already_does_not_get_it_twice():
    title = "Rubin Pain Management – Specialist care for chronic pain"
    assert with_brand(title, BRAND) == title


def test_a_long_title_drops_the_brand_rather_than_be_cut():
    title = "Opioid-induced hyperalgesia: when pain medicine makes pain worse"
    assert with_brand(title, BRAND) == title


def test_the_title_stays_escaped_once():
    assert with_brand("Pain &amp; sleep", BRAND) == "Pain &amp; sleep | Rubin Pain Management"


def test_a_long_summary_keeps_the_sentences_that_fit():
    summary = "A" * 100 + ". " + "B" * 80 + "."
    assert fitted_description(summary) == "A" * 100 + "."


def test_one_long_sentence_is_cut_after_a_word():
    description = fitted_description("word " * 60)
    assert len(description) <= 155 and description.endswith("word…")
