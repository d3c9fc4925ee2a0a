"""The addresses under /admin/sign-in-factors/ (the admin's, so only staff reach them); the
passkey ceremony's are in passkeys.py, under their own namespace."""

from django.urls import path

from .account_views import FactorsView, RecoveryCodesView, ResetView
from .gate import open_before_second_factor
from .reports import AuditReportView, FactorsReportView
from .sign_in_views import EnrollView, RecoveryCodeView, SkipView, VerifyView

app_name = "staff_auth"
urlpatterns = [
    # Before the second factor: the steps that lead to it.
    path("verify/", open_before_second_factor(VerifyView.as_view()), name="verify"),
    path(
        "verify/recovery-code/",
        open_before_second_factor(RecoveryCodeView.as_view()),
        name="recovery_code",
    ),
    path("add/", open_before_second_factor(EnrollView.as_view()), name="enroll"),
    path("skip/", open_before_second_factor(SkipView.as_view()), name="skip"),
    # After it.
    path("", FactorsView.as_view(), name="factors"),
    path("recovery-codes/", RecoveryCodesView.as_view(), name="recovery_codes"),
    path("reset/<int:user_id>/", ResetView.as_view(), name="reset"),
    path("staff/", FactorsReportView.as_view(), name="report"),
    path("staff/results/", FactorsReportView.as_view(results_only=True), name="report_results"),
    path("audit/", AuditReportView.as_view(), name="audit"),
    path("audit/results/", AuditReportView.as_view(results_only=True), name="audit_results"),
]
