"""The first-run checklist: what the first administrator still has to set up, each item with a
link to where it is done. On superusers' dashboards until every item is done.

Every staff group starts empty, so nobody is emailed about new comments or requests, and
nothing else told the first administrator what was left; this does.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from education.models import ClinicianIndexPage, ClinicianPage
from education.review import MEDICAL_REVIEWERS
from pages.consultation.models import ConsultationFormPage
from pages.models import NoticePage
from pages.notice_reviews import notices_to_review
from practice.models import PracticeSettings
from practice.site_url import LOOPBACK_HOSTS

FRONT_DESK = "Front desk"
COMMENT_MODERATORS = "Comment moderators"


@dataclass
class Item:
    label: str
    done: bool
    url: str
    how: str


def site_address_item():
    parts = urlsplit(settings.SITE_URL)
    public = parts.scheme == "https" and parts.hostname not in LOOPBACK_HOSTS
    return Item(
        "Set the public site address",
        public,
        reverse("wagtailsites:index"),
        f"SITE_URL is {settings.SITE_URL}: set it on the server to the site's https address "
        "(docs/deployment.md). Links in emails, feeds and search engines use it.",
    )


def reviewer_item():
    linked = ClinicianPage.objects.filter(user__groups__name=MEDICAL_REVIEWERS).exists()
    index = ClinicianIndexPage.objects.first()
    url = (
        reverse("wagtailadmin_explore", args=[index.pk]) if index else reverse("wagtailadmin_home")
    )
    return Item(
        "Link a medical reviewer to their clinician profile",
        linked,
        url,
        "Open the reviewer's clinician profile and choose their login under “admin account”: "
        "their approvals then name them as the medical reviewer.",
    )


def group_item(name, why):
    group = Group.objects.filter(name=name).first()
    has_members = group is not None and group.user_set.filter(is_active=True).exists()
    return Item(
        f"Add members to the {name} group",
        has_members,
        reverse("wagtailusers_users:index"),
        f"Add people to “{name}” from their account under Settings → Users: {why}",
    )


def office_email_item(site):
    practice = PracticeSettings.for_site(site)
    forms_without_address = ConsultationFormPage.objects.filter(to_address="")
    done = bool(practice.email) and not forms_without_address.exists()
    if not practice.email:
        url = reverse("wagtailsettings:edit", args=["practice", "practicesettings", site.pk])
    elif (form_page := forms_without_address.first()) is not None:
        url = reverse("wagtailadmin_pages:edit", args=[form_page.pk])
    else:
        url = reverse("wagtailadmin_home")
    return Item(
        "Set the office email addresses",
        done,
        url,
        "The practice's email address (Settings → Practice details) and, on the consultation "
        "page, the addresses told when a request arrives (never with the patient's details).",
    )


def legal_notices_item():
    """The notices the dashboard's notices panel lists as needing review (one rule for both:
    pages/notice_reviews.py). Only on a site that has notices."""
    if not NoticePage.objects.live().exists():
        return None
    first = notices_to_review().order_by("path").first()
    return Item(
        "Review the legal notices",
        first is None,
        reverse("wagtailadmin_pages:edit", args=[first.pk]) if first else "",
        "Read each notice (nondiscrimination, privacy practices, accessibility), correct it "
        "for the practice, set its review dates and publish it.",
    )


def checklist():
    site = Site.objects.filter(is_default_site=True).first()
    items = [
        site_address_item(),
        reviewer_item(),
        group_item(FRONT_DESK, "they read and answer consultation requests."),
        group_item(COMMENT_MODERATORS, "they are emailed about new comments and approve them."),
        office_email_item(site) if site else None,
        legal_notices_item(),
    ]
    return [item for item in items if item is not None]


class SetupChecklistPanel(Component):
    name = "setup_checklist"
    template_name = "home/setup_checklist_panel.html"
    order = 10  # first: until it is done, the site is not ready

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items, "left": sum(not item.done for item in self.items)}


def add_setup_checklist(request, panels):
    """construct_homepage_panels hook: superusers only, and only while something is left."""
    if not request.user.is_superuser:
        return
    items = checklist()
    if not all(item.done for item in items):
        panels.append(SetupChecklistPanel(items))
