"""Site search at /search/?q=: articles, conditions, treatments, clinicians and standard pages,
on Wagtail search.

Wagtail's database backend searches with SQLite's FTS5 on SQLite and PostgreSQL full-text
search on PostgreSQL. Pages whose title matches come first (see ranked_results), then the
rest by relevance. Results are never cached: they differ per query and change with any publish.
"""

import re
from contextlib import contextmanager

from django.db import connection, transaction
from django.shortcuts import render
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from education.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianPage,
    ConditionPage,
    TreatmentPage,
)
from pages.models import StandardPage
from practice.pagination import ItemPaginator

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# At most this many title matches are lifted above the rest; any more keep their relevance order.
TITLE_TIER_LIMIT = 500
RESULT_TYPES = {
    ArticlePage: "Article",
    ConditionPage: "Condition",
    TreatmentPage: "Treatment",
    ClinicianPage: "Clinician",
    StandardPage: "Page",
}
TERM = re.compile(r"\w{2,}")
# The search backends quote each word into their own query syntax, and not every character
# safely (a '"' broke SQLite's FTS5 MATCH, a 500). Only words can match anything, so only words
# are searched for; the query as typed is still shown and recorded.
WORD = re.compile(r"\w+")


def search_words(query):
    return " ".join(WORD.findall(query))


def highlight(text, query):
    """`text`, HTML-escaped, with every word that starts with a word of `query` in <mark>."""
    terms = sorted(set(TERM.findall(query.lower())), key=len, reverse=True)
    if not terms or not text:
        return escape(text or "")
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\w*", re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), format_html("<mark>{}</mark>", match[0])]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))


def searchable_pages(request):
    """Live, public articles, clinicians and standard pages of the site asked for."""
    # Wagtail's own public(): the search backend takes only plain filters, not a subquery.
    pages = Page.objects.live().public().type(*RESULT_TYPES)
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


class TitleMatchesFirst:
    """Search results in two tiers: pages whose title matches the query (best first), then every
    other match by relevance. A title boost alone does not promise that: on SQLite, Wagtail's
    database backend scores the whole page with one BM25 value, whatever field matched.

    Behaves as a sequence for Django's Paginator: `count()` and slicing, each slice loading
    only the pages it shows.
    """

    def __init__(self, pages, query):
        self.pages = pages
        title_matches = pages.only("pk").search(query, fields=["title"])[:TITLE_TIER_LIMIT]
        self.title_ids = [page.pk for page in title_matches]
        self.others = self._specific(pages.exclude(pk__in=self.title_ids)).search(query)

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


def ranked_results(pages, query):
    """Title matches first. PostgreSQL's ranking does that already: Wagtail's database backend
    gives title words the heaviest weight (A), and a single query can use the full-text index.
    SQLite's scores the whole page with one BM25 value, so there the title tier is explicit."""
    if connection.vendor == "postgresql":
        return pages.specific().defer_streamfields().search(query)
    return TitleMatchesFirst(pages, query)


@contextmanager
def without_parallel_workers():
    """On PostgreSQL, run the search queries without parallel workers. A search reads a few
    thousand index entries at most; starting workers for that costs more than it saves on a
    small server (bench/search_bench.py, 10,000 articles: the ranking query took 55-75 ms
    with workers, 40-47 ms without). Scoped to this transaction, so nothing else changes."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def promotions_for(pages, query):
    """Editors' picks for `query` (Settings → Promoted search results), in their order: pages
    only while live and public (among `pages`), external links as they are."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    promoted_ids = [p.page_id for p in promotions if p.page_id]
    shown = (
        set(pages.filter(pk__in=promoted_ids).values_list("pk", flat=True))
        if promoted_ids
        else set()
    )
    return [p for p in promotions if p.page_id in shown or (not p.page_id and p.external_link_url)]


def promotion_entries(promotions, request):
    entries = []
    for promotion in promotions:
        if promotion.page_id:
            page = promotion.page
            entry = {
                "title": page.title,
                "url": page.get_url(request),
                "type": RESULT_TYPES.get(page.specific_class, "Page"),
            }
        else:
            entry = {
                "title": promotion.external_link_text or promotion.external_link_url,
                "url": promotion.external_link_url,
                "type": "Link",
            }
        entry["summary"] = promotion.description
        entries.append(entry)
    return entries


def result_entries(pages, query, request):
    """What each result shows: title, type, summary with the query marked, address."""
    entries = []
    for page in pages:
        entries.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "type": RESULT_TYPES.get(type(page), "Page"),
                "summary": highlight(page.get_meta_description(), query),
            }
        )
    return entries


def no_results_suggestions(request):
    """Topics that have live articles, with the article index to browse them."""
    index = ArticleIndexPage.objects.live_public().first()
    if index is None:
        return None, []
    topics = ArticlePage.objects.live_public().topics()
    return index, list(topics)


@never_cache
@require_GET
def search(request):
    typed = request.GET.get("q", "")
    query = " ".join(typed.split())
    context = {"search_query": typed, "query": query, "max_length": MAX_QUERY_LENGTH}

    words = search_words(query)
    if len(query) > MAX_QUERY_LENGTH:
        context["problem"] = "too_long"
    elif not words:
        context["problem"] = "empty"
    else:
        page_number = request.GET.get("page")
        first_page = page_number in (None, "", "1")
        pages = searchable_pages(request)
        # Promoted pages are listed above the results on the first page, and left out of the
        # results on every page, so the numbering and the count stay the same throughout.
        promotions = promotions_for(pages, query)
        promoted_ids = [p.page_id for p in promotions if p.page_id]
        if promoted_ids:
            pages = pages.exclude(pk__in=promoted_ids)
        with without_parallel_workers():
            results = ranked_results(pages, words)
            page_of_results = ItemPaginator(results, RESULTS_PER_PAGE).get_page(page_number)
            entries = result_entries(page_of_results.object_list, query, request)
        if first_page:
            Query.get(query).add_hit()
        context.update(
            promotions=promotion_entries(promotions, request) if first_page else [],
            results=entries,
            page_of_results=page_of_results,
            result_count=page_of_results.paginator.count + len(promotions),
        )

    if context.get("problem") or not context.get("result_count"):
        context["topic_index"], context["topics"] = no_results_suggestions(request)
    return render(request, "home/search_results.html", context)
