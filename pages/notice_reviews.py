"""The dashboard panel that tells staff which required notices are due for review: a notice
past its review date may no longer match the law or the practice."""

import datetime

from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import NoticePage

DUE_SOON_DAYS = 30


def notices_to_review(on=None):
    """Live notices that need a person's review now: never published by anyone signed in here
    (only loaded with the site) or past their review date. The setup checklist and the
    notices panel both ask this, so they never disagree."""
    on = on or timezone.localdate()
    return NoticePage.objects.live().filter(
        Q(latest_revision__user__isnull=True) | Q(next_review_due__lt=on)
    )


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
        to_review = list(notices_to_review(today).order_by("next_review_due", "title"))
        waiting = {notice.pk for notice in to_review}
        return {
            "overdue": [n for n in to_review if n.next_review_due and n.next_review_due < today],
            "never_reviewed": [
                n for n in to_review if not (n.next_review_due and n.next_review_due < today)
            ],
            "due_soon": [n for n in notices_due(today) if n.pk not in waiting],
        }


def user_can_edit_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, ["change", "publish"])
