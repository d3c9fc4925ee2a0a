"""Two admin reports: the staff sign-in audit (every event of staff_auth.audit, and those other
apps add through the `register_audit_report_actions` hook, such as consultation request
exports), and which sign-in factors each staff member has, with the reset button."""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.forms import CheckboxSelectMultiple
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from .account_views import MANAGE_USERS_PERMISSION, may_reset
from .audit import FORMATTERS

AUDIT_ACTIONS_HOOK = "register_audit_report_actions"


def audited_actions():
    """Our sign-in events, and the action names other apps' hooks return."""
    actions = list(FORMATTERS)
    for hook in hooks.get_hooks(AUDIT_ACTIONS_HOOK):
        actions.extend(hook())
    return actions


class AuditFilterSet(WagtailFilterSet):
    action = django_filters.MultipleChoiceFilter(label="Event", widget=CheckboxSelectMultiple)
    person = django_filters.ModelMultipleChoiceFilter(
        label="Staff member",
        method="filter_person",
        widget=CheckboxSelectMultiple,
        queryset=lambda request: get_user_model().objects.order_by("username"),
    )
    timestamp = django_filters.DateFromToRangeFilter(label="Date", widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        audited = set(audited_actions())
        choices = [choice for choice in registry.get_choices() if choice[0] in audited]
        self.filters["action"].extra["choices"] = choices

    def filter_person(self, queryset, name, people):
        """What a person did, and what happened to their account (a wrong password for it)."""
        if not people:
            return queryset
        match = Q(user__in=people)
        if queryset.model is ModelLogEntry:
            match |= Q(
                content_type=ContentType.objects.get_for_model(get_user_model()),
                object_id__in=[str(person.pk) for person in people],
            )
        return queryset.filter(match)


class SuperusersOnly:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AuditReportView(SuperusersOnly, LogEntriesView):
    """Wagtail's site history, narrowed to sign-in events and request exports."""

    page_title = "Staff sign-in audit"
    header_icon = "key"
    results_template_name = "staff_auth/audit_report_results.html"
    filterset_class = AuditFilterSet
    index_url_name = "staff_auth:audit"
    index_results_url_name = "staff_auth:audit_results"

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset.filter(action__in=audited_actions()))

    def get_filename(self):
        return "staff-sign-in-" + super().get_filename()


class FactorsFilterSet(WagtailFilterSet):
    factor = django_filters.ChoiceFilter(
        label="Second factor",
        method="filter_factor",
        empty_label="Everyone",
        choices=[("none", "No passkey or app yet")],
    )

    class Meta:
        model = get_user_model()
        fields = ["factor"]

    def filter_factor(self, queryset, name, value):
        if value != "none":
            return queryset
        app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        passkey = WebAuthnCredential.objects.filter(user=OuterRef("pk"), confirmed=True)
        return queryset.exclude(Exists(app)).exclude(Exists(passkey))


def counts(model, field, people, **filters):
    rows = model.objects.filter(**{f"{field}__in": people}, **filters).values(field)
    return dict(rows.annotate(count=Count("pk")).values_list(field, "count"))


class FactorsReportView(ReportView):
    """Active staff with how many passkeys, apps and recovery codes each has."""

    page_title = "Sign-in factors of staff"
    header_icon = "key"
    results_template_name = "staff_auth/factors_report_results.html"
    filterset_class = FactorsFilterSet
    index_url_name = "staff_auth:report"
    index_results_url_name = "staff_auth:report_results"
    list_export = []

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MANAGE_USERS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return get_user_model().objects.filter(is_active=True).order_by("username")

    def decorate_paginated_queryset(self, people):
        people = list(people)
        ids = [person.pk for person in people]
        passkeys = counts(WebAuthnCredential, "user", ids, confirmed=True)
        apps = counts(TOTPDevice, "user", ids, confirmed=True)
        codes = counts(StaticToken, "device__user", ids)
        for person in people:
            person.passkey_count = passkeys.get(person.pk, 0)
            person.app_count = apps.get(person.pk, 0)
            person.recovery_codes_left = codes.get(person.pk, 0)
            person.may_reset = may_reset(self.request.user, person)
        return people
