"""Who may read consultation requests, where staff find them, and the audit log actions."""

from django.db.models import Q
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.forms.views import FormPagesListView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from practice.log_actions import register_formatters

from . import admin_urls, audit
from .models import ConsultationFormPage
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
def hide_forms_menu_from_staff_without_page_permissions(request, menu_items):
    # Wagtail shows "Forms" to anyone who can read a form's submissions, but its index needs a
    # page permission the front desk does not have: they use "Consultation requests" instead.
    can_open_forms_index = PagePermissionPolicy().user_has_any_permission(
        request.user, FormPagesListView.any_permission_required
    )
    if not can_open_forms_index:
        menu_items[:] = [item for item in menu_items if item.name != "forms"]


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    register_formatters(actions, audit.FORMATTERS)
