from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageLogEntry

from pages.consultation import audit
from pages.consultation.models import ConsultationRequest
from tests.factories import ConsultationRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests_of_age(consultation_page):
    """One request for each age, in days."""

    def create(*ages):
        now = timezone.now()
        for age in ages:
            stored = ConsultationRequestFactory(page=consultation_page)
            ConsultationRequest.objects.filter(pk=stored.pk).update(
                submit_time=now - timedelta(days=age)
            )

    return create


def purge(*args):
    out = StringIO()
    call_command("purge_consultation_requests", *args, stdout=out)
    return out.getvalue()


def test_requests_older_than_the_given_days_are_deleted(requests_of_age):
    requests_of_age(5, 29, 31, 400)

    output = purge("--older-than", "30")

    assert "Deleted 2 consultation request(s) older than 30 days" in output
    remaining = ConsultationRequest.objects.order_by("-submit_time")
    assert [(timezone.now() - r.submit_time).days for r in remaining] == [5, 29]


def test_a_dry_run_only_counts(requests_of_age):
    requests_of_age(10, 50, 60)

    output = purge("--older-than", "30", "--dry-run")

    assert "Would delete 2 consultation request(s) older than 30 days" in output
    assert ConsultationRequest.objects.count() == 3
    assert not PageLogEntry.objects.filter(action=audit.PURGED).exists()


def test_the_default_retention_comes_from_the_setting(requests_of_age):
    requests_of_age(100, 364, 366)
    assert "Deleted 1 consultation request(s) older than 365 days" in purge()
    with override_settings(CONSULTATION_RETENTION_DAYS=90):
        assert "Deleted 2 consultation request(s) older than 90 days" in purge()
    assert not ConsultationRequest.objects.exists()


def test_a_purge_is_recorded_in_the_audit_log(requests_of_age, consultation_page):
    requests_of_age(400, 500)
    purge()
    [entry] = PageLogEntry.objects.filter(action=audit.PURGED)
    assert entry.page_id == consultation_page.pk
    assert entry.user is None
    assert entry.data == {"count": 2, "older_than_days": 365}
    assert entry.message == "Deleted 2 consultation requests older than 365 days (retention policy)"


def test_nothing_to_purge_is_reported_plainly(consultation_page):
    assert "Deleted 0 consultation request(s)" in purge()
    assert not PageLogEntry.objects.filter(action=audit.PURGED).exists()
