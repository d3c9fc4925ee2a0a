"""The dashboard panel that tells staff which required notices are due for review: a notice
past its review date may no longer match the law or the practice."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import NoticePage

DUE_SOON_DAYS = 30


def notices_due(on=None):
    """Live notices overdue or due within DUE_SOON_DAYS of `on`, soonest first."""
    on = on or timezone.localdate()
    horizon = on + datetime.timedelta(days=DUE_SOON_DAYS)
    return (
        NoticePage.objects.live()
        .filter(next_review_due__lte=horizon)
        .order_by("next_review_due", "title")
    )


class NoticesDuePanel(Component):
    name = "notices_due"
    template_name = "pages/panels/notices_due_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        notices = list(notices_due(today))
        return {
            "overdue": [notice for notice in notices if notice.next_review_due < today],
            "due_soon": [notice for notice in notices if notice.next_review_due >= today],
        }


def user_can_edit_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])
