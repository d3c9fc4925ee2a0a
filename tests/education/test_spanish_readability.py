"""Readability of Spanish pages: Fernández Huerta's reading ease with Spanish syllables,
checked against passages counted by hand.

ease = 206.84 − 60 × syllables/words − 1.02 × words/sentences (higher is easier)
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from education.readability import text_statistics
from education.spanish_readability import (
    SPANISH_ABBREVIATIONS,
    fernandez_huerta,
    reading_ease,
    reading_ease_verdict,
    spanish_syllables,
    spanish_word_syllables,
)
from tests.factories import ArticlePageFactory
from tests.helpers import translate

PLAIN = (
    "El dolor de espalda es muy común. Casi siempre mejora en pocas semanas. Camine un poco "
    "cada día y descanse bien."
)
CLINICAL = (
    "El tratamiento prolongado con opioides puede producir una sensibilidad aumentada al "
    "dolor, que los especialistas denominan hiperalgesia. Esta complicación requiere una "
    "evaluación cuidadosa de la medicación."
)


def spanish_statistics(text):
    return text_statistics([text], spanish_word_syllables, SPANISH_ABBREVIATIONS)


@pytest.mark.parametrize(
    "word, count",
    [
        ("dolor", 2),
        ("espalda", 3),
        ("siempre", 2),  # siem-pre: ie is a diphthong
        ("ciática", 3),  # ciá-ti-ca
        ("cuidado", 3),  # cui-da-do: two weak vowels, one syllable
        ("día", 2),  # dí-a: the accent splits the pair
        ("reír", 2),
        ("país", 2),
        ("leer", 2),  # two strong vowels are said apart
        ("poeta", 3),
        ("aéreo", 4),
        ("continúa", 4),
        ("opioides", 3),  # o-pioi-des: a triphthong
        ("buey", 1),  # a final y is a vowel
        ("hoy", 1),
        ("y", 1),
        ("ayuda", 3),  # a y before a vowel is a consonant
        ("que", 1),  # the u of que, gui is silent
        ("guerra", 2),
        ("pingüino", 3),  # ...but not of güi
        ("ahí", 2),
        ("inflamación", 4),
        ("radiculopatía", 7),
        ("MÉDICO", 3),
    ],
)
def test_spanish_syllables(word, count):
    assert spanish_syllables(word) == count


def test_a_plain_spanish_passage_is_easy_to_read():
    """3 sentences, 21 words, 39 syllables. "El do-lor de es-pal-da es muy co-mún." 7 words,
    11; "Ca-si siem-pre me-jo-ra en po-cas se-ma-nas." 6 words, 13; "Ca-mi-ne un po-co ca-da
    dí-a y des-can-se bien." 8 words, 15.
    206.84 − 60 × 39/21 − 1.02 × 21/3 = 206.84 − 111.43 − 7.14 = 88.27 ("fácil")."""
    assert spanish_statistics(PLAIN) == (3, 21, 39)
    assert fernandez_huerta([PLAIN]) == pytest.approx(88.27, abs=0.01)
    assert reading_ease([PLAIN]) == Decimal("88.3")


def test_a_clinical_spanish_passage_is_very_hard_to_read():
    """2 sentences, 26 words, 73 syllables ("tra-ta-mien-to", "es-pe-cia-lis-tas",
    "hi-pe-ral-ge-sia", "e-va-lua-ción", ...).
    206.84 − 60 × 73/26 − 1.02 × 26/2 = 206.84 − 168.46 − 13.26 = 25.12 ("muy difícil")."""
    assert spanish_statistics(CLINICAL) == (2, 26, 73)
    assert reading_ease([CLINICAL]) == Decimal("25.1")
    assert reading_ease([CLINICAL]) < reading_ease([PLAIN])


def test_longer_sentences_lower_the_score():
    """The formula as Fernández Huerta meant it: the same words in fewer sentences are harder."""
    short = "Tome agua. Camine un poco. Duerma bien."
    long = "Tome agua, camine un poco, duerma bien."
    assert fernandez_huerta([long]) < fernandez_huerta([short])


def test_spanish_abbreviations_do_not_end_a_sentence():
    lines = ["La Dra. Reyes atiende los lunes, p. ej. por la mañana. Llame antes."]
    assert spanish_statistics(lines[0]).sentences == 2


@pytest.mark.parametrize(
    "ease, verdict",
    [
        (Decimal("88.3"), "easy to read"),
        (Decimal("80.0"), "on target"),
        (Decimal("65.0"), "on target"),
        (Decimal("60.0"), "on target"),
        (Decimal("25.1"), "harder than the target"),
        (None, "not worked out yet: save the page"),
    ],
)
def test_the_verdict_uses_the_spanish_band(ease, verdict):
    assert reading_ease_verdict(ease) == verdict


def test_no_words_no_score():
    assert reading_ease([]) is None
    assert reading_ease(["", "  "]) is None


# --- Spanish pages ---


def body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.mark.django_db
def test_a_spanish_article_is_scored_with_the_spanish_formula(article, spanish_article_index):
    spanish = translate(article, summary="Lo que debe saber.", body=body(PLAIN))
    spanish.refresh_from_db()
    assert spanish.reading_grade is None
    assert spanish.reading_ease is not None and spanish.reading_ease > 80
    english = ArticlePageFactory(parent=article.get_parent(), title="Opioid-induced hyperalgesia")
    hard = translate(english, publish=False, summary=CLINICAL, body=body(CLINICAL))
    hard.refresh_from_db()
    assert hard.reading_ease < 40
    assert hard.reading_ease_verdict == "harder than the target"
    # English pages keep their grade.
    assert article.reading_grade is not None and article.reading_ease is None


@pytest.mark.django_db
def test_the_readability_panel_speaks_of_reading_ease_on_spanish_pages(
    admin_client, article, spanish_article_index
):
    spanish = translate(article, body=body(PLAIN))
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))
    text = html.content.decode()
    assert "Reading ease (Fernández Huerta)" in text
    assert f"{spanish.reading_ease} out of 100" in text
    assert "“bastante fácil”" in text
    english = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert "6th to 8th grade level (Flesch–Kincaid" in english.content.decode()


@pytest.mark.django_db
def test_a_spanish_condition_is_scored_with_the_spanish_formula(
    sciatica, condition_index, spanish_home
):
    translate(condition_index, title="Afecciones")
    spanish = translate(
        sciatica,
        summary=PLAIN,
        overview="<p>Una causa común de dolor que suele mejorar con el tiempo.</p>",
        causes=f"<p>{PLAIN}</p>",
        urgent_help="<p>Llame al 911 si no puede controlar la vejiga.</p>",
    )
    spanish.refresh_from_db()
    assert spanish.reading_grade is None
    assert spanish.reading_ease > 60
