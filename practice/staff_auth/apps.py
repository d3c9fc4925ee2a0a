from django.apps import AppConfig


class StaffAuthConfig(AppConfig):
    name = "practice.staff_auth"
    label = "staff_auth"
    verbose_name = "Staff sign-in"

    def ready(self):
        from . import audit

        audit.connect_signals()
