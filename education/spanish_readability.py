"""How hard a Spanish page is to read: Fernández Huerta's reading ease (lecturabilidad).

Why Fernández Huerta: it is Flesch's reading ease adapted to Spanish (1959), the formula most
Spanish readability checkers and Latin American plain-language guides quote, and its bands
line up with school grades as Flesch's do, so the target matches the English one (6th to 8th
grade): a score of 60 ("normal") to 80 ("bastante fácil"). Higher is easier.

    ease = 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences)

It is often printed as 206.84 − 0.60·P − 1.02·F with P the syllables and F the sentences in
100 words. The first term is the same thing; the second, read that way, would make a text
with shorter sentences harder, the opposite of Flesch's and of Fernández Huerta's intent. As
G. Law pointed out (LINGUIST List 22.2332, 2011), F is the mean number of words per sentence,
which is what is used here.

Syllables are counted by Spanish spelling: each group of vowels is one syllable (a diphthong
"ue", "ia", "ui", a triphthong "uey"), except that two strong vowels (a, e, o) are said apart
("le-er", "po-e-ta"), and so is a weak vowel (i, u) that carries an accent ("dí-a", "ba-úl",
"re-ír"). The u of "que", "qui", "gue", "gui" is silent; "güe" and "güi" keep it. A final y,
or a y before a consonant, is the vowel i ("hoy", "muy", "y").
"""

import re
from decimal import Decimal

from .readability import ABBREVIATIONS, text_statistics

# A Spanish page should read as "normal" to "bastante fácil" (7th-8th to 6th grade).
TARGET_READING_EASE = (60, 80)

# Full stops that do not end a Spanish sentence: "Dra. Reyes", "p. ej. caminar", "Ud.".
SPANISH_ABBREVIATIONS = ABBREVIATIONS | {
    "dra",
    "sra",
    "srta",
    "ud",
    "uds",
    "ej",
    "aprox",
    "núm",
    "pág",
    "tel",
    "av",
    "lic",
    "ing",
    "ee.uu",
}

STRONG = set("aeoáéóíú")  # an accented i or u is said apart from its neighbour, as a, e, o are
WEAK = set("iuü")
VOWELS = STRONG | WEAK
SILENT_U = re.compile(r"(?<=[qg])u(?=[eéií])")
# y as a vowel: at the end of a word or before a consonant.
VOWEL_Y = re.compile(r"y(?![aeiouáéíóúü])")


def spanish_syllables(word):
    """Syllables in a Spanish word, by the spelling rules above; at least one."""
    word = re.sub(r"[^a-záéíóúüñy]", "", word.lower())
    if not word:
        return 0
    word = VOWEL_Y.sub("i", SILENT_U.sub("", word))
    count, previous = 0, None
    for letter in word:
        if letter not in VOWELS:
            previous = None
            continue
        said_apart = previous is not None and (
            (previous in STRONG and letter in STRONG) or previous == letter
        )
        if previous is None or said_apart:
            count += 1
        previous = letter
    return max(1, count)


def spanish_word_syllables(token):
    """Syllables in a token: hyphenated parts added up; a number counts as its digits (at
    most four), as for English."""
    digits = re.sub(r"[.,]", "", token)
    if digits.isdigit():
        return min(len(digits), 4)
    return sum(spanish_syllables(part) for part in re.split(r"[-‐]", token) if part) or 1


def fernandez_huerta(lines):
    """The reading ease of lines of Spanish text, unrounded, or None when there are no words."""
    stats = text_statistics(lines, spanish_word_syllables, SPANISH_ABBREVIATIONS)
    if not stats.words:
        return None
    return 206.84 - 60 * (stats.syllables / stats.words) - 1.02 * (stats.words / stats.sentences)


def reading_ease(lines):
    """The score to store and show: one decimal place, within 0 to 100 (a handful of
    one-syllable words can score above 100, a legal paragraph below 0), None without text."""
    ease = fernandez_huerta(lines)
    if ease is None:
        return None
    return min(max(Decimal(str(round(ease, 1))), Decimal("0.0")), Decimal("100.0"))


def reading_ease_verdict(ease, target=TARGET_READING_EASE):
    """How a reading ease compares with the `target` (low, high) band, in a few words."""
    if ease is None:
        return "not worked out yet: save the page"
    low, high = target
    if ease >= low:
        return "on target" if ease <= high else "easy to read"
    return "harder than the target"


def is_spanish(language_code):
    return (language_code or "").lower().split("-")[0] == "es"
