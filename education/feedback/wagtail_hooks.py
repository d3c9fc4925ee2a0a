"""Where staff see patient feedback: the review-due report and each page's own view."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from education.reports import REPORT_COLUMNS_HOOK

from .admin_views import FeedbackReportColumns, PageFeedbackView
from .pages import asks_for_feedback


@hooks.register("register_admin_urls")
def feedback_urls():
    return [path("feedback/page/<int:page_id>/", PageFeedbackView.as_view(), name="page_feedback")]


@hooks.register(REPORT_COLUMNS_HOOK)
def feedback_report_columns():
    return FeedbackReportColumns()


def feedback_button(page, user):
    if asks_for_feedback(page) and page.permissions_for_user(user).can_edit():
        yield Button("Patient feedback", reverse("page_feedback", args=[page.pk]), priority=60)


@hooks.register("register_page_header_buttons")
def page_header_feedback_button(page, user, view_name=None, next_url=None):
    yield from feedback_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_feedback_button(page, user, next_url=None):
    yield from feedback_button(page, user)
