from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from home.models import HomePage
from pages.models import StandardPage


class EditorPublishesHomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()

    def setUp(self):
        self.login()

    def test_home_page_can_be_created_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_editor_creates_and_publishes_the_home_page(self):
        data = nested_form_data(
            {
                "title": "Home",
                "slug": "clinic-home",
                "hero_heading": "Pain care that listens",
                "hero_intro": "We help adults with long-lasting pain.",
                "hero_image": "",
                "hero_image_alt": "",
                "approach_heading": "How we work",
                "approach": streamfield([]),
                "opioid_heading": "Careful with opioids",
                "opioid_stance": rich_text("<p>We prescribe opioids rarely and carefully.</p>"),
                "next_step_heading": "Your next step",
                "next_step_text": "Tell us a little about your pain.",
                "call_to_action_text": "Request a consultation",
                "call_to_action_page": "",
                "featured_articles": inline_formset([]),
                "treated_conditions": inline_formset([]),
                "introduction_heading": "About us",
                "introduction": rich_text("<p>A small clinic.</p>"),
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(self.root, HomePage, data)
        home = HomePage.objects.get(slug="clinic-home")
        self.assertTrue(home.live)

        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
        response = self.client.get("/")
        self.assertContains(response, "Pain care that listens")
        self.assertPageIsRenderable(home)
