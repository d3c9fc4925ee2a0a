from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from practice.pages import BasePage, all_pages

from .wordpress.models import ImportedItem  # noqa: F401 (the model lives in its own module)
from .wordpress.old_addresses import query_redirect

MAX_FEATURED_ARTICLES = 3


class HomePage(BasePage):
    hero_heading = models.CharField(max_length=120)
    hero_intro = models.TextField(max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        max_length=250, blank=True, help_text="Leave empty if the image is decorative."
    )
    call_to_action_text = models.CharField(max_length=60, default="Request a consultation")
    call_to_action_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Usually the consultation page.",
    )
    introduction_heading = models.CharField(max_length=120, default="About the practice")
    introduction = RichTextField(features=["bold", "italic", "link", "ul"], blank=True)

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    description_field = "hero_intro"
    social_image_field = "hero_image"
    social_image_alt_field = "hero_image_alt"

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("call_to_action_text"),
                PageChooserPanel("call_to_action_page"),
            ],
            heading="Hero",
        ),
        InlinePanel(
            "featured_articles",
            max_num=MAX_FEATURED_ARTICLES,
            heading="Featured articles",
            label="Article",
            help_text=f"Up to {MAX_FEATURED_ARTICLES} articles shown on the home page.",
        ),
        MultiFieldPanel(
            [FieldPanel("introduction_heading"), FieldPanel("introduction")],
            heading="Introduction to the practice",
        ),
    ]

    class Meta:
        verbose_name = "home page"

    def serve(self, request, *args, **kwargs):
        # Old WordPress addresses such as /?p=123 reach the home page, not a 404.
        return query_redirect(request) or super().serve(request, *args, **kwargs)

    def get_featured_articles(self):
        """Live, public featured pages in the editor's order, with their card images, in a
        fixed number of queries."""
        links = self.featured_articles.all()
        ids = [link.page_id for link in links]
        pages = {
            p.pk: p
            for p in all_pages().live_public().filter(pk__in=ids).defer_streamfields().specific()
        }
        featured = [pages[pk] for pk in ids if pk in pages]
        prefetch_related_objects(
            [page for page in featured if hasattr(page, "hero_image_id")], "hero_image__renditions"
        )
        return featured


class FeaturedArticle(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", page_type="education.ArticlePage")]
