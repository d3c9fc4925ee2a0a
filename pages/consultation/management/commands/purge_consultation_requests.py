from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from pages.consultation import audit
from pages.consultation.models import ConsultationFormPage, ConsultationRequest


class Command(BaseCommand):
    help = (
        "Deletes consultation requests older than the retention period (the "
        "CONSULTATION_RETENTION_DAYS setting unless --older-than is given). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="DAYS",
            default=settings.CONSULTATION_RETENTION_DAYS,
            help="Delete requests received more than DAYS days ago "
            f"(default: {settings.CONSULTATION_RETENTION_DAYS}).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the requests that would be deleted.",
        )

    def handle(self, *args, older_than, dry_run, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more days.")
        cutoff = timezone.now() - timedelta(days=older_than)
        old_requests = ConsultationRequest.objects.filter(submit_time__lt=cutoff)
        local_cutoff = timezone.localtime(cutoff)
        when = f"older than {older_than} days (received before {local_cutoff:%Y-%m-%d %H:%M %Z})"

        if dry_run:
            count = old_requests.count()
            self.stdout.write(f"Would delete {count} consultation request(s) {when}.")
            return

        with transaction.atomic():
            counts_by_page = dict(
                old_requests.values_list("page").annotate(count=Count("pk")).order_by()
            )
            count, _ = old_requests.delete()
            # Deleting is an access to patient data too: the audit log says what went, and why.
            for page in ConsultationFormPage.objects.filter(pk__in=counts_by_page):
                audit.log_purged(page, counts_by_page[page.pk], older_than)
        self.stdout.write(self.style.SUCCESS(f"Deleted {count} consultation request(s) {when}."))
