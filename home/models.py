from django.db import models
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from education.models import ArticlePage, ClinicianPage, ConditionPage
from pages.offices import office_list
from practice.localized import in_active_language
from practice.pages import BasePage, all_pages

from .blocks import ApproachStepBlock
from .wordpress.models import ImportedItem  # noqa: F401 (the model lives in its own module)
from .wordpress.old_addresses import query_redirect

MAX_FEATURED_ARTICLES = 3
MAX_CLINICIANS = 3
MAX_TREATED_CONDITIONS = 8

# The rule editors follow for every picture's text alternative.
DECORATIVE_RULE = (
    "Describe what the picture shows that the words around it do not (who is in it, what they "
    "are doing). Leave it empty only when the picture is decorative: when removing it would "
    "lose no information."
)


class HomePage(BasePage):
    hero_heading = models.CharField(max_length=120)
    hero_intro = models.TextField(max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="People, not equipment: a clinician with a patient, or the team. Set the "
        "image's focal point on their faces so every crop keeps them.",
    )
    hero_image_alt = models.CharField(
        "hero image text alternative", max_length=250, blank=True, help_text=DECORATIVE_RULE
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
    approach_heading = models.CharField(max_length=120, default="How we work")
    approach = StreamField(
        [("step", ApproachStepBlock())],
        blank=True,
        max_num=4,
        help_text="Up to four steps, in the order a patient meets them.",
    )
    opioid_heading = models.CharField(max_length=120, default="Careful with opioids")
    opioid_stance = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="The practice's position on opioid medicines, in two or three sentences.",
    )
    next_step_heading = models.CharField(max_length=120, default="Ready to talk it through?")
    next_step_text = models.TextField(
        max_length=300, blank=True, help_text="What happens after a patient gets in touch."
    )

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    description_field = "hero_intro"
    social_image_field = "hero_image"
    social_image_alt_field = "hero_image_alt"
    select_related_on_route = ("hero_image",)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading="Hero",
        ),
        InlinePanel(
            "treated_conditions",
            max_num=MAX_TREATED_CONDITIONS,
            heading="What we treat",
            label="Condition",
            help_text="Condition pages shown as links under the hero, in this order (up to "
            f"{MAX_TREATED_CONDITIONS}). A condition that is unpublished or made private "
            "drops out by itself.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("approach_heading"),
                FieldPanel("approach"),
                FieldPanel("opioid_heading"),
                FieldPanel("opioid_stance"),
            ],
            heading="How we work",
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
        MultiFieldPanel(
            [
                FieldPanel("next_step_heading"),
                FieldPanel("next_step_text"),
                FieldPanel("call_to_action_text"),
                PageChooserPanel("call_to_action_page"),
            ],
            heading="Next step (the closing call to action)",
        ),
    ]

    class Meta:
        verbose_name = "home page"

    def serve(self, request, *args, **kwargs):
        # Old WordPress addresses such as /?p=123 reach the home page, not a 404.
        return query_redirect(request) or super().serve(request, *args, **kwargs)

    def get_featured_articles(self):
        """Live, public featured pages in the editor's order, with their card images: the
        links, the articles with their images, and the images' renditions (three queries)."""
        ids = [link.page_id for link in self.featured_articles.all()]
        pages = {
            page.pk: page
            for page in ArticlePage.objects.live_public()
            .filter(pk__in=ids)
            .defer_streamfields()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
        }
        if missing := [pk for pk in ids if pk not in pages]:
            # Not articles (the chooser offers only articles), or not live and public.
            others = all_pages().live_public().filter(pk__in=missing).defer_streamfields()
            pages |= {page.pk: page for page in others.specific()}
            prefetch_related_objects(
                [
                    page
                    for pk, page in pages.items()
                    if pk in missing and getattr(page, "hero_image_id", None)
                ],
                "hero_image__renditions",
            )
        return [pages[pk] for pk in ids if pk in pages]

    def get_treated_conditions(self):
        """The live, public condition pages staff chose for "What we treat", in their order
        and in the visitor's language (the English page where there is no translation)."""
        ids = list(self.treated_conditions.values_list("page_id", flat=True))
        pages = ConditionPage.objects.live_public().filter(pk__in=ids).in_bulk()
        chosen = [pages[pk] for pk in ids if pk in pages]
        return in_active_language(chosen, ConditionPage.objects.live_public())

    def get_clinicians(self):
        """A few live, public clinicians in this home page's language, with their photos, in
        the page tree's order."""
        return list(
            ClinicianPage.objects.live_public()
            .filter(locale_id=self.locale_id)
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("path")[:MAX_CLINICIANS]
        )

    def get_locations(self):
        """The practice's live, public locations with their hours, in tree order, each in the
        page's language where it is translated: the offices every page reads (pages/offices.py)."""
        return office_list()


class FeaturedArticle(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", page_type="education.ArticlePage")]


class TreatedCondition(Orderable):
    """A condition page listed under the home page's hero, "What we treat"."""

    home_page = ParentalKey(HomePage, related_name="treated_conditions", on_delete=models.CASCADE)
    page = models.ForeignKey("education.ConditionPage", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]
