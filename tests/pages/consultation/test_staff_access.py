"""Only superusers and the Front desk group read consultation requests, and every look at them
is written to the audit log."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageLogEntry

from pages.consultation import audit
from pages.consultation.models import ConsultationRequest
from tests.factories import ConsultationFormPageFactory, ConsultationRequestFactory

from .helpers import VALID_ANSWERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_requests(consultation_page):
    data = {**VALID_ANSWERS, "consent": True}
    return [
        ConsultationRequestFactory(page=consultation_page, form_data=data),
        ConsultationRequestFactory(
            page=consultation_page,
            form_data={**data, "full_name": "Theo Okafor", "reason": '=HYPERLINK("x")'},
        ),
    ]


def list_url(page):
    return reverse("wagtailforms:list_submissions", args=[page.pk])


def detail_url(submission):
    return reverse("consultation_requests:detail", args=[submission.pk])


def audit_entries(action):
    return list(PageLogEntry.objects.filter(action=action).order_by("id"))


@pytest.mark.parametrize("user_fixture", ["front_desk_user", "superuser"])
def test_front_desk_and_superusers_can_list_requests(
    client, request, consultation_page, stored_requests, user_fixture
):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get(list_url(consultation_page))
    assert response.status_code == 200
    html = response.content.decode()
    text = BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
    assert VALID_ANSWERS["full_name"] in text
    assert "Theo Okafor" in text
    assert f'href="{detail_url(stored_requests[0])}"' in html


def test_front_desk_can_read_one_request_in_full(client, front_desk_user, stored_requests):
    client.force_login(front_desk_user)
    response = client.get(detail_url(stored_requests[0]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Consultation request " + str(stored_requests[0].pk) in html
    assert "<strong>Reason for your visit</strong>" in html
    assert VALID_ANSWERS["reason"] in html


def test_front_desk_can_export_requests_as_csv(
    client, front_desk_user, consultation_page, stored_requests
):
    client.force_login(front_desk_user)
    response = client.get(list_url(consultation_page) + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:10] == [
        "Request",
        "Received (New York time)",
        "Status",
        "Assigned to",
        "Language",
        "Condition or treatment",
        "Clinician",
        "Location",
        "Full name",
        "Email address",
    ]
    assert [row[8] for row in rows[1:]] == [VALID_ANSWERS["full_name"], "Theo Okafor"]


def test_exported_answers_cannot_run_as_spreadsheet_formulas(
    client, front_desk_user, consultation_page, stored_requests
):
    client.force_login(front_desk_user)
    response = client.get(list_url(consultation_page) + "?export=csv")
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content


def test_the_front_desk_menu_leads_to_the_requests_and_not_to_the_forms_index(
    client, front_desk_user, consultation_page
):
    client.force_login(front_desk_user)
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/consultation-requests/" in dashboard
    assert '"/admin/forms/"' not in dashboard
    response = client.get(reverse("consultation_requests:index"))
    assert response.status_code == 302
    assert response["Location"] == list_url(consultation_page)


def test_front_desk_cannot_edit_pages(client, front_desk_user, consultation_page):
    client.force_login(front_desk_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[consultation_page.pk]))
    assert response.status_code in (302, 403)


def test_an_editor_who_can_edit_the_page_cannot_see_the_requests(
    client, editor, consultation_page, stored_requests
):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[consultation_page.pk]))
    assert edit.status_code == 200  # they may still edit the form itself

    refused = [
        list_url(consultation_page),
        list_url(consultation_page) + "?export=csv",
        list_url(consultation_page) + "?export=xlsx",
        reverse("wagtailforms:list_submissions_results", args=[consultation_page.pk]),
        detail_url(stored_requests[0]),
        reverse("consultation_requests:index"),
        reverse("wagtailforms:delete_submissions", args=[consultation_page.pk])
        + f"?selected-submissions={stored_requests[0].pk}",
    ]
    for url in refused:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert VALID_ANSWERS["full_name"].encode() not in response.content

    forms_index = client.get(reverse("wagtailforms:index")).content.decode()
    assert consultation_page.title not in forms_index
    assert "/admin/consultation-requests/" not in client.get("/admin/").content.decode()
    assert ConsultationRequest.objects.count() == 2
    assert audit_entries(audit.LISTED) == audit_entries(audit.EXPORTED) == []


def test_a_user_without_admin_access_is_sent_to_log_in(client, django_user_model, stored_requests):
    client.force_login(django_user_model.objects.create_user("patient", password="pw"))
    response = client.get(detail_url(stored_requests[0]))
    assert response.status_code in (302, 403)
    assert VALID_ANSWERS["full_name"].encode() not in response.content


def test_listing_requests_is_recorded_in_the_audit_log(
    client, front_desk_user, consultation_page, stored_requests
):
    client.force_login(front_desk_user)
    client.get(list_url(consultation_page))

    [entry] = audit_entries(audit.LISTED)
    assert entry.user == front_desk_user
    assert entry.page_id == consultation_page.pk
    assert sorted(entry.data["request_ids"]) == sorted(r.pk for r in stored_requests)
    assert entry.message == "Viewed a list of 2 consultation requests"


def test_filtering_the_list_is_recorded_too(
    client, front_desk_user, consultation_page, stored_requests
):
    client.force_login(front_desk_user)
    client.get(reverse("wagtailforms:list_submissions_results", args=[consultation_page.pk]))
    assert len(audit_entries(audit.LISTED)) == 1


def test_reading_one_request_is_recorded_in_the_audit_log(client, front_desk_user, stored_requests):
    client.force_login(front_desk_user)
    client.get(detail_url(stored_requests[1]))

    [entry] = audit_entries(audit.VIEWED)
    assert entry.user == front_desk_user
    assert entry.data == {"request_id": stored_requests[1].pk}
    assert entry.message == f"Viewed consultation request {stored_requests[1].pk}"


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_are_recorded_in_the_audit_log(
    client, superuser, consultation_page, stored_requests, export_format
):
    client.force_login(superuser)
    response = client.get(list_url(consultation_page) + f"?export={export_format}")
    assert response.status_code == 200

    [entry] = audit_entries(audit.EXPORTED)
    assert entry.user == superuser
    assert entry.data["format"] == export_format
    assert sorted(entry.data["request_ids"]) == sorted(r.pk for r in stored_requests)
    assert entry.message == f"Exported 2 consultation requests as {export_format.upper()}"
    assert audit_entries(audit.LISTED) == []


def test_audit_entries_show_in_the_page_history(
    client, superuser, consultation_page, stored_requests
):
    client.force_login(superuser)
    client.get(detail_url(stored_requests[0]))
    history = client.get(reverse("wagtailadmin_pages:history", args=[consultation_page.pk]))
    assert f"Viewed consultation request {stored_requests[0].pk}" in history.content.decode()


def test_requests_never_show_their_answers_when_printed(stored_requests):
    assert str(stored_requests[0]) == f"Consultation request {stored_requests[0].pk}"


def test_deleting_requests_in_the_admin_is_recorded_in_the_audit_log(
    client, front_desk_user, consultation_page, stored_requests
):
    client.force_login(front_desk_user)
    url = reverse("wagtailforms:delete_submissions", args=[consultation_page.pk])
    response = client.post(url + f"?selected-submissions={stored_requests[0].pk}")

    assert response.status_code == 302
    assert list(ConsultationRequest.objects.all()) == [stored_requests[1]]
    [entry] = audit_entries(audit.DELETED)
    assert entry.user == front_desk_user
    assert entry.message == f"Deleted consultation request {stored_requests[0].pk}"


def test_with_several_consultation_pages_the_index_lists_each(
    client, front_desk_user, consultation_page, home_page
):
    second = ConsultationFormPageFactory(
        parent=home_page, title="Second opinion requests", slug="second-opinion"
    )
    client.force_login(front_desk_user)

    response = client.get(reverse("consultation_requests:index"))

    assert response.status_code == 200
    html = response.content.decode()
    for page in (consultation_page, second):
        assert f'href="{list_url(page)}"' in html
