"""The search a query becomes: each word in all its forms, and each lay term the editors'
synonyms know, widened to the clinical terms. Built as Wagtail search query objects, which
both database backends (SQLite FTS5, PostgreSQL full-text search) understand."""

import functools

from django.core.cache import cache
from django.db import connection
from wagtail.search.query import And, Or, PlainText

from .models import Synonym
from .words import find_lay_terms, forms, words_of

SYNONYMS_CACHE_KEY = "search:synonyms"
# Editors change synonyms rarely; signals.py drops the cached copy when they do.
SYNONYMS_CACHE_SECONDS = 60 * 60


def synonyms():
    """{lay term: [clinical terms]}, from the cache (one query when it is cold)."""
    mapping = cache.get(SYNONYMS_CACHE_KEY)
    if mapping is None:
        mapping = {s.lay_term: s.clinical_term_list for s in Synonym.objects.all()}
        cache.set(SYNONYMS_CACHE_KEY, mapping, SYNONYMS_CACHE_SECONDS)
    return mapping


def forget_synonyms(**kwargs):
    cache.delete(SYNONYMS_CACHE_KEY)


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


def _word(word):
    return _any([PlainText(form) for form in forms(word)])


def _phrase(words):
    """All of `words`, each in any of its forms. Where the database stems plurals itself, one
    plain-text query for them all: PostgreSQL then ranks it once, not once per word."""
    if database_stems_plurals():
        return PlainText(" ".join(words))
    return _all([_word(word) for word in words])


class SearchQuery:
    """What one typed query searches for. `backend_query` goes to Wagtail's `.search()`;
    `terms` are the words to mark in the results; `lay_terms` the synonyms it used."""

    def __init__(self, text, mapping=None):
        self.words = words_of(text)
        mapping = synonyms() if mapping is None else mapping
        parts = find_lay_terms(self.words, mapping)
        self.lay_terms = [value for kind, value in parts if kind == "lay"]
        clauses, plain, self.terms = [], [], set()
        for kind, value in parts:
            if kind == "word":
                plain.append(value)
                self.terms.update(forms(value))
                continue
            alternatives = [_phrase(value.split())]
            for clinical in mapping[value]:
                alternatives.append(_phrase(clinical.split()))
                self.terms.update(clinical.split())
            clauses.append(_any(alternatives))
            self.terms.update(value.split())
        if plain:  # the plain words, in the order typed, before the lay terms
            clauses.insert(0, _phrase(plain))
        self.backend_query = _all(clauses) if clauses else None

    def __bool__(self):
        return self.backend_query is not None
