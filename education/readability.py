"""How hard an article is to read, as a school grade (Flesch–Kincaid grade level).

Why Flesch–Kincaid and not SMOG or another formula:
- It is the measure most patient-education guidance and health-literacy checklists quote
  (aim for grade 6 to 8), and the one built into word processors, so editors can check a
  draft anywhere and get the number the site shows.
- It is defined for any length of text. SMOG is validated only on samples of 30 sentences;
  many of our articles are shorter than that, and extrapolating SMOG from fewer sentences is
  exactly what its author warns against.
- It uses average sentence length and average syllables per word, the two things an editor
  can actually change ("split the sentence", "say 'pain medicine', not 'analgesic'").

    grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59

The text is what a patient reads: the summary and the body's prose (headings, paragraphs,
list items, callouts, quotes, captions, transcripts), never the references, whose titles are
written for clinicians, and never names, addresses or image descriptions.
"""

import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import NamedTuple

from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing

# --- Text: HTML to the units a reader sees as separate lines ---

# Elements that end a line of text. A heading or list item without a full stop still ends a
# "sentence" for the reader, so each line is counted at least as one.
BLOCK_ELEMENTS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "div",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "br",
}


class _LineCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = [[]]

    def _break(self):
        if self.lines[-1]:
            self.lines.append([])

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_ELEMENTS:
            self._break()

    def handle_endtag(self, tag):
        if tag in BLOCK_ELEMENTS:
            self._break()

    def handle_data(self, data):
        self.lines[-1].append(data)


def html_lines(html):
    """The text of an HTML fragment, one string per paragraph, heading or list item."""
    collector = _LineCollector()
    collector.feed(html or "")
    collector.close()
    lines = (" ".join("".join(parts).split()) for parts in collector.lines)
    return [line for line in lines if line]


def text_lines(text):
    """Plain text split at line breaks (summaries and quotes are typed as plain text)."""
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


# Struct block fields that are not prose a patient reads as text: names, durations, image
# descriptions (read out by screen readers, but written as labels, not sentences).
NOT_PROSE = {"attribution", "alt_text", "duration", "title_attribute"}


def prose_lines(block, value):
    """The lines of text a patient reads in one StreamField value, whatever its block type:
    rich text and plain text blocks, recursively through structs, lists and streams. Choices,
    links, numbers and images are not text."""
    if isinstance(block, blocks.RichTextBlock):
        return html_lines(value.source if value is not None else "")
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return text_lines(value)
    lines = []
    if isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            if name not in NOT_PROSE:
                lines += prose_lines(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value or []:
            lines += prose_lines(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value or []:
            lines += prose_lines(child.block, child.value)
    return lines


# --- Sentences and words ---

# Full stops that do not end a sentence: titles, Latin abbreviations, initials.
ABBREVIATIONS = {
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "st",
    "vs",
    "etc",
    "eg",
    "ie",
    "e.g",
    "i.e",
    "approx",
    "no",
    "fig",
    "jr",
    "sr",
    "mt",
    "inc",
    "u.s",
}
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
# A word: letters or digits, kept whole across an apostrophe ("don't"), a hyphen
# ("long-lasting") or a decimal point ("2.5").
WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


def split_sentences(line, abbreviations=ABBREVIATIONS):
    """Sentences in one line of text. The end of the line always ends a sentence."""
    sentences, start = [], 0
    for match in SENTENCE_END.finditer(line):
        before = line[start : match.start()].split()
        last_word = before[-1].lower().rstrip(".") if before else ""
        single_full_stop = match.group().rstrip("\"'”’)]") == "."
        abbreviation = last_word in abbreviations or (len(last_word) == 1 and last_word.isalpha())
        if single_full_stop and abbreviation:
            continue  # "Dr. Rubin", "e.g. walking", "J. Smith"
        sentences.append(line[start : match.end()])
        start = match.end()
    rest = line[start:]
    if WORD.search(rest):
        sentences.append(rest)
    return [sentence for sentence in sentences if WORD.search(sentence)]


def words_in(text):
    """Words; a hyphenated compound ('long-lasting') is one word, as word processors count."""
    return WORD.findall(text)


# --- Syllables ---

# Words the rules below get wrong that health texts use. Counts follow the usual American
# pronunciation (the CMU Pronouncing Dictionary where it gives one reading).
SYLLABLE_EXCEPTIONS = {
    "area": 3,
    "areas": 3,
    "create": 2,
    "created": 3,
    "creates": 2,
    "element": 3,
    "elements": 3,
    "everyone": 3,
    "fire": 1,
    "heroin": 3,
    "hour": 1,
    "hours": 1,
    "idea": 3,
    "ideas": 3,
    "iron": 2,
    "lion": 2,
    "maybe": 2,
    "people": 2,
    "react": 2,
    "reuse": 2,
    "science": 2,
    "there": 1,
    "were": 1,
    "where": 1,
    "here": 1,
    "one": 1,
    "once": 1,
    "whose": 1,
    "whole": 1,
    "wednesday": 2,
    "your": 1,
    "yours": 1,
}

VOWEL_GROUP = re.compile(r"[aeiouy]+")
# -es after anything but a hissing sound (s, x, z, ch, sh, soft c or g) and -ed after anything
# but t or d are not syllables of their own.
SILENT_ES_OR_ED = re.compile(r"(?<![sxzcgh])es$|(?<![td])ed$")
# The silent e of "like", "care", "some" inside a longer word: "like-ly", "care-ful",
# "some-times", "life-time".
INNER_SILENT_E = re.compile(
    r"(?<=[aeiouy][^aeiouy])e(?=(?:ly|ful|fully|ness|ment|ments|less|some|times?|things?"
    r"|one|where|work|ways?|day|days)$)"
)
# Vowel pairs said as two syllables: "vi-de-o", "o-pi-oid", "ac-tu-al", "cli-ent", "be-yond".
SPLIT_PAIRS = re.compile(r"ia|io|iu|eo|ua|uo|yo|ie(?=rs?$|st$|t|n[ct])")
# ...except where the pair is one sound: "na-tion", "spe-cial", "pa-tient", "lan-guage",
# "e-qual", "mil-lion", "gor-geous".
ONE_SOUND_PAIRS = re.compile(r"[cgstx]i(?:on|an|al|ou|en|a)|[ln]ion|[gq]u[aeio]|[cg]eou")


def syllables(word):
    """Syllables in an English word, by spelling rules and a short list of exceptions.

    The rules: a silent e inside a compound or before a suffix ("care-ful") and at the end
    ("make") is dropped, as are -es after anything but a hissing sound ("makes", not
    "boxes") and -ed after anything but t or d ("walked", not "wanted"). Then every group
    of vowels is a syllable (y is a vowel except at the start of a word), plus one for each
    vowel pair said apart ("o-pi-oid", "ra-di-o") unless it is one sound ("-tion",
    "-cial", "-tient"), plus one for "-le" after a consonant ("ta-ble", "han-dled"), a vowel
    before "-ing" ("go-ing", "say-ing"), "-ism" ("crit-i-cism") and "-n't" after d, s or l
    ("did-n't"). Every word has at least one syllable.
    """
    word = word.lower().replace("’", "'")
    negative = bool(re.search(r"[dsl]n't$", word))
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return 0
    if word in SYLLABLE_EXCEPTIONS:
        return SYLLABLE_EXCEPTIONS[word]
    if len(word) <= 3:
        return 1

    extra = int(negative)
    stem = INNER_SILENT_E.sub("", word)
    if re.search(r"[^aeiouylrw]l(?:e|es|ed)$", stem):
        stem = re.sub(r"l(?:e|es|ed)$", "", stem)  # "ta-ble", "han-dled": -le is a syllable
        extra += 1
    elif re.search(r"[gq]ues?$", stem):
        stem = re.sub(r"ues?$", "", stem)  # "fa-tigue", "tech-nique"
    elif re.search(SILENT_ES_OR_ED, stem):
        stem = stem[:-2]  # "makes", "walked"; not "boxes", "wanted"
    elif stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")):
        stem = stem[:-1]

    if re.search(r"[aeiouy]ing$", stem):
        extra += 1
    if re.search(r"isms?$", stem):
        extra += 1
    if stem.startswith("y"):
        stem = "_" + stem[1:]  # "yes", "young": y as a consonant
    count = len(VOWEL_GROUP.findall(stem))
    for match in SPLIT_PAIRS.finditer(stem):
        if not ONE_SOUND_PAIRS.match(stem, max(0, match.start() - 1)):
            count += 1
    return max(1, count + extra)


def word_syllables(word):
    """Syllables in a token: hyphenated parts added up, and a number read digit by digit
    ('911' is 'nine one one'; long numbers count as four)."""
    digits = re.sub(r"[.,]", "", word)
    if digits.isdigit():
        return min(len(digits), 4)
    return sum(syllables(part) for part in re.split(r"[-‐]", word) if part) or 1


# --- The grade ---


class TextStatistics(NamedTuple):
    sentences: int
    words: int
    syllables: int

    @property
    def grade(self):
        """Flesch–Kincaid grade level, or None for a text with no words."""
        if not self.words:
            return None
        return 0.39 * (self.words / self.sentences) + 11.8 * (self.syllables / self.words) - 15.59


def text_statistics(lines, count_syllables=None, abbreviations=ABBREVIATIONS):
    """Sentence, word and syllable counts over lines of plain text; English unless given
    another language's syllable counter and abbreviations (spanish_readability.py)."""
    count_syllables = count_syllables or word_syllables
    sentence_count = word_count = syllable_count = 0
    for line in lines:
        for sentence in split_sentences(line, abbreviations):
            words = words_in(sentence)
            if not words:
                continue
            sentence_count += 1
            word_count += len(words)
            syllable_count += sum(count_syllables(word) for word in words)
    return TextStatistics(sentence_count, word_count, syllable_count)


def flesch_kincaid_grade(lines):
    """The grade of lines of plain text, unrounded (it can be below zero for very easy text)."""
    return text_statistics(lines).grade


def reading_grade(lines):
    """The grade to store and show: one decimal place, never below zero ("The cat sat on
    the mat." scores -1.5: easier than any school grade), None when there is no text."""
    grade = flesch_kincaid_grade(lines)
    if grade is None:
        return None
    return min(max(Decimal(str(round(grade, 1))), Decimal("0.0")), Decimal("999.9"))


# --- An article as a whole ---


def readable_text(block, value):
    """Every text a reader can see in a block's value (image descriptions included), as a
    list of strings: what the word count and reading time are worked out from."""
    if value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [get_text_for_indexing(value.source)]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [value]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in readable_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in readable_text(block.child_block, item)]
    return []


def word_count(summary, body_blocks):
    """Words a reader reads: the summary and the blocks' text, not the labels of choices
    (such as a heading's level)."""
    texts = [summary]
    for block in body_blocks:
        texts.extend(readable_text(block.block, block.value))
    return sum(len(str(text).split()) for text in texts)


def article_prose_lines(summary, body_blocks):
    """What a patient reads, line by line: the summary, then the blocks' prose."""
    lines = text_lines(summary)
    for block in body_blocks:
        lines += prose_lines(block.block, block.value)
    return lines


def reading_grade_verdict(grade, target):
    """How a reading grade compares with the `target` (low, high) band, in a few words."""
    if grade is None:
        return "not worked out yet: save the article"
    low, high = target
    if grade <= high:
        return "on target" if grade >= low else "easy to read"
    return "harder than the target"
