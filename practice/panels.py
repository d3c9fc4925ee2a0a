"""A panel on every page's Promote tab: how long the search title and description are, counted
as staff type, against what search results show (the readability panel's counterpart)."""

from wagtail.admin.panels import Panel

# Search results show about 60 characters of a title and 155 of a description (practice/pages.py
# fits a description drawn from the summary within the latter).
TITLE_WARNING = 60
DESCRIPTION_LIMIT = 155


class SearchAppearancePanel(Panel):
    """Counts the search title (or the page title it falls back to) and the search
    description in the browser, warning past 60 and 155 characters (search_appearance.js);
    without JavaScript it shows the counts as last saved."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "practice/panels/search_appearance_panel.html"

        class Media:
            js = ["practice/js/search_appearance.js"]

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context.update(
                title_limit=TITLE_WARNING,
                description_limit=DESCRIPTION_LIMIT,
                title_length=len(page.seo_title or page.title or ""),
                description_length=len(page.search_description or ""),
            )
            return context
