"""Every spreadsheet the admin exports, CSV or XLSX, is safe to open: no cell, headings
included, runs as a formula.

Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a carriage return as a
formula, and a formula can open links or run commands (OWASP, "CSV Injection"). What the
cells hold was typed by patients (consultation answers, searches) or by staff (page titles,
names, the consultation form's labels). So, as OWASP advises:

- such a cell starts with an apostrophe, which spreadsheets read as "this is text"; the same
  in both formats, so the two downloads say the same (in XLSX the cell is stored as text too);
- every CSV field is in double quotes, so a spreadsheet that splits on semicolons (Excel in
  Spanish and most European settings) cannot cut "a;=HYPERLINK(...)" into a formula cell.

Every export in the admin is a view built on Wagtail's SpreadsheetExportMixin: Wagtail's own
reports (site history, aging pages, locked pages, workflows, redirects, search terms) and ours
(consultation requests, the review-due reports, what patients search for). Each value passes
through its preprocess_field_value() and each heading through its get_heading();
`neutralize_exports()`, run once when the project starts (practice/apps.py), makes those two
return neutral text and the CSV quote every field, in that one class, so no export can miss it.
"""

import csv

# What a spreadsheet reads as the start of a formula (OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutral(value):
    """`value` as a spreadsheet cell that cannot run: text a spreadsheet would read as a
    formula gets an apostrophe in front; anything else (numbers, dates) is left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralize_exports():
    """Make Wagtail's SpreadsheetExportMixin, and so every export view, write neutral cells.
    Safe to call twice."""
    from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "writes_neutral_cells", False):
        return
    value_of = SpreadsheetExportMixin.preprocess_field_value
    heading_of = SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        return neutral(value_of(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return neutral(heading_of(self, queryset, field))

    def stream_csv(self, queryset):
        """Wagtail's CSV, line by line, with every field quoted."""
        fields = self.list_export
        writer = csv.DictWriter(Echo(), fieldnames=fields, quoting=csv.QUOTE_ALL)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in fields})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin.stream_csv = stream_csv
    SpreadsheetExportMixin.writes_neutral_cells = True
