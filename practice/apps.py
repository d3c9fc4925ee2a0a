from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "practice"
    verbose_name = "Practice"

    def ready(self):
        from .cache import connect_signals

        connect_signals()

        from .prerender import connect_signals as connect_prerender

        connect_prerender()

        from .frontend_cache import connect_signals as connect_frontend_cache

        connect_frontend_cache()

        from .staff_sessions import connect_signals as connect_staff_sessions

        connect_staff_sessions()

        from .view_restrictions import connect_signals as connect_view_restrictions

        connect_view_restrictions()

        from django.db.models.signals import post_migrate

        from . import checks, site_url  # noqa: F401  (they register their system checks)

        post_migrate.connect(site_url.apply_to_wagtail_site, sender=self)

        from django.core.signals import request_finished, request_started

        from .privacy import forget_protected_values

        request_started.connect(forget_protected_values, dispatch_uid="practice.privacy.start")
        request_finished.connect(forget_protected_values, dispatch_uid="practice.privacy.end")

        from .spreadsheets import neutralize_exports

        neutralize_exports()
