"""Reading grade (Flesch–Kincaid) of articles, checked against passages counted by hand.

grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
"""

from decimal import Decimal

import pytest
from wagtail.rich_text import RichText

from education.readability import (
    flesch_kincaid_grade,
    html_lines,
    reading_grade,
    split_sentences,
    syllables,
    text_statistics,
    word_syllables,
)
from tests.factories import ArticlePageFactory, references


def test_the_cat_sat_on_the_mat():
    """1 sentence, 6 words, 6 syllables (every word has one):
    0.39 × 6 + 11.8 × 1 − 15.59 = 2.34 + 11.8 − 15.59 = −1.45, stored as grade 0.0."""
    lines = ["The cat sat on the mat."]
    assert text_statistics(lines) == (1, 6, 6)
    assert flesch_kincaid_grade(lines) == pytest.approx(-1.45)
    assert reading_grade(lines) == Decimal("0.0")


def test_the_platypus_sentence_scores_grade_13():
    """The textbook example: 1 sentence, 13 words, 26 syllables (The 1, Aus-tra-li-an 4,
    plat-y-pus 3, is 1, seem-ing-ly 3, a 1, hy-brid 2, of 1, a 1, mam-mal 2, and 1,
    rep-til-i-an 4, crea-ture 2): 0.39 × 13 + 11.8 × 2 − 15.59 = 5.07 + 23.6 − 15.59 = 13.08."""
    lines = ["The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."]
    assert text_statistics(lines) == (1, 13, 26)
    assert reading_grade(lines) == Decimal("13.1")


def test_a_plain_patient_passage_scores_grade_3():
    """3 sentences, 23 words, 31 syllables.
    "Pain that lasts more than three months is called chron-ic pain." 11 words, 12 syllables;
    "It is com-mon." 3 words, 4; "Gen-tle ex-er-cise helps most peo-ple feel bet-ter o-ver
    time." 9 words, 15. 0.39 × 23/3 + 11.8 × 31/23 − 15.59 = 2.99 + 15.904 − 15.59 = 3.30."""
    lines = [
        "Pain that lasts more than three months is called chronic pain. It is common. "
        "Gentle exercise helps most people feel better over time."
    ]
    assert text_statistics(lines) == (3, 23, 31)
    assert reading_grade(lines) == Decimal("3.3")


def test_a_passage_with_a_long_sentence_scores_grade_7():
    """2 sentences, 33 words, 46 syllables.
    "Med-i-cines called o-pi-oids can some-times make the ner-vous sys-tem more sen-si-tive to
    pain." 13 words, 22 syllables; "If your pain spreads or gets worse while your dose goes up,
    talk to your doc-tor be-fore you change an-y-thing." 20 words, 24 syllables.
    0.39 × 16.5 + 11.8 × 46/33 − 15.59 = 6.435 + 16.448 − 15.59 = 7.29."""
    lines = [
        "Medicines called opioids can sometimes make the nervous system more sensitive to "
        "pain. If your pain spreads or gets worse while your dose goes up, talk to your "
        "doctor before you change anything."
    ]
    assert text_statistics(lines) == (2, 33, 46)
    assert reading_grade(lines) == Decimal("7.3")


@pytest.mark.parametrize(
    "word, count",
    [
        ("pain", 1),
        ("called", 1),
        ("walked", 1),
        ("wanted", 2),
        ("changes", 2),
        ("makes", 1),
        ("table", 2),
        ("handled", 2),
        ("people", 2),
        ("opioid", 3),
        ("opioids", 3),
        ("radio", 3),
        ("video", 3),
        ("nation", 2),
        ("special", 2),
        ("patient", 2),
        ("client", 2),
        ("society", 4),
        ("various", 3),
        ("precious", 2),
        ("medium", 3),
        ("actual", 3),
        ("language", 2),
        ("likely", 2),
        ("careful", 2),
        ("sometimes", 2),
        ("going", 2),
        ("trying", 2),
        ("physician", 3),
        ("medicine", 3),
        ("exercise", 3),
        ("inflammation", 4),
        ("anesthesiology", 7),
        ("fatigue", 2),
        ("criticism", 4),
        ("yes", 1),
        ("beyond", 2),
    ],
)
def test_syllables_of_everyday_and_medical_words(word, count):
    assert syllables(word) == count


def test_tokens_that_are_not_plain_words():
    assert word_syllables("didn't") == 2
    assert word_syllables("don't") == 1
    assert word_syllables("long-lasting") == 3  # one word of 1 + 2 syllables
    assert word_syllables("911") == 3  # "nine one one"


def test_abbreviations_and_decimals_do_not_end_sentences():
    sentences = split_sentences("Dr. Rubin prescribes 2.5 mg, e.g. at night. Ask him why!")
    assert sentences == ["Dr. Rubin prescribes 2.5 mg, e.g. at night.", " Ask him why!"]


def test_headings_and_list_items_count_as_sentences_of_their_own():
    """A heading has no full stop but the reader stops there all the same."""
    lines = html_lines("<h2>What helps</h2><ul><li>Walking</li><li>Sleep &amp; rest</li></ul>")
    assert lines == ["What helps", "Walking", "Sleep & rest"]
    assert text_statistics(lines).sentences == 3


def test_no_text_has_no_grade():
    assert reading_grade([]) is None
    assert reading_grade(["", "   "]) is None


@pytest.mark.django_db
def test_an_article_saves_the_grade_of_its_summary_and_body(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        summary="Pain that lasts more than three months is called chronic pain.",
        body=[
            ("heading", {"text": "It is common", "level": "h2"}),
            (
                "paragraph",
                RichText("<p>Gentle exercise helps most people feel better over time.</p>"),
            ),
        ],
    )
    # The same three sentences as test_a_plain_patient_passage_scores_grade_3; the heading
    # has no full stop and still ends its sentence.
    assert article.reading_grade == Decimal("3.3")
    assert article.reading_grade_verdict == "easy to read"


@pytest.mark.django_db
def test_references_and_image_descriptions_do_not_change_the_grade(article_index):
    body = [("paragraph", RichText("<p>Gentle exercise helps most people feel better.</p>"))]
    plain = ArticlePageFactory(parent=article_index, summary="It is common.", body=body)
    with_references = ArticlePageFactory(
        parent=article_index,
        summary="It is common.",
        body=[*body, references()],
    )
    assert with_references.reading_grade == plain.reading_grade


@pytest.mark.django_db
def test_the_grade_follows_the_text_when_the_article_is_edited(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        summary="It is common.",
        body=[("paragraph", RichText("<p>Walk a little every day.</p>"))],
    )
    easy = article.reading_grade
    article.body = [
        (
            "paragraph",
            RichText(
                "<p>Musculoskeletal inflammation necessitates individualised "
                "pharmacological management incorporating multidisciplinary evaluation.</p>"
            ),
        )
    ]
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.reading_grade > easy + 10
    assert article.reading_grade_verdict == "harder than the target"
