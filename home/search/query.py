"""The search a query becomes: each word in all its forms, and each lay term the editors'
synonyms know (in the query's language), widened to the clinical terms. Built as Wagtail search
query objects, which both database backends (SQLite FTS5, PostgreSQL full-text search)
understand."""

import functools

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from wagtail.search.query import And, Or, PlainText

from .models import Synonym
from .words import ENGLISH, find_lay_terms, forms, meaningful, words_of

SYNONYMS_CACHE_KEY = "search:synonyms:{}"
# Editors change synonyms rarely; signals.py drops the cached copy when they do.
SYNONYMS_CACHE_SECONDS = 60 * 60


def synonyms(language=ENGLISH):
    """{lay term: [clinical terms]} of `language`, from the cache (one query when it is cold)."""
    key = SYNONYMS_CACHE_KEY.format(language)
    mapping = cache.get(key)
    if mapping is None:
        found = Synonym.objects.filter(language=language)
        mapping = {s.lay_term: s.clinical_term_list for s in found}
        cache.set(key, mapping, SYNONYMS_CACHE_SECONDS)
    return mapping


def forget_synonyms(**kwargs):
    cache.delete_many([SYNONYMS_CACHE_KEY.format(code) for code, _name in settings.LANGUAGES])


def _any(queries):
    return queries[0] if len(queries) == 1 else Or(queries)


def _all(queries):
    return queries[0] if len(queries) == 1 else And(queries)


@functools.cache
def database_stems_plurals():
    """True when the database's own full-text search already makes "opioids" match "opioid":
    PostgreSQL with a stemming text search configuration (english, the usual default). Its
    stemmer is better than our rules, and one word costs one ranking, not one per form
    (bench/search_bench.py). Asked once per process."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('opioids pills') @@ to_tsquery('opioid & pill')")
        return bool(cursor.fetchone()[0])


def _word(word, language):
    return _any([PlainText(form) for form in forms(word, language)])


def _phrase(words, language=ENGLISH):
    """All of `words`, each in any of its forms. Where the database stems English plurals
    itself, one plain-text query for them all: PostgreSQL then ranks it once, not once per word.
    Spanish words keep their forms even there: the Spanish stemmer reads "lumbar" as "lumb"
    but "lumbares" as "lumbar", so only both forms find both."""
    if language == ENGLISH and database_stems_plurals():
        return PlainText(" ".join(words))
    return _all([_word(word, language) for word in words])


class SearchQuery:
    """What one typed query searches for, in `language`. `backend_query` goes to Wagtail's
    `.search()`; `terms` are the words to mark in the results; `lay_terms` the synonyms it used.
    Spanish stop words ("de", "la") are left out: they find nothing on their own."""

    def __init__(self, text, mapping=None, language=ENGLISH):
        self.language = language
        self.words = words_of(text)
        mapping = synonyms(language) if mapping is None else mapping
        parts = find_lay_terms(self.words, mapping, language)
        kept = set(meaningful(self.words, language))
        self.lay_terms = [value for kind, value in parts if kind == "lay"]
        clauses, plain, self.terms = [], [], set()
        for kind, value in parts:
            if kind == "word":
                if value in kept:
                    plain.append(value)
                    self.terms.update(forms(value, language))
                continue
            alternatives = [_phrase(meaningful(value.split(), language), language)]
            for clinical in mapping[value]:
                alternatives.append(_phrase(meaningful(clinical.split(), language), language))
                self.terms.update(clinical.split())
            clauses.append(_any(alternatives))
            self.terms.update(value.split())
        if plain:  # the plain words, in the order typed, before the lay terms
            clauses.insert(0, _phrase(plain, language))
        self.backend_query = _all(clauses) if clauses else None

    def __bool__(self):
        return self.backend_query is not None
