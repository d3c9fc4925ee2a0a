"""Patient-education articles and their bylines."""

import math

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from practice.pages import BasePage, in_private_section

from ..blocks import ArticleBodyBlock
from ..panels import article_edit_handler
from ..querysets import ArticleQuerySet
from ..readability import article_prose_lines, word_count
from ..review_dates import ReviewStatusMixin
from .clinicians import ClinicianPage
from .links import LinkedFromMedicalPages
from .medical_review import MedicalReviewMixin
from .topics import Topic, topics_in_locale
from .translated import TranslatedPageMixin

MAX_RELATED_ARTICLES = 3
# Patients read health information more slowly than the 230-250 words a minute often quoted.
WORDS_PER_MINUTE = 200


class ArticlePage(
    LinkedFromMedicalPages, MedicalReviewMixin, ReviewStatusMixin, TranslatedPageMixin, BasePage
):
    summary = models.TextField(
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text=(
            "Two or three plain sentences that tell a patient what they will learn. Shown in "
            "lists of articles and in search engines. At most 300 characters."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top of the article and when it is shared.",
    )
    hero_image_alt = models.CharField(
        "hero image text alternative",
        max_length=250,
        blank=True,
        help_text="Describe what the picture shows for people who cannot see it.",
    )
    hero_image_decorative = models.BooleanField(
        "hero image is decorative",
        default=False,
        help_text="Tick if the picture adds nothing to the text; it then needs no description.",
    )
    body = StreamField(
        ArticleBodyBlock(),
        help_text=(
            "Short sections under plain headings. Aim for words a 12-year-old understands; "
            "explain any medical term the first time you use it. End with the references."
        ),
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="articles",
        help_text="Patients browse articles by topic; related articles share a topic.",
    )
    display_date = models.DateField(
        "publication date",
        default=timezone.localdate,
        help_text="Shown as 'Published'. Change it only when the article is rewritten.",
    )
    medical_reviewer = models.ForeignKey(
        ClinicianPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
        help_text="The clinician who checked the article is medically accurate and current.",
    )
    last_reviewed = models.DateField(
        "date last reviewed",
        null=True,
        blank=True,
        help_text="When the medical reviewer last checked the whole article.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=(
            "Leave empty to set it a standard interval (usually 12 months) after the last review."
        ),
    )
    comments_open = models.BooleanField(
        "accept comments",
        default=True,
        help_text=(
            "Untick to stop new comments; those already approved stay. Comments also close on "
            "their own a set number of days (usually 90) after the article is first published."
        ),
    )
    minor_edit = models.BooleanField(
        "this is a minor edit",
        default=False,
        help_text=(
            "Tick for a typo or formatting fix that does not change the medical content. A "
            "medical reviewer can then publish it and the review dates stay as they are. "
            "Cleared once the change is published."
        ),
    )
    # Set by an import ("WordPress"); empty for an article written here. The review report
    # shows imported articles nobody has medically reviewed yet.
    imported_from = models.CharField(max_length=40, blank=True, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    reading_time = models.PositiveSmallIntegerField(
        "reading time in minutes", default=1, editable=False
    )
    reading_grade = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text="Flesch–Kincaid grade level of the summary and body, worked out on save.",
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()

    parent_page_types = ["education.ArticleIndexPage"]
    subpage_types = []
    link_role = "article"
    reviewed_noun = "article"
    derived_fields = MedicalReviewMixin.derived_fields | {"word_count", "reading_time"}
    select_related_on_route = ("hero_image",)
    edit_handler = article_edit_handler()
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors",
            [
                index.RelatedFields(
                    "clinician",
                    [index.SearchField("given_name"), index.SearchField("family_name")],
                )
            ],
        ),
        index.FilterField("display_date"),
    ]
    description_field = "summary"
    social_image_field = "hero_image"

    class Meta:
        verbose_name = gettext_lazy("article")
        permissions = [
            ("record_medical_review", "Can set an article's medical reviewer and review dates")
        ]

    # --- Checked and derived when saved, never per request (and see MedicalReviewMixin) ---

    def editor_errors(self):
        errors = {}
        if self.hero_image_id and not self.hero_image_decorative and not self.hero_image_alt:
            errors["hero_image_alt"] = "Describe the hero image, or mark it as decorative."
        return errors | super().editor_errors()

    def prose_lines(self):
        return article_prose_lines(self.summary, self.body_without_references)

    def update_derived_fields(self):
        super().update_derived_fields()
        self.word_count = word_count(self.summary, self.body_without_references)
        self.reading_time = max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    # --- What the templates show (each read inside a cached fragment) ---

    @cached_property
    def author_links(self):
        return list(self.article_authors.all())

    @cached_property
    def named_clinicians(self):
        """The authors and the medical reviewer by id, with photos, each marked `is_public`
        when patients can open their profile. Works for a preview too, whose bylines are
        only in memory."""
        ids = [link.clinician_id for link in self.author_links]
        if self.medical_reviewer_id:
            ids.append(self.medical_reviewer_id)
        clinicians = (
            ClinicianPage.objects.filter(pk__in=ids)
            .annotate(in_private_section=in_private_section())
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        for clinician in clinicians:
            clinician.is_public = clinician.live and not clinician.in_private_section
        return {clinician.pk: clinician for clinician in clinicians}

    @property
    def byline(self):
        """(clinician, profile can be linked) in byline order. Profiles still in draft or
        private are named but never linked."""
        named = self.named_clinicians
        authors = [named[link.clinician_id] for link in self.author_links]
        return [(clinician, clinician.is_public) for clinician in authors]

    @property
    def reviewer(self):
        """(medical reviewer, profile can be linked), or None."""
        clinician = self.named_clinicians.get(self.medical_reviewer_id)
        return None if clinician is None else (clinician, clinician.is_public)

    @cached_property
    def topic_list(self):
        """The topics in the article's language (a translation may still carry the English
        ones): one query, and one more when any must be looked up in the article's language."""
        return topics_in_locale(list(self.topics.all()), self.locale_id)

    @property
    def body_without_references(self):
        return [block for block in self.body if block.block_type != "references"]

    @property
    def references_block(self):
        return next((block for block in self.body if block.block_type == "references"), None)

    @property
    def references(self):
        return self.references_block.value["citations"] if self.references_block else []

    @property
    def hero_image_text_alternative(self):
        """The hero's alt text: empty for a decorative picture, so screen readers skip it."""
        return "" if self.hero_image_decorative else self.hero_image_alt

    social_image_alt = hero_image_text_alternative

    @property
    def related_articles(self):
        """Up to three live, public articles in this language sharing a topic, newest first,
        never this one."""
        topic_keys = [topic.translation_key for topic in self.topic_list]
        if not topic_keys:
            return ArticlePage.objects.none()
        related = ArticlePage.objects.live_public().sharing_a_topic_with(self, topic_keys)
        return related.for_listing()[:MAX_RELATED_ARTICLES]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["og_type"] = "article"
        return context
