"""Spelling: the vocabulary of words the site uses, and the closest of them to a word it
does not know ("hyperalgesa" -> "hyperalgesia").

The vocabulary is every word of four letters or more in the titles of live public pages (the
names of conditions, treatments, clinicians and locations are their titles), in the other names
of conditions, in topic names and in the synonym list. On PostgreSQL the closest words come
from pg_trgm's trigram index (the `%` operator, migration 0002); on SQLite from difflib over the
same words, in Python. Both then keep only a candidate close enough by one measure (difflib's
ratio), so the two databases agree on what counts as a confident correction.
"""

import difflib

from django.db import connection, transaction
from wagtail.models import Page

from education.models import ConditionPage, Topic

from .models import SpellingTerm, Synonym
from .words import forms, words_of

MIN_WORD_LENGTH = 4
MAX_WORD_LENGTH = SpellingTerm._meta.get_field("term").max_length
# How alike a correction must be (difflib's ratio, 0-1): "siatica"/"sciatica" is 0.93,
# "pian"/"pain" 0.75 (not offered: too short to be sure).
CONFIDENT_RATIO = 0.8
# At most this many words of one query are looked up: the rest are kept as typed.
MAX_WORDS_CORRECTED = 6
# PostgreSQL: candidates fetched per word by trigram similarity, before the ratio decides.
TRIGRAM_CANDIDATES = 5


def vocabulary_words(text):
    return {
        word
        for word in words_of(text)
        if word.isalpha() and MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH
    }


def vocabulary_sources():
    """Every word the vocabulary should hold, from the pages, topics and synonyms of now."""
    words = set()
    titles = Page.objects.live().public().filter(depth__gt=1).values_list("title", flat=True)
    # The other names a condition goes by ("slipped disc") are names patients type too.
    other_names = ConditionPage.objects.live().public().values_list("alternate_names", flat=True)
    for text in [*titles, *other_names, *Topic.objects.values_list("name", flat=True)]:
        words |= vocabulary_words(text)
    for lay_term, clinical_terms in Synonym.objects.values_list("lay_term", "clinical_terms"):
        words |= vocabulary_words(f"{lay_term} {clinical_terms}")
    return words


def rebuild_vocabulary():
    """Make the stored vocabulary match its sources: add what is new, drop what is gone."""
    wanted = vocabulary_sources()
    with transaction.atomic():
        stored = set(SpellingTerm.objects.values_list("term", flat=True))
        SpellingTerm.objects.filter(term__in=stored - wanted).delete()
        SpellingTerm.objects.bulk_create(
            [SpellingTerm(term=term) for term in sorted(wanted - stored)],
            batch_size=1000,
            ignore_conflicts=True,
        )
    return len(wanted)


def add_to_vocabulary(text):
    """Add the words of `text` (a title just published, a topic just saved): one query."""
    words = vocabulary_words(text)
    if words:
        SpellingTerm.objects.bulk_create(
            [SpellingTerm(term=term) for term in sorted(words)], ignore_conflicts=True
        )


def _ratio(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def _best(word, candidates):
    """The candidate most like `word`, if it is alike enough (ties: the shorter, then A-Z)."""
    scored = [(_ratio(word, c), c) for c in candidates if c != word]
    scored = sorted((s for s in scored if s[0] >= CONFIDENT_RATIO), key=_by_likeness)
    return scored[0][1] if scored else None


def _by_likeness(scored):
    ratio, candidate = scored
    return (-ratio, len(candidate), candidate)


def _candidates_postgresql(words):
    """{word: [the closest vocabulary words by trigram similarity]}: one query for all."""
    sql = """
        SELECT typed.word, near.term
        FROM unnest(%s::text[]) AS typed(word)
        CROSS JOIN LATERAL (
            SELECT term FROM search_spellingterm
            WHERE term %% typed.word
            ORDER BY similarity(term, typed.word) DESC, term
            LIMIT %s
        ) AS near
    """
    found = {word: [] for word in words}
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(words), TRIGRAM_CANDIDATES])
        for word, term in cursor.fetchall():
            found[word].append(term)
    return found


def _candidates_python(words):
    """{word: [every vocabulary word]}: one query; difflib picks among them."""
    terms = list(SpellingTerm.objects.values_list("term", flat=True))
    return dict.fromkeys(words, terms)


def corrections(words):
    """{typed word: correction} for the words of a query the vocabulary does not know and has
    a confident correction for. At most two queries, whatever the query."""
    checked = [w for w in dict.fromkeys(words) if w.isalpha() and MIN_WORD_LENGTH <= len(w) <= 60][
        :MAX_WORDS_CORRECTED
    ]
    if not checked:
        return {}
    all_forms = {form for word in checked for form in forms(word)}
    known = set(SpellingTerm.objects.filter(term__in=all_forms).values_list("term", flat=True))
    unknown = [word for word in checked if not known.intersection(forms(word))]
    if not unknown:
        return {}
    if connection.vendor == "postgresql":
        candidates = _candidates_postgresql(unknown)
    else:
        candidates = _candidates_python(unknown)
    fixes = {word: _best(word, candidates[word]) for word in unknown}
    return {word: fix for word, fix in fixes.items() if fix}
