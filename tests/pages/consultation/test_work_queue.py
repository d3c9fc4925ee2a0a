"""Consultation requests as the front desk's work queue: status, assignee, notes, filters,
short columns, links to call or write, local times, one menu entry and the dashboard."""

import csv
import datetime
import io
import re
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from pages.consultation import audit
from pages.consultation.models import ConsultationRequest, Status
from pages.consultation.panels import waiting_age
from tests.factories import ConsultationRequestFactory, UserFactory
from tests.helpers import mail_sent

from .helpers import VALID_ANSWERS

pytestmark = pytest.mark.django_db

# 12:14 a.m. on November 29 in New York is 5:14 a.m. UTC.
SUBMITTED_UTC = datetime.datetime(2026, 11, 29, 5, 14, 8, 921455, tzinfo=datetime.UTC)


@pytest.fixture
def waiting_request(consultation_page):
    item = ConsultationRequestFactory(
        page=consultation_page, form_data={**VALID_ANSWERS, "consent": True}
    )
    ConsultationRequest.objects.filter(pk=item.pk).update(submit_time=SUBMITTED_UTC)
    item.refresh_from_db()
    return item


@pytest.fixture
def colleague(db):
    return UserFactory(username="ana", first_name="Ana", last_name="Reyes", groups=["Front desk"])


def list_url(page, query=""):
    return reverse("wagtailforms:list_submissions", args=[page.pk]) + query


def detail_url(item):
    return reverse("consultation_requests:detail", args=[item.pk])


def entries(action):
    return list(PageLogEntry.objects.filter(action=action).order_by("pk"))


def test_the_list_has_seven_columns_links_and_local_times(
    client, front_desk_user, consultation_page, waiting_request
):
    client.force_login(front_desk_user)
    html = client.get(list_url(consultation_page)).content.decode()
    table = html[html.index("consultation-queue__table") :]
    headings = re.findall(r'<th scope="col">(?:<input[^>]*> )?([^<]+)</th>', table)
    assert headings == [
        "Request",
        "Received",
        "Status",
        "Name",
        "How to reach them",
        "What it is about",
        "Assigned to",
    ]
    header = html.split("<header")[1].split("</header>")[0]
    assert "Consultation requests" in header and "Request a consultation" not in header
    assert "I agree that the practice may store" not in html  # the consent is on the detail
    # A name wraps between its words only (never at its hyphen).
    assert '<span class="consultation-queue__word">Quintero-Hale</span>' in html
    assert '<li class="consultation-queue__one-line">Phone</li>' in html  # as they asked
    assert '<a href="tel:5552017788" title="(555) 201-7788">(555) 201-7788</a>' in html
    assert f'<a href="mailto:{VALID_ANSWERS["email"]}"' in html
    assert "Nov 29, 2026<br>12:14 a.m." in html
    assert VALID_ANSWERS["reason"] in html  # short enough to read whole
    assert ">New</span>" in html


def test_a_long_reason_is_cut_in_the_list_and_whole_on_the_request(
    client, front_desk_user, consultation_page, waiting_request
):
    reason = " ".join(f"word{number}" for number in range(40))
    waiting_request.form_data["reason"] = reason
    waiting_request.save()
    client.force_login(front_desk_user)
    html = client.get(list_url(consultation_page)).content.decode()
    assert "word11…" in html and "word12" not in html
    assert reason in client.get(detail_url(waiting_request)).content.decode()


def test_the_front_desk_changes_status_assignee_and_adds_a_note(
    client, front_desk_user, colleague, waiting_request, mailoutbox
):
    client.force_login(front_desk_user)
    with mail_sent():
        response = client.post(
            detail_url(waiting_request),
            {"status": "contacted", "assignee": colleague.pk, "note": "Left a voicemail at 9:10."},
        )
    assert response.status_code == 303

    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.CONTACTED
    assert waiting_request.assignee == colleague
    [note] = waiting_request.notes.all()
    assert (note.author, note.text) == (front_desk_user, "Left a voicemail at 9:10.")

    [status_entry] = entries(audit.STATUS_CHANGED)
    assert status_entry.user == front_desk_user
    assert status_entry.message == f"Consultation request {waiting_request.pk}: New → Contacted"
    assert entries(audit.ASSIGNED)[0].data["assignee"] == "Ana Reyes"
    [note_entry] = entries(audit.NOTE_ADDED)
    assert "voicemail" not in str(note_entry.data)  # the log says a note was added, not what
    assert mailoutbox == []  # nothing from a request is ever emailed

    page = client.get(detail_url(waiting_request)).content.decode()
    assert "Left a voicemail at 9:10." in page
    assert "<strong>Contacted</strong>" in page
    history = page.split("<h2>History</h2>")[1].split("</ol>")[0]
    assert history.count("<li>") == 4  # received, then the three changes, oldest first
    assert history.index("received") < history.index("New → Contacted")
    assert f"assigned to Ana Reyes, by {front_desk_user.get_username()}" in history
    # The history tells only this request's story.
    other = ConsultationRequestFactory(page=waiting_request.page, form_data={})
    other_page = client.get(detail_url(other)).content.decode()
    assert other_page.split("<h2>History</h2>")[1].split("</ol>")[0].count("<li>") == 1


def test_saving_without_changes_logs_nothing(client, front_desk_user, waiting_request):
    client.force_login(front_desk_user)
    client.post(detail_url(waiting_request), {"status": "new", "assignee": "", "note": "  "})
    assert entries(audit.STATUS_CHANGED) == entries(audit.NOTE_ADDED) == []
    assert waiting_request.notes.count() == 0


@pytest.mark.parametrize(
    "data, message",
    [
        ({"status": "new", "note": "x" * 5000}, "A note must be 2,000 characters or fewer"),
        ({"status": "new", "note": "call\x00back"}, "Null characters are not allowed"),
        ({"status": "<script>", "note": ""}, "Select a valid choice"),
        ({"status": "new", "assignee": "99999"}, "Select a valid choice"),
    ],
)
def test_bad_changes_are_refused_with_a_message(
    client, front_desk_user, waiting_request, data, message
):
    client.force_login(front_desk_user)
    response = client.post(detail_url(waiting_request), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.NEW
    assert waiting_request.notes.count() == 0


def test_an_editor_cannot_change_a_request(client, editor, waiting_request):
    client.force_login(editor)
    response = client.post(detail_url(waiting_request), {"status": "booked", "note": "x"})
    assert response.status_code in (302, 403)
    waiting_request.refresh_from_db()
    assert waiting_request.status == Status.NEW
    assert entries(audit.STATUS_CHANGED) == []


def test_filters_by_status_and_assignee(
    client, front_desk_user, colleague, consultation_page, waiting_request
):
    booked = ConsultationRequestFactory(
        page=consultation_page,
        form_data={**VALID_ANSWERS, "full_name": "Theo Okafor"},
        status=Status.BOOKED,
        assignee=colleague,
    )
    client.force_login(front_desk_user)
    html = client.get(list_url(consultation_page, "?status=booked")).content.decode()
    assert f"#{booked.pk}<" in html and f"#{waiting_request.pk}<" not in html
    html = client.get(list_url(consultation_page, f"?assignee={colleague.pk}")).content.decode()
    assert f"#{booked.pk}<" in html and f"#{waiting_request.pk}<" not in html
    html = client.get(list_url(consultation_page, "?assignee=null")).content.decode()
    assert f"#{waiting_request.pk}<" in html and f"#{booked.pk}<" not in html
    for bad in ("?status=bogus", "?assignee=abc", "?status=new&status=booked", "?date_from=x"):
        assert client.get(list_url(consultation_page, bad)).status_code in (200, 400), bad


def test_exports_show_local_times_to_the_minute_and_the_status(
    client, front_desk_user, consultation_page, waiting_request
):
    client.force_login(front_desk_user)
    response = client.get(list_url(consultation_page, "?export=csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][:3] == [str(waiting_request.pk), "2026-11-29 00:14", "New"]
    assert "Yes" in rows[1]  # consent

    response = client.get(list_url(consultation_page, "?export=xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = list(sheet.values)[:2]
    assert header[1] == "Received (New York time)"
    assert row[1] == datetime.datetime(2026, 11, 29, 0, 14)
    assert row[2] == "New"


def test_the_time_zone_is_the_practices(settings):
    assert settings.TIME_ZONE == "America/New_York"
    assert SUBMITTED_UTC.astimezone(ZoneInfo(settings.TIME_ZONE)).hour == 0


def test_one_menu_entry_for_requests(client, superuser, consultation_page):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert "/admin/consultation-requests/" in html
    assert '"/admin/forms/"' not in html


def test_the_dashboard_counts_new_requests_and_the_oldest_wait(
    client, front_desk_user, waiting_request
):
    client.force_login(front_desk_user)
    html = client.get("/admin/").content.decode()
    assert "1 new request</strong>" in html
    assert "The oldest has waited" in html
    assert "/admin/consultation-requests/?status=new" in html


def test_the_dashboard_link_keeps_its_filter(client, front_desk_user, consultation_page):
    client.force_login(front_desk_user)
    response = client.get(reverse("consultation_requests:index") + "?status=new")
    assert response["Location"] == list_url(consultation_page, "?status=new")


def test_waiting_age_reads_in_the_largest_whole_unit():
    now = SUBMITTED_UTC
    assert waiting_age(now - datetime.timedelta(minutes=1), now) == "1 minute"
    assert waiting_age(now - datetime.timedelta(hours=5, minutes=3), now) == "5 hours"
    assert waiting_age(now - datetime.timedelta(days=3, hours=2), now) == "3 days"
    assert waiting_age(now - datetime.timedelta(seconds=20), now) == "less than a minute"
    assert waiting_age(now + datetime.timedelta(minutes=1), now) == "less than a minute"
