from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "home.search"
    label = "search"
    verbose_name = "Site search"

    def ready(self):
        from . import signals

        signals.connect()
