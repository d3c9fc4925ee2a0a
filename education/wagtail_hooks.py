"""Admin customisation for patient education: the topics and languages snippets, the rule that keeps
clinicians named on live articles, the medical review report, dashboard panel and log entries,
and the article listing's columns."""

from functools import partial

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageListingMixin
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .approval import REVIEWER_MISSING
from .choosers import choose_clinician
from .editor_views import MedicallyReviewedEditView
from .models import ArticlePage, ClinicianPage, ConditionPage, Language, Topic, TreatmentPage
from .reports import (
    ConditionsDueReportView,
    OverdueArticlesPanel,
    ReviewDueReportView,
    TreatmentsDueReportView,
    user_can_see_review_report,
)
from .review import (
    MINOR_EDIT_PUBLISHED,
    RECORD_REVIEW_PERMISSION,
    REVIEW_RECORDED,
    MedicalReviewLogFormatter,
    MinorEditLogFormatter,
)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["name"]


register_snippet(TopicViewSet)


class LanguageViewSet(SnippetViewSet):
    """Languages clinicians speak: ticked on each profile, offered as a directory filter."""

    model = Language
    icon = "globe"
    menu_label = "Languages"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["name"]


register_snippet(LanguageViewSet)


def live_articles_by(clinicians):
    """Live articles written or medically reviewed by any of `clinicians`, by title."""
    clinician_ids = [clinician.pk for clinician in clinicians]
    written = ArticlePage.objects.live().filter(article_authors__clinician__in=clinician_ids)
    reviewed = ArticlePage.objects.live().filter(medical_reviewer__in=clinician_ids)
    return (written | reviewed).distinct().order_by("title")


@hooks.register("before_delete_page")
def refuse_to_delete_authors_of_live_articles(request, page):
    """A clinician's profile cannot go while live articles still name them: the bylines and
    medical reviews of those articles would silently change. Deleting a section that contains
    such a profile is refused the same way."""
    clinicians = ClinicianPage.objects.descendant_of(page, inclusive=True)
    articles = list(live_articles_by(clinicians))
    if not articles:
        return None
    messages.error(
        request,
        format_html(
            "“{}” cannot be deleted: it is named as author or medical reviewer of these live "
            "articles: {}. Choose another author or reviewer for them, or unpublish them, "
            "first.",
            page.get_admin_display_title(),
            format_html_join(", ", "“{}”", ((article.title,) for article in articles)),
        ),
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


# --- Medical review ---


# (address, view) of each "due for review" report, in the order of the reports menu.
REVIEW_DUE_REPORTS = [
    ("articles-due-for-review", ReviewDueReportView),
    ("conditions-due-for-review", ConditionsDueReportView),
    ("treatments-due-for-review", TreatmentsDueReportView),
]
# Where the first of them stands in the reports menu; the others follow.
REVIEW_DUE_MENU_ORDER = 50


@hooks.register("register_admin_urls")
def review_due_report_urls():
    urls = []
    for address, view in REVIEW_DUE_REPORTS:
        urls += [
            path(f"reports/{address}/", view.as_view(), name=view.index_url_name),
            path(
                f"reports/{address}/results/",
                view.as_view(results_only=True),
                name=f"{view.index_url_name}_results",
            ),
        ]
    return urls + [
        path(
            "medical-review/<int:page_id>/needs-a-reviewer/",
            reviewer_missing,
            name="education_reviewer_missing",
        ),
        path(
            "choose-clinician/<int:start_page_id>/",
            choose_clinician,
            name="education_choose_clinician",
        ),
        path(
            "choose-clinician/<int:start_page_id>/<int:parent_page_id>/",
            choose_clinician,
            name="education_choose_clinician_child",
        ),
    ]


def reviewer_missing(request, page_id):
    """Where a refused approval lands (MedicalReviewTask.on_action): the reason, then the
    editor, whose "Medical review" tab names the reviewer. Says nothing about the page."""
    messages.error(request, REVIEWER_MISSING)
    return redirect("wagtailadmin_pages:edit", page_id)


class ReviewDueMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_review_report(request.user)


def review_due_menu_item(view, order):
    return ReviewDueMenuItem(
        view.page_title, reverse(view.index_url_name), icon_name=view.header_icon, order=order
    )


# The hook takes one function an item: one for each report.
for _order, (_address, _view) in enumerate(REVIEW_DUE_REPORTS, start=REVIEW_DUE_MENU_ORDER):
    hooks.register("register_reports_menu_item", partial(review_due_menu_item, _view, _order))


@hooks.register("construct_homepage_panels")
def overdue_articles_panel(request, panels):
    # On the dashboard of those who can act on it: a review is recorded by a medical reviewer.
    if request.user.has_perm(RECORD_REVIEW_PERMISSION):
        panels.append(OverdueArticlesPanel(request.user))


@hooks.register("register_log_actions")
def medical_review_log_actions(actions):
    actions.register_action(REVIEW_RECORDED)(MedicalReviewLogFormatter)
    actions.register_action(MINOR_EDIT_PUBLISHED)(MinorEditLogFormatter)


class ArticlePageViewSet(PageViewSet):
    """The article index's listing in the page explorer, with each article's reading grade
    and next review date beside its status."""

    model = ArticlePage
    edit_view_class = MedicallyReviewedEditView
    columns = [
        *(column for column in PageListingMixin.base_columns if column.name != "type"),
        Column("reading_grade", label="Reading grade", sort_key="reading_grade", width="10%"),
        # Past the date, editors read what patients read: the page is being reviewed.
        Column(
            "review_listing_note",
            label="Next review due",
            sort_key="next_review_due",
            width="16%",
        ),
    ]


@hooks.register("register_admin_viewset")
def article_page_viewset():
    return ArticlePageViewSet()


class MedicallyReviewedPageViewSet(PageViewSet):
    """Conditions and treatments: Wagtail's page views, with the article's editor view (a
    refused approval says why, once)."""

    edit_view_class = MedicallyReviewedEditView


@hooks.register("register_admin_viewset")
def condition_page_viewset():
    return MedicallyReviewedPageViewSet(model=ConditionPage)


@hooks.register("register_admin_viewset")
def treatment_page_viewset():
    return MedicallyReviewedPageViewSet(model=TreatmentPage)
