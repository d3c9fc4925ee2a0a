"""Who may read consultation requests, where staff find them, and the audit log actions."""

from django.db.models import Q
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from practice.log_actions import register_formatters

from . import admin_urls, audit
from .models import ConsultationFormPage
from .panels import NewRequestsPanel
from .views import consultation_pages_for_user

# Held by superusers and the Front desk group (see migrations): editors who can edit the page
# still cannot read what patients sent through it.
VIEW_REQUESTS_PERMISSION = "consultation.view_consultationrequest"


@hooks.register("filter_form_submissions_for_user")
def consultation_requests_for_front_desk_only(user, editable_forms):
    """Wagtail lets anyone who can edit a form page read its submissions. For consultation
    pages, the permission to view consultation requests decides instead, both ways."""
    other_forms = editable_forms.not_type(ConsultationFormPage)
    if not user.has_perm(VIEW_REQUESTS_PERMISSION):
        return other_forms
    consultation_pages = Page.objects.type(ConsultationFormPage)
    return Page.objects.filter(
        Q(pk__in=other_forms.values("pk")) | Q(pk__in=consultation_pages.values("pk"))
    )


@hooks.register("register_admin_urls")
def register_consultation_request_urls():
    return [path("consultation-requests/", include(admin_urls, namespace="consultation_requests"))]


class ConsultationRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return consultation_pages_for_user(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_consultation_requests_menu_item():
    return ConsultationRequestsMenuItem(
        "Consultation requests",
        reverse("consultation_requests:index"),
        name="consultation-requests",
        icon_name="mail",
        order=650,
    )


@hooks.register("construct_main_menu")
def one_menu_entry_for_consultation_requests(request, menu_items):
    """Wagtail's "Forms" lists the same consultation pages again, and its index needs a page
    permission the front desk does not have: while consultation pages are the only forms,
    "Consultation requests" is the one entry."""
    only_consultation_forms = all(
        content_type.model_class() is ConsultationFormPage for content_type in get_form_types()
    )
    if only_consultation_forms:
        menu_items[:] = [item for item in menu_items if item.name != "forms"]


@hooks.register("construct_homepage_panels")
def new_requests_panel(request, panels):
    form_pages = consultation_pages_for_user(request.user)
    if form_pages.exists():
        panels.append(NewRequestsPanel(form_pages))


@hooks.register("insert_global_admin_css")
def work_queue_css():
    return format_html('<link rel="stylesheet" href="{}">', static("consultation/css/admin.css"))


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    register_formatters(actions, audit.FORMATTERS)


@hooks.register("register_audit_report_actions")
def consultation_exports_in_the_staff_audit():
    """The staff sign-in audit (practice/staff_auth/) lists every export of requests."""
    return [audit.EXPORTED]
