"""Wagtail's database search backend, with each page in its own language (settings:
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}).

Why a backend of our own: on PostgreSQL, Wagtail's backend (the `modelsearch` package) takes one
text search configuration for everything (SEARCH_CONFIG), both to index and to search, and keeps
one index row per object, so two backends cannot hold an English and a Spanish reading of the
same table. Here each object is indexed in its own language's configuration (a Spanish page in
`spanish_unaccent`: Spanish stems and stop words, accents ignored; migration search.0004), and a
search in one language reads the query in that language's configuration
(`search_backend("es")`). A search that names no language (the admin's, which lists pages of
every language) reads the query in every configuration at once. Suggestions as you type use
`simple_unaccent` in every language: no stemming, accents ignored.

On SQLite it is Wagtail's own backend unchanged: FTS5 ignores accents already, and has no
stemming to choose.
"""

import copy
from collections import defaultdict
from functools import reduce
from operator import or_

from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale
from wagtail.search.query import Fuzzy, MatchAll, Not

# Languages indexed in a configuration of their own; any other in the backend's SEARCH_CONFIG,
# or when none is set, english. Always named, never left to the database's default: PostgreSQL
# works out to_tsquery('english', ...) once per query, but the one-argument to_tsquery(...)
# depends on a setting, so it is parsed again for every row ranked (bench/search_bench.py:
# a third of the ranking query's time for "pain pills" at 10,000 articles).
CONFIGURATIONS = {"es": "spanish_unaccent"}
DEFAULT_CONFIGURATION = "english"
AUTOCOMPLETE_CONFIGURATION = "simple_unaccent"


def search_backend(language=None):
    """The backend to search pages of `language` with (None: every language)."""
    return get_search_backend("default", LANGUAGE=language)


class EveryConfiguration:
    """Compiler mixin: when the backend's configuration is a tuple (a search in no particular
    language), the query is read in each of them, and a page matches by any reading."""

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        readings = [super(EveryConfiguration, self).build_tsquery(query, config=c) for c in config]
        readings = [reading for reading in readings if reading is not None]
        return reduce(or_, readings) if readings else None


class MatchWithoutSelectingTheVector:
    """Compiler mixin: match the page's index vector (title || body) in the WHERE clause only.
    Wagtail's compiler annotates the query set with it, so PostgreSQL also concatenates the two
    vectors in the SELECT list for every match before sorting (4,303 matches for "pain pills" at
    10,000 articles), and nothing reads the result. `alias()` filters on the same expression
    without selecting it (bench/search_bench.py: the ranking query about 15 % quicker)."""

    def search(self, config, start, stop, score_field=None, backend=None):
        query = self.query
        if isinstance(query, (MatchAll, Fuzzy)) or (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        ):
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank = self._build_rank_expression(vectors, config)
        combined = reduce(
            lambda left, right: left._combine(right, "||", False), [v for v, _ in vectors]
        )
        matches = self.queryset.alias(_vector_=combined).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(matches, rank, start, stop, score_field)


class QueryCompiler(
    MatchWithoutSelectingTheVector, EveryConfiguration, PostgresSearchQueryCompiler
):
    pass


class AutocompleteQueryCompiler(EveryConfiguration, PostgresAutocompleteQueryCompiler):
    pass


class LanguageIndex(PostgresIndex):
    """Indexes each object in its language's configuration: a batch is split by language, and
    each part indexed by Wagtail's own code with that configuration."""

    def add_items(self, model, objs):
        translatable = any(field.name == "locale" for field in model._meta.get_fields())
        languages = dict(Locale.objects.values_list("pk", "language_code")) if translatable else {}
        by_configuration = defaultdict(list)
        for obj in objs:
            language = languages.get(getattr(obj, "locale_id", None))
            by_configuration[self.backend.configuration_for(language)].append(obj)
        for configuration, group in by_configuration.items():
            PostgresIndex(self.backend.indexing_in(configuration)).add_items(model, group)


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = QueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.default_configuration = self.config or DEFAULT_CONFIGURATION
        self.autocomplete_config = AUTOCOMPLETE_CONFIGURATION
        language = params.get("LANGUAGE")
        if language:
            self.config = self.configuration_for(language)
        else:
            self.config = (self.default_configuration, *sorted(set(CONFIGURATIONS.values())))

    def configuration_for(self, language):
        return CONFIGURATIONS.get(language, self.default_configuration)

    def indexing_in(self, configuration):
        """This backend, writing index rows in `configuration`."""
        backend = copy.copy(self)
        backend.config = configuration
        return backend


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for in a backend module)
    params = dict(params)
    if connection.vendor == "postgresql":
        return MultilingualPostgresSearchBackend(params)
    params.pop("LANGUAGE", None)
    return DatabaseSearchBackend(params)
