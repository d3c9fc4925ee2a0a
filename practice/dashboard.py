"""Dashboard panels: for everyone who edits pages, their own drafts, changes not yet published;
for those who can act on it, a warning that email is not being delivered.

Wagtail's own panels list the pages each person has in a workflow ("Your pages and snippets in a
workflow") and those waiting for their review; this adds what they started and have not yet
sent on, so the dashboard answers "what needs me today"."""

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type

from .mail import LONGEST_WAIT, MAIL_ATTEMPTS, delivery_trouble

MY_DRAFTS_LIMIT = 10


def drafts_of(user):
    """Pages whose latest change is `user`'s and is neither published nor in a workflow,
    most recent first."""
    in_workflow = WorkflowState.objects.active().filter(
        base_content_type=get_default_page_content_type(),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    return (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .exclude(Exists(in_workflow))
        .order_by("-latest_revision_created_at")
    )


class MyDraftsPanel(Component):
    name = "my_drafts"
    template_name = "practice/my_drafts_panel.html"
    order = 205  # just before Wagtail's "Your pages and snippets in a workflow"

    def __init__(self, drafts):
        self.drafts = drafts

    def get_context_data(self, parent_context):
        return {"drafts": self.drafts}


def add_my_drafts_panel(request, panels):
    """construct_homepage_panels hook: only for people with drafts of their own."""
    drafts = list(drafts_of(request.user)[:MY_DRAFTS_LIMIT])
    if drafts:
        panels.append(MyDraftsPanel(drafts))


class MailTroublePanel(Component):
    """What fails and since when, without a word of any message: no address, no subject."""

    name = "mail_trouble"
    template_name = "practice/mail_trouble_panel.html"
    order = 20  # near the top: the office hears of no consultation request meanwhile

    def __init__(self, trouble):
        self.trouble = trouble

    def get_context_data(self, parent_context):
        smtp = settings.EMAIL_DELIVERY_BACKEND.endswith(".smtp.EmailBackend")
        return {
            "trouble": self.trouble,
            "attempts": MAIL_ATTEMPTS,
            "longest_wait_minutes": int(LONGEST_WAIT.total_seconds() // 60),
            "mail_server": f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}" if smtp else "",
        }


def can_fix_mail(user):
    """Superusers, and whoever manages the site's settings (the practice's details)."""
    return user.is_superuser or user.has_perm("practice.change_practicesettings")


def add_mail_trouble_panel(request, panels):
    """construct_homepage_panels hook: only while email is failing, for those who can act."""
    if can_fix_mail(request.user) and (trouble := delivery_trouble()):
        panels.append(MailTroublePanel(trouble))
