"""The "due for review" admin reports (articles; conditions; treatments) and the dashboard
panel that points to the articles' one."""

import datetime

import django_filters
from django.db.models import F, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import slugify
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, LocaleColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ArticlePage, ClinicianPage, ConditionPage, Topic, TreatmentPage
from .models.translated import with_source_status
from .review import DUE_SOON_DAYS, today

# Other apps add columns to the report without education knowing them (patient feedback,
# education/feedback): each function registered for this hook returns an object with
# `columns` and `annotate(queryset)`, which adds what the columns read in the same query.
REPORT_COLUMNS_HOOK = "register_review_report_columns"

OVERDUE = "overdue"
DUE_SOON = "due_soon"
IMPORTED = "imported"


def due_for_review(articles, on=None):
    """Articles never reviewed, overdue, or due within DUE_SOON_DAYS of `on`: most urgent
    first (never reviewed, then by due date), ties by title."""
    on = on or today()
    horizon = on + datetime.timedelta(days=DUE_SOON_DAYS)
    return articles.filter(
        Q(next_review_due__isnull=True) | Q(next_review_due__lte=horizon)
    ).order_by(F("next_review_due").asc(nulls_first=True), "title", "pk")


def overdue(articles, on=None):
    on = on or today()
    return articles.filter(Q(next_review_due__isnull=True) | Q(next_review_due__lt=on))


def not_reviewed_since_import(articles):
    """Articles brought in from another site (WordPress) that nobody has reviewed here."""
    return articles.filter(next_review_due__isnull=True).exclude(imported_from="")


def articles_user_can_edit(user, model=ArticlePage):
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return model.objects.live().filter(pk__in=editable.values("pk"))


class LanguageFilterMixin:
    """Wagtail adds a locale filter to the filters of translatable models once the site has
    more than one language; staff call it the language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locale" in self.filters:
            self.filters["locale"].label = "Language"


def _due_filter(*more_choices):
    """The "Due" filter: overdue or due soon (both unless one is chosen), and `more_choices`."""
    return django_filters.ChoiceFilter(
        label="Due",
        method="filter_status",
        empty_label="Overdue or due within 30 days",
        choices=[(OVERDUE, "Overdue only"), (DUE_SOON, "Due within 30 days only"), *more_choices],
    )


class ReviewedPageDueFilterSet(LanguageFilterMixin, WagtailFilterSet):
    """The filters of the report for conditions or treatments (no topics, never imported);
    the articles' report adds those."""

    status = _due_filter()
    medical_reviewer = django_filters.ModelChoiceFilter(
        label="Medical reviewer",
        empty_label="Any reviewer",
        queryset=lambda request: ClinicianPage.objects.order_by("family_name", "given_name"),
    )

    class Meta:
        model = ConditionPage
        fields = ["status", "medical_reviewer"]

    def filter_status(self, queryset, name, value):
        on = today()
        if value == OVERDUE:
            return overdue(queryset, on)
        if value == DUE_SOON:
            return queryset.filter(next_review_due__gte=on)
        if value == IMPORTED:
            return not_reviewed_since_import(queryset)
        return queryset


class TreatmentsDueFilterSet(ReviewedPageDueFilterSet):
    class Meta:
        model = TreatmentPage
        fields = ["status", "medical_reviewer"]


class ReviewDueFilterSet(ReviewedPageDueFilterSet):
    status = _due_filter((IMPORTED, "Imported, not yet medically reviewed"))
    topics = django_filters.ModelChoiceFilter(
        label="Topic",
        empty_label="Any topic",
        queryset=Topic.objects.all(),
        method="filter_topic",
    )

    class Meta:
        model = ArticlePage
        fields = ["status", "medical_reviewer", "topics"]

    def filter_topic(self, queryset, name, value):
        """Articles filed under the topic in any of its languages."""
        return queryset.with_topic(value)


class ReviewDueReportView(ReportView):
    """The articles' report; the conditions' and treatments' below change what it lists and
    what it calls a row (`row_label`, heading the title column on screen and in exports)."""

    page_title = "Articles due for review"
    results_template_name = "education/reports/review_due_results.html"
    row_label = "Article"
    header_icon = "time"
    model = ArticlePage
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["change", "publish"]
    filterset_class = ReviewDueFilterSet
    index_url_name = "education_review_due"
    no_results_message = "No live article is overdue or due for review in the next 30 days."
    # The columns after the title.
    review_columns = [
        StatusTagColumn(
            "review_status", label="Review", primary=lambda article: article.review_overdue
        ),
        Column("medical_reviewer", label="Medical reviewer"),
        Column("last_reviewed", label="Last reviewed"),
        Column("next_review_due", label="Next review due"),
        Column("reading_grade", label="Reading grade"),
        LocaleColumn(label="Language", sort_key=None),
        # A translation whose English page was published after it was last checked.
        Column("source_change_note", label="English changed since translated"),
    ]
    list_export = [
        "title",
        "review_status",
        "medical_reviewer",
        "last_reviewed",
        "next_review_due",
        "reading_grade",
        "language_name",
        "source_change_note",
        "imported_from",
        "full_url",
    ]
    # The export's headings but the title's (the row label).
    other_export_headings = {
        "review_status": "Review",
        "medical_reviewer": "Medical reviewer",
        "last_reviewed": "Last reviewed",
        "next_review_due": "Next review due",
        "reading_grade": "Reading grade",
        "language_name": "Language",
        "source_change_note": "English changed since translated",
        "imported_from": "Imported from",
        "full_url": "Address",
    }

    @property
    def index_results_url_name(self):
        return f"{self.index_url_name}_results"

    @property
    def export_headings(self):
        return {"title": self.row_label, **self.other_export_headings}

    def get_filename(self):
        """ "articles-due-for-review-2026-03-02": the report's title and today's date."""
        return f"{slugify(self.page_title)}-{today():%Y-%m-%d}"

    @cached_property
    def extensions(self):
        return [hook() for hook in hooks.get_hooks(REPORT_COLUMNS_HOOK)]

    @cached_property
    def columns(self):
        title = TitleColumn("title", label=self.row_label, url_name="wagtailadmin_pages:edit")
        return [
            title,
            *self.review_columns,
            *(column for extension in self.extensions for column in extension.columns),
        ]

    def get_queryset(self):
        pages = with_source_status(self.get_due_pages().select_related("locale"))
        for extension in self.extensions:
            pages = extension.annotate(pages)
        return pages

    def get_due_pages(self):
        return due_for_review(
            articles_user_can_edit(self.request.user)
            .defer_streamfields()
            .select_related("medical_reviewer")
        )


class ConditionsDueReportView(ReviewDueReportView):
    page_title = "Conditions due for review"
    row_label = "Condition"
    model = ConditionPage
    filterset_class = ReviewedPageDueFilterSet
    index_url_name = "education_conditions_review_due"
    no_results_message = "No live condition page is overdue or due for review in the next 30 days."
    list_export = [name for name in ReviewDueReportView.list_export if name != "imported_from"]

    def get_due_pages(self):
        pages = articles_user_can_edit(self.request.user, self.model)
        return due_for_review(pages.select_related("medical_reviewer"))


class TreatmentsDueReportView(ConditionsDueReportView):
    page_title = "Treatments due for review"
    row_label = "Treatment"
    model = TreatmentPage
    filterset_class = TreatmentsDueFilterSet
    index_url_name = "education_treatments_review_due"
    no_results_message = "No live treatment page is overdue or due for review in the next 30 days."


class OverdueArticlesPanel(Component):
    """Dashboard: how many live articles are past their review date, linking to the report."""

    name = "overdue_articles"
    template_name = "education/reports/overdue_articles_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        on = today()
        articles = articles_user_can_edit(self.user)
        return {
            "overdue_count": overdue(articles, on).count(),
            "due_soon_count": due_for_review(articles, on).filter(next_review_due__gte=on).count(),
            "report_url": reverse("education_review_due"),
            "overdue_url": reverse("education_review_due") + f"?status={OVERDUE}",
        }


def user_can_see_review_report(user):
    return PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])
