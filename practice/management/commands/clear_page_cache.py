from django.core.management.base import BaseCommand

from practice.cache import invalidate_all


class Command(BaseCommand):
    help = "Forgets every page in the full-page cache (run after deploying new templates)."

    def handle(self, *args, **options):
        invalidate_all("clear_page_cache command")
        self.stdout.write("The page cache was cleared; pages are rendered afresh.")
