"""Patient education: topics, articles and the clinicians who write and review them."""

import calendar
import functools
import math

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from practice.cache import cached

from .blocks import ArticleBodyBlock
from .comments.models import Comment  # noqa: F401  (registers the model with this app)
from .comments.views import comment_context, post_comment
from .panels import ReadabilityPanel
from .queries import (
    article_detail_prefetches,
    article_listing,
    is_live_and_public,
    live_public_articles,
    private_q,
)
from .readability import prose_lines, reading_grade, text_lines
from .structured_data import article_json_ld, author_json_ld

ARTICLES_PER_PAGE = 10
AUTHOR_ARTICLES_PER_PAGE = 10
MAX_AUTHORS = 3
MAX_RELATED_ARTICLES = 3
# Open Graph's preferred 1.91:1 shape.
SOCIAL_IMAGE = "fill-1200x630"
# Patients read health information more slowly than the 230-250 words a minute often quoted.
WORDS_PER_MINUTE = 200
# Patient-education guidance asks for material a 6th to 8th grader reads easily.
TARGET_READING_GRADES = (6, 8)


def add_months(day, months):
    """`day` moved on by whole months, kept within a shorter month (31 Jan + 1 = 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def readable_text(block, value):
    """The text a reader sees in a block's value, as a list of strings."""
    if value is None:
        return []
    if isinstance(block, blocks.RichTextBlock):
        return [get_text_for_indexing(value.source)]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [value]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in readable_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in readable_text(block.child_block, item)]
    return []


def review_interval_months():
    return getattr(settings, "ARTICLE_REVIEW_INTERVAL_MONTHS", 12)


def paginate(items, number, per_page, count_key=None, request=None):
    """One page of `items`; a page number that is not a number or out of range is a 404.

    With `count_key` the number of items is kept in the cache until the content changes, and
    the page's items are only fetched when something reads them (usually a template fragment
    that is itself cached), so a warm request costs no query here. Previews never use it.
    """
    paginator = Paginator(items, per_page)
    if count_key and not getattr(request, "is_preview", False):
        paginator.count = cached(count_key, items.count)
    try:
        return paginator.page(number or 1)
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page of results.") from error


def lazy(compute):
    """A value computed on first use and remembered: templates call it like a method."""
    return functools.cache(compute)


def elided_range(page_of_items):
    """Page numbers around the current one, with "…" for the gaps: 1 … 4 5 [6] 7 8 … 20."""
    return page_of_items.paginator.get_elided_page_range(
        page_of_items.number, on_each_side=2, on_ends=1
    )


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True, help_text="e.g. 'Back pain'.")
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Used in web addresses (/education/?topic=back-pain): lowercase, hyphens.",
    )
    description = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences shown above the filtered list."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleIndexPage(Page):
    intro = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences above the list of articles."
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "article index page"

    def get_meta_description(self):
        return self.search_description or self.intro

    def route(self, request, path_components):
        # An article in one query, with its hero image and reviewer, instead of Wagtail's two
        # (the base page, then the specific one).
        if len(path_components) == 1:
            article = (
                ArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("hero_image", "medical_reviewer")
                .first()
            )
            if article is None:
                raise Http404
            article._cached_parent_obj = self
            return article.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = cached(
            f"article-index-topics:{self.pk}",
            lambda: list(
                Topic.objects.filter(
                    articles__in=live_public_articles(request).child_of(self)
                ).distinct()
            ),
        )
        active_topic = None
        articles = live_public_articles(request).child_of(self)
        topic_slug = request.GET.get("topic")
        if topic_slug is not None:
            active_topic = next((t for t in topics if t.slug == topic_slug), None)
            if active_topic is None:
                raise Http404("No such topic.")
            articles = articles.filter(topics=active_topic)
        page_of_articles = paginate(
            article_listing(articles),
            request.GET.get("page"),
            ARTICLES_PER_PAGE,
            count_key=f"article-index-count:{self.pk}:{topic_slug or ''}",
            request=request,
        )
        if active_topic or page_of_articles.number > 1:
            context["canonical_url"] = self.get_full_url(request) + "?" + request.GET.urlencode()
        context.update(
            topics=topics,
            active_topic=active_topic,
            articles=page_of_articles,
            page_range=elided_range(page_of_articles),
        )
        return context


class ArticlePage(RoutablePageMixin, Page):
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
        "education.AuthorPage",
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

    parent_page_types = ["education.ArticleIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultipleChooserPanel(
            "article_authors",
            chooser_field_name="author",
            heading="Authors",
            label="Author",
            min_num=1,
            max_num=MAX_AUTHORS,
            help_text=f"Who wrote the article, in byline order (1 to {MAX_AUTHORS}).",
        ),
        FieldPanel("display_date"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
            ],
            heading="Hero image",
        ),
        FieldPanel("body"),
        ReadabilityPanel(heading="Length and readability"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    # Approving a medical review records the reviewer and dates; only people allowed to record
    # a review (Medical reviewers) may change them by hand, so an editor's "minor edit" can never
    # carry a new review date with it.
    review_panels = [
        FieldPanel("minor_edit"),
        PageChooserPanel(
            "medical_reviewer",
            page_type="education.AuthorPage",
            permission="education.record_medical_review",
        ),
        FieldPanel("last_reviewed", permission="education.record_medical_review"),
        FieldPanel("next_review_due", permission="education.record_medical_review"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Medical review"),
            ObjectList(
                Page.promote_panels
                + [MultiFieldPanel([FieldPanel("comments_open")], heading="Comments")],
                heading="Promote",
            ),
            ObjectList(Page.settings_panels, heading="Settings", classname="settings"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields(
            "article_authors",
            [
                index.RelatedFields(
                    "author", [index.SearchField("given_name"), index.SearchField("family_name")]
                )
            ],
        ),
        index.FilterField("display_date"),
    ]

    class Meta:
        verbose_name = "article"
        permissions = [
            ("record_medical_review", "Can set an article's medical reviewer and review dates")
        ]

    # --- Derived values, computed when the page is saved, never per request ---

    def clean(self):
        super().clean()
        errors = {}
        if self.hero_image_id and not self.hero_image_decorative and not self.hero_image_alt:
            errors["hero_image_alt"] = "Describe the hero image, or mark it as decorative."
        if self.medical_reviewer_id and not self.last_reviewed:
            errors["last_reviewed"] = "Give the date of the medical review."
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            errors["next_review_due"] = "The next review must be after the last one."
        if self.minor_edit and not self.last_reviewed:
            errors["minor_edit"] = (
                "This article has not had a medical review yet, so no change to it can be "
                "minor: untick this box and submit it for medical review."
            )
        if errors:
            raise ValidationError(errors)
        self.update_derived_fields()

    def save(self, *args, **kwargs):
        self.update_derived_fields()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | {
                "word_count",
                "reading_time",
                "reading_grade",
                "next_review_due",
            }
        return super().save(*args, **kwargs)

    def update_derived_fields(self):
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = add_months(self.last_reviewed, review_interval_months())
        self.word_count = self.count_words()
        self.reading_time = max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))
        self.reading_grade = reading_grade(self.prose_lines())

    def count_words(self):
        """Words a reader reads: the summary and the body's text, not its references or the
        labels of choices (such as a heading's level)."""
        texts = [self.summary]
        for block in self.body:
            if block.block_type != "references":
                texts.extend(readable_text(block.block, block.value))
        return sum(len(str(text).split()) for text in texts)

    def prose_lines(self):
        """What a patient reads, line by line: the summary and the body without references."""
        lines = text_lines(self.summary)
        for block in self.body_without_references:
            lines += prose_lines(block.block, block.value)
        return lines

    # --- Medical review status, relative to today (the review-due report and dashboard) ---

    @property
    def days_until_review(self):
        if self.next_review_due is None:
            return None
        return (self.next_review_due - timezone.localdate()).days

    @property
    def review_overdue(self):
        """Past its review date, or never reviewed at all."""
        days = self.days_until_review
        return days is None or days < 0

    @property
    def review_status(self):
        days = self.days_until_review
        if days is None:
            return "Never reviewed"
        if days < 0:
            return f"Overdue by {-days} day{'s' if days != -1 else ''}"
        if days == 0:
            return "Due today"
        return f"Due in {days} day{'s' if days != 1 else ''}"

    @property
    def reading_grade_verdict(self):
        """How the reading grade compares with the 6th-8th grade target, in a few words."""
        if self.reading_grade is None:
            return "not worked out yet: save the article"
        low, high = TARGET_READING_GRADES
        if self.reading_grade <= high:
            return "on target" if self.reading_grade >= low else "easy to read"
        return "harder than the target"

    # --- What the templates show ---

    def get_meta_description(self):
        return self.search_description or self.summary

    def byline(self, request=None):
        """(author, profile is live and public) pairs in byline order. Profiles still in draft
        or private are named but never linked."""
        self.load_details(request)
        return [
            (link.author, is_live_and_public(link.author, request))
            for link in self.article_authors.all()
        ]

    def reviewer(self, request=None):
        """(medical reviewer, profile is live and public), or None."""
        if self.medical_reviewer is None:
            return None
        return self.medical_reviewer, is_live_and_public(self.medical_reviewer, request)

    @cached_property
    def topic_list(self):
        self.load_details()
        return list(self.topics.all())

    @property
    def published_date(self):
        return self.display_date

    @property
    def body_without_references(self):
        return [block for block in self.body if block.block_type != "references"]

    @property
    def references_block(self):
        return next((block for block in self.body if block.block_type == "references"), None)

    @property
    def references(self):
        block = self.references_block
        return block.value["citations"] if block else []

    def get_context(self, request, *args, **kwargs):
        # Everything that needs a query is computed on first use: the template reads it inside
        # cached fragments, so a warm request for an unchanged article runs none of it.
        context = super().get_context(request, *args, **kwargs)
        social_image = lazy(lambda: self._social_image(request))
        context.update(
            index_page=self.get_parent(),
            byline=lazy(lambda: self.byline(request)),
            reviewer=lazy(lambda: self.reviewer(request)),
            related_articles=lazy(lambda: self.related_articles(request)),
            og_type="article",
            social_image=lambda: social_image()[0],
            social_image_url=lambda: social_image()[1],
            social_image_alt=self.hero_image_text_alternative,
            structured_data=lazy(lambda: article_json_ld(self, request, social_image()[1])),
            **comment_context(self, request),
        )
        return context

    @property
    def hero_image_text_alternative(self):
        """The hero's alt text: empty for a decorative picture, so screen readers skip it."""
        return "" if self.hero_image_decorative else self.hero_image_alt

    def load_details(self, request=None):
        """Fetch bylines with photos, topics and image renditions in a fixed number of queries
        (once). A preview's page is built from the editor's form, so it has them in memory."""
        if getattr(self, "_details_loaded", False) or getattr(request, "is_preview", False):
            return
        prefetch_related_objects([self], *article_detail_prefetches())
        self._details_loaded = True

    def _social_image(self, request):
        if not self.hero_image:
            return None, None
        self.load_details(request)
        rendition = self.hero_image.get_rendition(SOCIAL_IMAGE)
        return rendition, request.build_absolute_uri(rendition.url)

    # --- Comments (education/comments/) ---

    def route(self, request, path_components):
        # Wagtail would answer a private article's sub-address with its login or password
        # form; the comment address of a private article does not exist at all.
        if path_components and not is_live_and_public(self, request):
            raise Http404
        return super().route(request, path_components)

    @path("comment/", name="post_comment")
    def post_comment_view(self, request):
        return post_comment(request, self)

    def related_articles(self, request=None):
        """Up to three live, public articles sharing a topic, newest first, never this one."""
        topic_ids = [topic.pk for topic in self.topic_list]
        if not topic_ids:
            return []
        shared = ArticlePage.topics.through.objects.filter(topic_id__in=topic_ids).values(
            "articlepage_id"
        )
        related = live_public_articles(request).filter(pk__in=shared).exclude(pk=self.pk)
        return list(article_listing(related)[:MAX_RELATED_ARTICLES])


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        "education.AuthorPage", on_delete=models.CASCADE, related_name="authored_article_links"
    )

    panels = [PageChooserPanel("author", page_type="education.AuthorPage")]

    class Meta(Orderable.Meta):
        verbose_name = "author"
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="unique_author_per_article")
        ]


class AuthorIndexPage(Page):
    intro = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences above the list of clinicians."
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.AuthorPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "clinician index page"

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = lazy(
            lambda: list(
                AuthorPage.objects.child_of(self)
                .live()
                .exclude(private_q(request))
                .select_related("photo")
                .prefetch_related("photo__renditions")
                .order_by("family_name", "given_name")
            )
        )
        return context


class AuthorPage(Page):
    honorific_prefix = models.CharField(
        max_length=20, blank=True, help_text="e.g. 'Dr.'. Leave empty for none."
    )
    given_name = models.CharField(max_length=80)
    family_name = models.CharField(max_length=80)
    post_nominals = models.CharField(
        "post-nominal credentials",
        max_length=80,
        blank=True,
        help_text="Degrees and credentials after the name, e.g. 'MD' or 'DPT, OCS'.",
    )
    job_title = models.CharField(max_length=120, help_text="e.g. 'Pain medicine physician'.")
    specialties = models.TextField(
        blank=True, help_text="One per line, e.g. 'Spinal injections'. Shown on the profile."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A friendly head-and-shoulders photo, at least 600 pixels square.",
    )
    photo_alt = models.CharField(
        "photo text alternative",
        max_length=250,
        blank=True,
        help_text="e.g. 'Dr. Rubin smiling in the clinic'. Required when there is a photo.",
    )
    short_bio = models.TextField(
        max_length=300,
        validators=[MaxLengthValidator(300)],
        help_text="One or two sentences for bylines and the list of clinicians.",
    )
    full_bio = RichTextField(
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ul", "ol"],
        help_text="Training, experience and what patients can expect in a first appointment.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_page",
        verbose_name="admin account",
        help_text=(
            "This clinician's own login. When they approve an article in medical review, "
            "this profile is named as the article's medical reviewer."
        ),
    )

    parent_page_types = ["education.AuthorIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("honorific_prefix"),
                FieldPanel("given_name"),
                FieldPanel("family_name"),
                FieldPanel("post_nominals"),
            ],
            heading="Name",
            help_text="Shown in bylines as, for example, 'Dr. Edward Rubin, MD'.",
        ),
        FieldPanel("job_title"),
        FieldPanel("specialties"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        FieldPanel("short_bio"),
        FieldPanel("full_bio"),
        # Only people who manage accounts link one to a profile: whoever is linked is named
        # as medical reviewer on every article they approve.
        FieldPanel("user", permission="auth.change_user", heading="Admin account"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("given_name"),
        index.SearchField("family_name"),
        index.SearchField("job_title"),
        index.SearchField("specialties"),
        index.SearchField("short_bio"),
        index.SearchField("full_bio"),
    ]

    class Meta:
        verbose_name = "clinician"

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt:
            raise ValidationError({"photo_alt": "Describe the photo for people who cannot see it."})

    def __str__(self):
        return self.display_name

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def name_with_prefix(self):
        return f"{self.honorific_prefix} {self.full_name}".strip()

    @property
    def display_name(self):
        """As in a byline: 'Dr. Edward Rubin, MD'."""
        if self.post_nominals:
            return f"{self.name_with_prefix}, {self.post_nominals}"
        return self.name_with_prefix

    @property
    def specialty_list(self):
        return [line.strip() for line in self.specialties.splitlines() if line.strip()]

    def get_meta_description(self):
        return self.search_description or self.short_bio

    def _social_image(self, request):
        if not self.photo:
            return None, None
        rendition = self.photo.get_rendition(SOCIAL_IMAGE)
        return rendition, request.build_absolute_uri(rendition.url)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = live_public_articles(request)
        written = paginate(
            article_listing(articles.filter(article_authors__author=self)),
            request.GET.get("page"),
            AUTHOR_ARTICLES_PER_PAGE,
            count_key=f"author-written-count:{self.pk}",
            request=request,
        )
        reviewed = paginate(
            article_listing(articles.filter(medical_reviewer=self)),
            request.GET.get("reviewed_page"),
            AUTHOR_ARTICLES_PER_PAGE,
            count_key=f"author-reviewed-count:{self.pk}",
            request=request,
        )
        social_image = lazy(lambda: self._social_image(request))
        context.update(
            written_articles=written,
            written_page_range=elided_range(written),
            reviewed_articles=reviewed,
            reviewed_page_range=elided_range(reviewed),
            og_type="profile",
            social_image=lambda: social_image()[0],
            social_image_url=lambda: social_image()[1],
            social_image_alt=self.photo_alt,
            structured_data=lazy(lambda: author_json_ld(self, request, social_image()[1])),
        )
        return context
