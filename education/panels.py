"""Editor panels for patient education that show values rather than edit them."""

from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """Reading time and reading grade of the article as last saved, next to the body they
    describe, so an editor sees the effect of shorter sentences and plainer words on save."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "education/panels/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["article"] = self.instance
            context["saved"] = bool(self.instance.pk)
            return context
