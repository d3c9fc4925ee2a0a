"""The "What patients search for" admin report: searches counted per day, with the ones that
found nothing a filter away. No row says who searched (analytics.py stores no one)."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django_filters import DateFromToRangeFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

from .models import SearchTermDay

NOTHING_FOUND = "nothing_found"


class SearchTermDayFilterSet(WagtailFilterSet):
    day = DateFromToRangeFilter(label="Day", widget=DateRangePickerWidget)
    language = django_filters.ChoiceFilter(
        label="Language", choices=settings.LANGUAGES, empty_label="Every language"
    )
    outcome = django_filters.ChoiceFilter(
        label="Results",
        method="filter_outcome",
        empty_label="All searches",
        choices=[(NOTHING_FOUND, "Searches that found nothing")],
    )

    class Meta:
        model = SearchTermDay
        fields = ["day", "language", "outcome"]

    def filter_outcome(self, queryset, name, value):
        if value == NOTHING_FOUND:
            return queryset.filter(searches_without_results__gt=0).order_by(
                "-day", "-searches_without_results", "query"
            )
        return queryset


class SearchTermsReportView(ReportView):
    page_title = "What patients search for"
    header_icon = "search"
    model = SearchTermDay
    filterset_class = SearchTermDayFilterSet
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    is_searchable = True
    search_fields = ["query"]
    no_results_message = "No searches were counted for these days."
    columns = [
        Column("day", label="Day"),
        Column("query", label="Search"),
        Column("language", label="Language", accessor="get_language_display"),
        NumberColumn("searches", label="Searches"),
        NumberColumn("searches_without_results", label="Found nothing"),
    ]
    list_export = ["day", "query", "language", "searches", "searches_without_results"]
    export_headings = {
        "day": "Day",
        "query": "Search",
        "language": "Language",
        "searches": "Searches",
        "searches_without_results": "Found nothing",
    }

    def get_queryset(self):
        # The busiest searches of each day first; a day's searches that found nothing are
        # the ones editors can do something about (a page, a synonym, a promotion).
        return SearchTermDay.objects.filter(~Q(query="")).order_by("-day", "-searches", "query")
