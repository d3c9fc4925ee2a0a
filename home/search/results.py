"""Which pages a search finds, in which order, and what each result shows.

Wagtail's database backend searches with SQLite's FTS5 on SQLite and PostgreSQL full-text
search on PostgreSQL, each page in its own language (backend.py). A search finds pages of its
own language only. Pages whose title matches come first (see ranked_results), then the rest by
relevance. Results are never cached: they differ per query and change with any publish.
"""

import re
from contextlib import contextmanager
from functools import cache

from django.db import connection, transaction
from django.db.models import Count, Window
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, Site, get_page_models

from home.models import HomePage
from pages.models import NewPatientsPage, StandardPage
from practice.pages import BasePage, IndexPage

from .backend import search_backend
from .words import ENGLISH, fold, phrasings

# At most this many title matches are lifted above the rest; any more keep their relevance order.
TITLE_TIER_LIMIT = 500
# A result's summary is one line on a phone, more or less.
SUMMARY_CHARACTERS = 200
# What a result says it is, where the model's own name would puzzle a patient.
TYPE_LABELS = {StandardPage: _("Page"), NewPatientsPage: _("Page")}


@cache
def searchable_models():
    """Every page type with content of its own: not the home page or a section's index."""
    return tuple(
        model
        for model in get_page_models()
        if issubclass(model, BasePage) and not issubclass(model, (IndexPage, HomePage))
    )


def type_label(model):
    """ "Article", "Clinician", "Condition", ...: the page type's name, as a patient reads it."""
    return str(TYPE_LABELS.get(model) or capfirst(model._meta.verbose_name))


def highlight(text, terms):
    """`text`, HTML-escaped, with every word that starts with one of `terms` in <mark>, accents
    aside ("ciatica" marks "Ciática")."""
    terms = sorted({fold(t.lower()) for t in terms if len(t) > 1}, key=len, reverse=True)
    if not terms or not text:
        return escape(text or "")
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\w*", re.IGNORECASE)
    folded = fold(text)
    if len(folded) != len(text):  # a letter that folds into two: mark nothing rather than wrong
        return escape(text)
    pieces, last = [], 0
    for match in pattern.finditer(folded):
        word = text[match.start() : match.end()]
        pieces += [escape(text[last : match.start()]), format_html("<mark>{}</mark>", word)]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def searchable_pages(request, language=ENGLISH):
    """Live, public pages of the searchable types in `language`, on the site asked for."""
    # Wagtail's own public(): the search backend takes only plain filters, not a subquery.
    pages = Page.objects.live().public().type(*searchable_models())
    site = Site.find_for_request(request)
    if site is None:
        return pages.filter(locale=Locale.objects.filter(language_code=language).first())
    # The site's home page in that language (a translation sits beside it, not under it), and
    # its locale, in one query.
    site_roots = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    root = (
        Page.objects.filter(translation_key__in=site_roots, locale__language_code=language)
        .values("path", "locale_id")
        .first()
    )
    if root is None:
        return pages.none()
    return pages.filter(locale_id=root["locale_id"], path__startswith=root["path"])


class TitleMatchesFirst:
    """Search results in two tiers: pages whose title matches the query (best first), then every
    other match by relevance. A title boost alone does not promise that: on SQLite, Wagtail's
    database backend scores the whole page with one BM25 value, whatever field matched.

    Behaves as a sequence for Django's Paginator: `count()` and slicing, each slice loading
    only the pages it shows.
    """

    def __init__(self, pages, query, backend):
        self.pages = pages
        title_matches = backend.search(query, pages.only("pk"), fields=["title"])
        self.title_ids = [page.pk for page in title_matches[:TITLE_TIER_LIMIT]]
        self.others = backend.search(query, self._specific(pages.exclude(pk__in=self.title_ids)))

    @staticmethod
    def _specific(pages):
        return pages.specific().defer_streamfields()

    def count(self):
        if not hasattr(self, "_count"):
            self._count = len(self.title_ids) + self.others.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        tier = len(self.title_ids)
        results = []
        if start < tier:
            ids = self.title_ids[start : min(stop, tier)]
            by_pk = {page.pk: page for page in self._specific(self.pages.filter(pk__in=ids))}
            results += [by_pk[pk] for pk in ids if pk in by_pk]
        if stop > tier:
            results += list(self.others[max(start - tier, 0) : stop - tier])
        return results


class CountedWithTheirPage:
    """PostgreSQL's ranked results as a sequence for Django's Paginator, counted by the query that
    fetches the page shown: each row carries the number of all matches (COUNT(*) OVER ()), so
    the matches are read once, not once to count and again to rank (bench/search_bench.py).
    `wanted` is the slice the paginator will ask for; counting takes a query of its own only
    when that slice is empty past the first page (a page number past the end)."""

    def __init__(self, matches, wanted):
        self.matches = matches
        self.wanted = wanted
        self._fetched = (0, 0, None)  # start, stop, rows: the last slice read

    def _rows(self, start, stop):
        """Rows start to stop; the paginator's slice of the last page (shorter than the one
        counted with) is cut from the rows already read."""
        fetched_start, fetched_stop, rows = self._fetched
        if rows is None or start != fetched_start or stop > fetched_stop:
            counted = self.matches.annotate(matches_in_all=Window(Count("pk")))
            rows = list(counted[start:stop])
            self._fetched = (start, stop, rows)
        return rows[: stop - start]

    def count(self):
        if not hasattr(self, "_count"):
            start, stop = self.wanted
            rows = self._rows(start, stop)
            if rows:
                self._count = rows[0].matches_in_all
            else:
                self._count = 0 if start == 0 else self.matches.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        start = key.start or 0
        return self._rows(start, key.stop if key.stop is not None else self.count())


def wanted_slice(page_number, per_page):
    """The results Django's Paginator.get_page(page_number) will show, if that page exists:
    anything but a whole number from 1 up is the first page, as there."""
    number = str(page_number or "1")
    number = int(number) if number.isascii() and number.isdigit() and len(number) < 10 else 1
    start = (max(number, 1) - 1) * per_page
    return start, start + per_page


def ranked_results(pages, query, language=ENGLISH, wanted=(0, 10)):
    """Title matches first. PostgreSQL's ranking does that already: Wagtail's database backend
    gives title words the heaviest weight (A), and a single query can use the full-text index.
    SQLite's scores the whole page with one BM25 value, so there the title tier is explicit.
    `query` is a Wagtail search query object (query.SearchQuery.backend_query), read in
    `language`'s text search configuration; `wanted` is the slice of results to be shown."""
    backend = search_backend(language)
    if connection.vendor == "postgresql":
        results = backend.search(query, pages.specific().defer_streamfields())
        return CountedWithTheirPage(results.get_queryset(), wanted)
    return TitleMatchesFirst(pages, query, backend)


@contextmanager
def search_transaction():
    """On PostgreSQL, one transaction for a search, its correction and its count in the
    analytics, set up for what a search is:
    - no parallel workers: a search reads a few thousand index entries at most, and starting
      workers for that costs more than it saves on a small server (bench/search_bench.py,
      10,000 articles: the ranking query took 55-75 ms with workers, 40-47 ms without);
    - reading an index costs what reading the table does (random_page_cost 1.1, the usual
      setting for SSDs and for data that fits in memory, as the search index does): at the
      default of 4 PostgreSQL read every index entry rather than use the full-text index for
      a word that half the articles mention ("opioid": 42 against 28 ms at 10,000 articles);
    - its commit does not wait for the disk: all it writes is a count in the search analytics,
      which a crash of the database server may lose a second of, and nothing a patient
      typed is in it.
    Scoped to this transaction (SET LOCAL), so nothing else changes."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            cursor.execute("SET LOCAL synchronous_commit = off")
            cursor.execute("SET LOCAL random_page_cost = 1.1")
        yield


def promotions_for(pages, words, language=ENGLISH):
    """Editors' picks (Settings → Promoted search results) saved for the query in any word
    form ("opioid" finds the pick saved for "opioids"), in their order: pages only while live
    and public among `pages` (so a Spanish page is picked only in Spanish searches), external
    links as they are."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in=phrasings(words, language))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    promoted_ids = {p.page_id for p in promotions if p.page_id}
    shown = set()
    if promoted_ids:
        shown = set(pages.filter(pk__in=promoted_ids).values_list("pk", flat=True))
    picked, seen = [], set()
    for promotion in promotions:
        target = promotion.page_id or promotion.external_link_url
        if target in seen or not (promotion.page_id in shown or promotion.external_link_url):
            continue
        seen.add(target)
        picked.append(promotion)
    return picked


def promotion_entries(promotions, request):
    entries = []
    for promotion in promotions:
        if promotion.page_id:
            page = promotion.page
            entry = {
                "title": page.title,
                "url": page.get_url(request),
                "type": type_label(page.specific_class),
            }
        else:
            entry = {
                "title": promotion.external_link_text or promotion.external_link_url,
                "url": promotion.external_link_url,
                "type": _("Link"),
            }
        entry["summary"] = promotion.description
        entries.append(entry)
    return entries


def summary_of(page):
    return Truncator(page.get_meta_description() or "").chars(SUMMARY_CHARACTERS)


def result_entries(pages, terms, request):
    """What each result shows: title, type, its one-line summary with the terms marked, address."""
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "type": type_label(type(page)),
            "summary": highlight(summary_of(page), terms),
        }
        for page in pages
    ]
