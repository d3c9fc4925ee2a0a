"""What every page type of the site shares: a queryset that filters private sections inside
its own SQL, the meta description, and the picture shown when a page is shared."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .panels import DESCRIPTION_LIMIT, SearchAppearancePanel
from .renditions import rendition_with_the_rest

# Open Graph's preferred 1.91:1 shape.
SOCIAL_IMAGE_SPEC = "fill-1200x630"


def in_private_section(path="path"):
    """True for a page (whose tree path is at `path`) in a section with a view restriction
    (login or password), or below one. A subquery of the page's own query: Wagtail's
    `public()` reads every restriction in a query of its own each time it is called."""
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(path), 1, F("page__depth") * Page.steplen)
    )
    return Exists(restriction_above)


class SitePageQuerySet(PageQuerySet):
    def private_q(self):
        return Q(in_private_section())

    def live_public(self):
        return self.live().public()


def all_pages():
    """Every page, as the base Page model, with our queryset's `public()`."""
    return SitePageQuerySet(Page)


def fitted_description(text, limit=DESCRIPTION_LIMIT):
    """`text` as whole sentences within `limit` characters; a first sentence longer than that
    is cut after a word, with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    fitted = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if len(f"{fitted} {sentence}".strip()) > limit:
            break
        fitted = f"{fitted} {sentence}".strip()
    return fitted or text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class PageMetaMixin:
    """What search engines and shared links show of a page. A page type names the field that
    stands in for a missing search description, and the image shown when it is shared."""

    description_field = None
    social_image_field = None
    social_image_alt_field = None

    def get_meta_description(self):
        """The search description staff wrote, else the page's summary (or intro) cut to
        whole sentences that fit a search result."""
        if self.search_description or not self.description_field:
            return self.search_description
        return fitted_description(getattr(self, self.description_field))

    @property
    def social_image(self):
        """The rendition shown when the page is shared, or None."""
        image = getattr(self, self.social_image_field) if self.social_image_field else None
        return rendition_with_the_rest(image, SOCIAL_IMAGE_SPEC) if image else None

    @property
    def social_image_alt(self):
        return getattr(self, self.social_image_alt_field) if self.social_image_alt_field else ""

    def serve_password_required_response(self, request, form, action_url):
        """A private page's password form shows nothing of the page (Wagtail's passes the page's
        context, which the layout would turn into its title, description and picture): the
        same for every visitor, so a proxy may keep it in the page's place."""
        # As Wagtail's does, for the user bar.
        request.is_preview = getattr(request, "is_preview", False)
        request.preview_mode = getattr(request, "preview_mode", None)
        template = self.password_required_template or settings.WAGTAIL_PASSWORD_REQUIRED_TEMPLATE
        return TemplateResponse(request, template, {"form": form, "action_url": action_url})

    @cached_property
    def default_language_version(self):
        """This page as editors first wrote it, in the default language (itself when it is):
        links chosen on one side (a location's clinicians) are kept there. One query, only
        when the page is in another language."""
        if translation.get_language() == settings.LANGUAGE_CODE:
            return self
        source = (
            type(self)
            .objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .first()
        )
        return source or self

    @cached_property
    def language_versions(self):
        """{language code: page} for this page and its live, public translations, in one query
        however many languages read it (hreflang links, the language switcher)."""
        versions = (
            all_pages()
            .filter(translation_key=self.translation_key)
            .live_public()
            .select_related("locale")
            .only("id", "url_path", "locale__language_code")
        )
        return {version.locale.language_code: version for version in versions}


class BasePage(PageMetaMixin, Page):
    """The base of our page types."""

    objects = PageManager.from_queryset(SitePageQuerySet)()
    # Foreign keys every view of the page shows (a hero image), fetched with the page itself.
    select_related_on_route = ()

    # Wagtail's "For search engines" fields, with their lengths counted as staff type.
    promote_panels = Page.promote_panels + [SearchAppearancePanel(heading="In search results")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Wagtail's serve hook and the page cache both ask (two queries each); a page already
        # known to be outside every private section has no restriction to look up.
        if getattr(self, "in_private_section", None) is False:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        # A section whose children are all of one type (the article index, say) fetches the
        # child as that type at once: one query, where Wagtail's route needs two. It also
        # learns there whether the child is in a private section.
        child_model = self.only_child_model()
        if len(path_components) == 1 and child_model is not None:
            children = (
                child_model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*child_model.select_related_on_route)
                .annotate(in_private_section=in_private_section())
            )
            child = children.first()
            if child is None:
                return super().route(request, path_components)  # Wagtail's own 404
            child._cached_parent_obj = self
            return child.route(request, [])
        return super().route(request, path_components)

    @classmethod
    def only_child_model(cls):
        child_types = cls.allowed_subpage_models()
        return child_types[0] if len(child_types) == 1 else None


class IndexPage(BasePage):
    """A section's front page (the article index, the clinicians): a short introduction above
    the list of the pages in it."""

    intro = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences above the list."
    )
    # The section's picture in link previews: its own, and each page's in it that has none
    # (practice/sharing.py); the site-wide share image where the section has none either.
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when this section, or a page in it without a picture of its own, is "
        "shared (in messages and social networks). Leave empty for the site-wide share image "
        "(Settings > Theme). Best at 1200 x 630 pixels.",
    )
    share_image_alt = models.CharField(
        "share image text alternative",
        max_length=200,
        blank=True,
        help_text="What the share image shows, for people who cannot see it.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    promote_panels = BasePage.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("share_image"), FieldPanel("share_image_alt")], "When the section is shared"
        )
    ]
    description_field = "intro"
    social_image_field = "share_image"
    social_image_alt_field = "share_image_alt"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.share_image_id and not self.share_image_alt.strip():
            raise ValidationError(
                {"share_image_alt": "Describe the picture for people who cannot see it."}
            )
