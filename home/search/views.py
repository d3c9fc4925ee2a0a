"""The search page (/search/?q=) and the suggestions the header search box offers as you type
(/search-suggestions/?q=, JSON). Under /es/ both speak Spanish: Spanish pages only, Spanish
synonyms and spelling, the query read as Spanish."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.coreutils import get_supported_content_language_variant

from education.models import ArticleIndexPage, ArticlePage, ConditionIndexPage
from practice.cache import content_version
from practice.pagination import ItemPaginator
from practice.spam import RateLimiter

from .analytics import record_search
from .query import SearchQuery
from .results import (
    promotion_entries,
    promotions_for,
    ranked_results,
    result_entries,
    search_transaction,
    searchable_pages,
    type_label,
    wanted_slice,
)
from .spelling import corrections
from .words import words_of

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Fewer results than this and the search looks for a spelling mistake.
FEW_RESULTS = 3
MAX_SUGGESTIONS = 6
# Suggestions start at the second letter and stop being offered past a sentence.
SUGGEST_MIN_CHARACTERS = 2
SUGGEST_MAX_CHARACTERS = 100
SUGGEST_CACHE_SECONDS = 300


def search_language():
    """The language of this search: the address's (/es/search/ is Spanish)."""
    return get_supported_content_language_variant(translation.get_language())


def run_search(request, searched, page_number):
    """One search: promoted picks (first page only) and a page of ranked results."""
    pages = searchable_pages(request, searched.language)
    # Promoted pages are listed above the results on the first page, and left out of the
    # results on every page, so the numbering and the count stay the same throughout.
    promotions = promotions_for(pages, searched.words, searched.language)
    promoted_ids = [p.page_id for p in promotions if p.page_id]
    if promoted_ids:
        pages = pages.exclude(pk__in=promoted_ids)
    wanted = wanted_slice(page_number, RESULTS_PER_PAGE)
    results = ranked_results(pages, searched.backend_query, searched.language, wanted)
    page_of_results = ItemPaginator(results, RESULTS_PER_PAGE).get_page(page_number)
    first_page = page_of_results.number == 1
    return {
        "promotions": promotion_entries(promotions, request) if first_page else [],
        "results": result_entries(page_of_results.object_list, searched.terms, request),
        "page_of_results": page_of_results,
        "result_count": page_of_results.paginator.count + len(promotions),
    }


def corrected(searched):
    """The query with its misspelled words corrected, or None when it has none."""
    fixes = corrections(searched.words, searched.language)
    return " ".join(fixes.get(word, word) for word in searched.words) if fixes else None


@never_cache
@require_GET
def search(request):
    typed = request.GET.get("q", "")
    query = " ".join(typed.split())
    # "Search instead for ...": the patient meant what they typed; only offer the correction.
    as_typed = request.GET.get("as_typed") == "1"
    context = {"search_query": typed, "query": query, "max_length": MAX_QUERY_LENGTH}
    language = search_language()
    searched = SearchQuery(query, language=language) if len(query) <= MAX_QUERY_LENGTH else None

    if searched is None:
        context["problem"] = "too_long"
    elif not searched:
        context["problem"] = "empty"
    else:
        page_number = request.GET.get("page")
        with search_transaction():
            context.update(run_search(request, searched, page_number))
            correction = corrected(searched) if context["result_count"] < FEW_RESULTS else None
            if correction:
                instead = run_search(
                    request, SearchQuery(correction, language=language), page_number
                )
                if instead["result_count"] and not context["result_count"] and not as_typed:
                    # A confident correction and nothing as typed: show what it finds.
                    context.update(instead, showing_results_for=correction)
                elif instead["result_count"] > context["result_count"]:
                    context["did_you_mean"] = correction
            if page_number in (None, "", "1") and not as_typed:
                record_search(query, bool(context["result_count"]), language)

    if context.get("problem") or not context.get("result_count"):
        context.update(no_results_suggestions(request))
    return render(request, "search/search_results.html", context)


def no_results_suggestions(request):
    """Ways on from a search that found nothing: the A to Z of conditions, the article topics
    (the phone number comes from the site settings, in the template)."""
    locale = {"locale__language_code": search_language()}  # the sections in this language
    index = ArticleIndexPage.objects.live_public().filter(**locale).first()
    articles = ArticlePage.objects.live_public().filter(**locale)
    topics = list(articles.topics(index.locale_id)) if index else []  # in this language
    return {
        "topic_index": index,
        "topics": topics,
        "conditions_index": ConditionIndexPage.objects.live_public().filter(**locale).first(),
    }


# --- Suggestions as you type ---


def suggestion_limiter():
    return RateLimiter(
        "search-suggestions",
        limit=settings.SEARCH_SUGGESTIONS_RATE_LIMIT,
        period=settings.SEARCH_SUGGESTIONS_RATE_PERIOD,
    )


def suggested_pages(request, words, language):
    """At most MAX_SUGGESTIONS live public pages in `language` whose title has words starting
    as typed, accents aside."""
    pages = searchable_pages(request, language).autocomplete(" ".join(words))[:MAX_SUGGESTIONS]
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "type": str(type_label(page.specific_class)),
        }
        for page in pages
    ]


@require_GET
def suggestions(request):
    """{"suggestions": [{"title", "url", "type"}, ...]}: page titles for the header search.
    The same for every visitor, so kept here per content version; the browser may keep it a
    few minutes, but no shared cache: the address carries what the patient typed, which a
    proxy or CDN would write to its disk. Limited per address, since every keystroke could be
    a request."""
    limiter = suggestion_limiter()
    if not limiter.hit(request):
        response = JsonResponse(
            {"error": _("Too many requests: wait a minute, or press Search."), "suggestions": []},
            status=429,
        )
        response["Retry-After"] = str(limiter.period)
        add_never_cache_headers(response)
        return response

    typed = request.GET.get("q", "")
    words = words_of(typed) if len(typed) <= SUGGEST_MAX_CHARACTERS else []
    if len("".join(words)) < SUGGEST_MIN_CHARACTERS:
        found = []
    else:
        language = search_language()
        digest = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
        key = f"search:suggestions:{content_version()}:{request.get_host()}:{language}:{digest}"
        found = cache.get(key)
        if found is None:
            found = suggested_pages(request, words, language)
            cache.set(key, found, SUGGEST_CACHE_SECONDS)
    response = JsonResponse({"suggestions": found})
    patch_cache_control(response, private=True, max_age=SUGGEST_CACHE_SECONDS)
    return response
