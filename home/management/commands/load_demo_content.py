from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from home import demo


class Command(BaseCommand):
    help = "Builds the demo practice site. Safe to run again: existing content is kept."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has pages of its own.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and self._site_has_content():
            self.stdout.write("The site already has content; demo content not loaded.")
            return
        with transaction.atomic():
            demo.build(log=lambda message: self.stdout.write(f"  {message}"))
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    def _site_has_content(self):
        # A fresh install has only the tree root and Wagtail's plain "Welcome" page.
        return Page.objects.filter(depth__gt=1).exclude(content_type__model="page").exists()
