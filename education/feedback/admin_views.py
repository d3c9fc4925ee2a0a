"""Patient feedback in the admin: counts in the review-due report, and a page's own feedback
(counts and the latest reasons) for anyone who may edit that page."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .models import PageFeedback

LATEST_REASONS = 50


def count_of(helpful):
    counts = (
        PageFeedback.objects.filter(page=OuterRef("pk"), helpful=helpful)
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)


class FeedbackReportColumns:
    """For education's review-due report: how many found each page helpful, and not."""

    columns = [
        Column("feedback_helpful", label="Helpful"),
        Column("feedback_not_helpful", label="Not helpful"),
    ]

    def annotate(self, queryset):
        return queryset.annotate(
            feedback_helpful=count_of(True), feedback_not_helpful=count_of(False)
        )


class PageFeedbackView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "feedback/admin/page_feedback.html"
    header_icon = "help"
    page_title = "Patient feedback"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id)
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, page_id=page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_context_data(self, **kwargs):
        feedback = PageFeedback.objects.filter(page=self.page)
        counts = feedback.aggregate(
            found_helpful=Count("pk", filter=Q(helpful=True)),
            found_not_helpful=Count("pk", filter=Q(helpful=False)),
        )
        reasons = feedback.exclude(reason="").order_by("-created_at")[:LATEST_REASONS]
        return super().get_context_data(page=self.page, counts=counts, reasons=reasons, **kwargs)
