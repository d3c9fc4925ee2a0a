"""Admin customisation for the practice's pages: the insurance plans staff keep current, the
languages the practice offers help in, and
the dashboard panel for notices due for review."""

from django.db.models import Exists, OuterRef
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practice.site_links import SITE_LINKS_HOOK
from practice.structured_data import PRACTICE_GRAPH_HOOK

from .models import InsurancePlan, LanguageHelp, NoticePage
from .notice_reviews import NoticesDuePanel, user_can_edit_pages
from .structured_data import practice_graph


class InsurancePlanViewSet(SnippetViewSet):
    """Plans shown on the new-patients page and offered on the consultation form. Staff drag
    them into the order patients see."""

    model = InsurancePlan
    icon = "clipboard-list"
    menu_label = "Insurance plans"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "plan_types", "accepted"]
    list_filter = ["accepted"]
    search_fields = ["name"]


register_snippet(InsurancePlanViewSet)


class LanguageHelpViewSet(SnippetViewSet):
    """The languages the practice offers free help in: one list, shown by every notice that
    ticks "show the language taglines", in the order staff drag them into."""

    model = LanguageHelp
    icon = "help"
    menu_label = "Language help"
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["language", "language_es", "language_code"]
    search_fields = ["language", "language_es"]


register_snippet(LanguageHelpViewSet)


@hooks.register("construct_homepage_panels")
def notices_due_panel(request, panels):
    if user_can_edit_pages(request.user):
        panels.append(NoticesDuePanel())


# The practice and its offices in every page's JSON-LD graph (practice/structured_data.py).
hooks.register(PRACTICE_GRAPH_HOOK, practice_graph)


@hooks.register(SITE_LINKS_HOOK)
def notices():
    """Every page's footer links to the notices (nondiscrimination, privacy practices,
    accessibility), in tree order, whatever else staff put there: read with the menu and the
    footer's pages (practice/site_links.py)."""
    return "notices", Exists(NoticePage.objects.filter(pk=OuterRef("pk")))
