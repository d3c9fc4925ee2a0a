"""Spelling: the vocabulary of words the site uses, per language, and the closest of them to a
word it does not know ("hyperalgesa" -> "hyperalgesia", "ciatca" -> "ciática").

The vocabulary is every word of four letters or more in the titles of live public pages (the
names of conditions, treatments, clinicians and locations are their titles), in the other names
of conditions, in topic names and in the synonym list. On PostgreSQL the closest words come
from pg_trgm's trigram index (the `%` operator, migration 0002); on SQLite from difflib over the
same words, in Python. Both then keep only a candidate close enough by one measure (difflib's
ratio), so the two databases agree on what counts as a confident correction.

Words are compared without their accents (`SpellingTerm.folded`), on both databases: "ciatica"
is the known word "ciática", not a misspelling of it. A correction is offered as the site
writes it, accents and all.
"""

import difflib

from django.conf import settings
from django.db import connection, transaction
from wagtail.models import Locale, Page

from education.models import ConditionPage, Topic

from .models import SpellingTerm, Synonym
from .words import ENGLISH, fold, forms, words_of

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


def vocabulary_sources(language=ENGLISH):
    """Every word the vocabulary of `language` should hold, from the pages, topics and synonyms
    of now, in that language (topics too: "Dolor de espalda" is the Spanish "Back pain")."""
    words = set()
    in_language = {"locale__language_code": language}
    pages = Page.objects.live().public().filter(depth__gt=1, **in_language)
    # The other names a condition goes by ("slipped disc") are names patients type too.
    conditions = ConditionPage.objects.live().public().filter(**in_language)
    texts = [
        *pages.values_list("title", flat=True),
        *conditions.values_list("alternate_names", flat=True),
    ]
    texts += Topic.objects.filter(**in_language).values_list("name", flat=True)
    synonyms = Synonym.objects.filter(language=language)
    texts += [
        f"{lay} {clinical}" for lay, clinical in synonyms.values_list("lay_term", "clinical_terms")
    ]
    for text in texts:
        words |= vocabulary_words(text)
    return words


def rebuild_vocabulary():
    """Make the stored vocabulary of every language match its sources: add what is new, drop
    what is gone. Returns the number of words, all languages together."""
    count = 0
    for language, _name in settings.LANGUAGES:
        wanted = vocabulary_sources(language)
        count += len(wanted)
        with transaction.atomic():
            in_language = SpellingTerm.objects.filter(language=language)
            stored = set(in_language.values_list("term", flat=True))
            in_language.filter(term__in=stored - wanted).delete()
            SpellingTerm.objects.bulk_create(
                [SpellingTerm.of(term, language) for term in sorted(wanted - stored)],
                batch_size=1000,
                ignore_conflicts=True,
            )
    return count


def add_to_vocabulary(text, language=ENGLISH):
    """Add the words of `text` (a title just published, a topic just saved): one query."""
    words = vocabulary_words(text)
    if words:
        SpellingTerm.objects.bulk_create(
            [SpellingTerm.of(term, language) for term in sorted(words)], ignore_conflicts=True
        )


def language_of(page):
    """The language code of `page`'s locale (one query at most)."""
    codes = Locale.objects.filter(pk=page.locale_id).values_list("language_code", flat=True)
    return codes.first() or ENGLISH


def _ratio(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def _best(word, candidates):
    """The candidate most like `word`, if it is alike enough (ties: the shorter, then A-Z).
    `candidates` are (folded, term) pairs; the likeness is measured without accents."""
    folded = fold(word)
    scored = [(_ratio(folded, bare), term) for bare, term in candidates if bare != folded]
    scored = sorted((s for s in scored if s[0] >= CONFIDENT_RATIO), key=_by_likeness)
    return scored[0][1] if scored else None


def _by_likeness(scored):
    ratio, candidate = scored
    return (-ratio, len(candidate), candidate)


def _candidates_postgresql(words, language):
    """{word: [(folded, term) of the closest vocabulary words by trigram similarity]}: one
    query for all, on the accent-free forms."""
    sql = """
        SELECT typed.word, near.folded, near.term
        FROM unnest(%s::text[], %s::text[]) AS typed(word, folded)
        CROSS JOIN LATERAL (
            SELECT folded, term FROM search_spellingterm
            WHERE language = %s AND folded %% typed.folded
            ORDER BY similarity(folded, typed.folded) DESC, term
            LIMIT %s
        ) AS near
    """
    found = {word: [] for word in words}
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(words), [fold(w) for w in words], language, TRIGRAM_CANDIDATES])
        for word, folded, term in cursor.fetchall():
            found[word].append((folded, term))
    return found


def _candidates_python(words, language):
    """{word: [(folded, term) of every vocabulary word]}: one query; difflib picks among them."""
    terms = list(SpellingTerm.objects.filter(language=language).values_list("folded", "term"))
    return dict.fromkeys(words, terms)


def corrections(words, language=ENGLISH):
    """{typed word: correction} for the words of a query the vocabulary of `language` does not
    know, accents aside, and has a confident correction for. At most two queries, whatever the
    query."""
    checked = [w for w in dict.fromkeys(words) if w.isalpha() and MIN_WORD_LENGTH <= len(w) <= 60][
        :MAX_WORDS_CORRECTED
    ]
    if not checked:
        return {}
    folded_forms = {word: {fold(form) for form in forms(word, language)} for word in checked}
    in_language = SpellingTerm.objects.filter(language=language)
    known = set(
        in_language.filter(folded__in=set().union(*folded_forms.values())).values_list(
            "folded", flat=True
        )
    )
    unknown = [word for word in checked if not known.intersection(folded_forms[word])]
    if not unknown:
        return {}
    if connection.vendor == "postgresql":
        candidates = _candidates_postgresql(unknown, language)
    else:
        candidates = _candidates_python(unknown, language)
    fixes = {word: _best(word, candidates[word]) for word in unknown}
    return {word: fix for word, fix in fixes.items() if fix}
