"""Admin customisation for the practice's pages: the insurance plans staff keep current."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import InsurancePlan


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
