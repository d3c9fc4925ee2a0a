"""Admin for site search: the synonyms snippet (under Settings, beside promoted search results)
and the "What patients search for" report."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym
from .reports import SearchTermsReportView


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Search synonyms"
    add_to_settings_menu = True
    list_display = ["lay_term", "clinical_terms", "language"]
    list_filter = ["language"]
    search_fields = ["lay_term", "clinical_terms"]
    ordering = ["language", "lay_term"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def search_terms_report_urls():
    return [
        path(
            "reports/searches/",
            SearchTermsReportView.as_view(),
            name="search_terms_report",
        ),
        path(
            "reports/searches/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def search_terms_report_menu_item():
    return MenuItem(
        "What patients search for", reverse("search_terms_report"), icon_name="search", order=60
    )
