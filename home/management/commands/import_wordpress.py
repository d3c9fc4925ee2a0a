"""manage.py import_wordpress EXPORT.xml [--media UPLOADS_DIR] [--dry-run]

Imports what WordPress's Tools -> Export -> "All content" writes; see docs/wordpress.md.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.wordpress.destinations import ImportStopped
from home.wordpress.importer import run
from home.wordpress.wxr import ExportError


def uploads_folder(given):
    """The uploads folder, also when given the WordPress folder or wp-content above it."""
    for candidate in (given / "wp-content" / "uploads", given / "uploads", given):
        if candidate.is_dir() and (candidate is given or candidate.name == "uploads"):
            return candidate
    raise CommandError(f"The uploads folder {given} does not exist.")


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): authors, categories and tags, posts, pages, "
        "attachments and comments, with redirects from the old addresses. Running it again "
        "updates what it imported before instead of duplicating it."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file from Tools -> Export -> All content.")
        parser.add_argument(
            "--media",
            metavar="UPLOADS_DIR",
            help="The site's wp-content/uploads folder, copied from the old server.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created, updated or skipped, and write nothing.",
        )

    def handle(self, export, media=None, dry_run=False, verbosity=1, **options):
        path = Path(export)
        if not path.is_file():
            raise CommandError(f"There is no file {path}.")
        media_dir = uploads_folder(Path(media)) if media else None
        try:
            report = run(path, media_dir, dry_run, self.stdout.write, verbosity)
        except (ExportError, ImportStopped) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.summary())
