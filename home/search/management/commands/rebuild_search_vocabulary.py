from django.core.management.base import BaseCommand

from home.search.spelling import rebuild_vocabulary


class Command(BaseCommand):
    help = (
        "Rebuild the spelling vocabulary behind 'Did you mean' from page titles, topics and "
        "synonyms. Publishing keeps it current; run this after an import or a restore."
    )

    def handle(self, *args, **options):
        count = rebuild_vocabulary()
        self.stdout.write(f"The spelling vocabulary has {count} words.")
