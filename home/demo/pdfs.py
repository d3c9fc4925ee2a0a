"""Fillable PDF forms for the demo's patient forms, written with pypdf: pages of text drawn
in Helvetica and an AcroForm whose named fields a patient fills in any PDF reader (Chromium's
own viewer included) and the front desk can read back (`pypdf.PdfReader.get_fields()`).

`FillablePdf` is a small layout helper: it keeps a cursor going down a US Letter page, draws
labels and boxes, and adds each field as a widget with its own name and a tooltip (/TU, what a
screen reader says)."""

import io
import textwrap

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

# US Letter in points, its margins, and the ink.
PAGE_WIDTH, PAGE_HEIGHT = 612, 792
MARGIN = 54
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FIELD_HEIGHT = 18
# Field flags (PDF 1.7, 12.7.4): a text field on several lines; a radio button group.
MULTILINE = 1 << 12
RADIO = 1 << 15
NO_TOGGLE_TO_OFF = 1 << 14
HELVETICA_AVERAGE_WIDTH = 0.5  # of the font size: enough to wrap a paragraph safely


def _escape(text):
    # PDF strings are bytes in the font's encoding: keep to Latin-1 and escape the delimiters.
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return text.encode("cp1252", errors="replace")


def _font(base):
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject(base),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


class FillablePdf:
    def __init__(self, title):
        self.writer = PdfWriter()
        self.writer.add_metadata({"/Title": title})
        self.fields = ArrayObject()
        self.page_number = -1
        self.commands = []
        self.fonts = DictionaryObject(
            {
                NameObject("/F1"): _font("/Helvetica"),
                NameObject("/F2"): _font("/Helvetica-Bold"),
                NameObject("/ZaDb"): DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/Font"),
                        NameObject("/Subtype"): NameObject("/Type1"),
                        NameObject("/BaseFont"): NameObject("/ZapfDingbats"),
                    }
                ),
            }
        )
        self.new_page()

    # Pages and text

    def new_page(self):
        self._finish_page()
        self.writer.add_blank_page(PAGE_WIDTH, PAGE_HEIGHT)
        self.page_number += 1
        self.commands = []
        self.y = PAGE_HEIGHT - MARGIN

    def _finish_page(self):
        if self.page_number < 0:
            return
        page = self.writer.pages[self.page_number]
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): self.fonts})
        stream = DecodedStreamObject()
        stream.set_data(b"\n".join(self.commands))
        page.replace_contents(stream)

    def room_for(self, height):
        """Start a new page unless `height` points fit above the bottom margin."""
        if self.y - height < MARGIN:
            self.new_page()

    def text(self, x, y, words, size=10, bold=False):
        font = "/F2" if bold else "/F1"
        self.commands.append(
            f"BT {font} {size} Tf {x:.1f} {y:.1f} Td (".encode() + _escape(words) + b") Tj ET"
        )

    def heading(self, words, size=18):
        self.room_for(size * 2)
        self.y -= size
        self.text(MARGIN, self.y, words, size=size, bold=True)
        self.y -= size * 0.6

    def paragraph(self, words, size=10, width=CONTENT_WIDTH, bold=False):
        characters = int(width / (size * HELVETICA_AVERAGE_WIDTH))
        for line in textwrap.wrap(words, characters):
            self.room_for(size * 1.4)
            self.y -= size * 1.4
            self.text(MARGIN, self.y, line, size=size, bold=bold)
        self.y -= size * 0.6

    def rule(self):
        self.y -= 6
        right = PAGE_WIDTH - MARGIN
        line = f"0.6 G 0.5 w {MARGIN} {self.y:.1f} m {right} {self.y:.1f} l S 0 G"
        self.commands.append(line.encode())
        self.y -= 6

    # Fields

    def _widget(self, name, tooltip, rect, **entries):
        x, y, width, height = rect
        self.commands.append(
            f"0.4 G 0.75 w {x:.1f} {y:.1f} {width:.1f} {height:.1f} re S 0 G".encode()
        )
        widget = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/F"): NumberObject(4),  # printed
                NameObject("/Rect"): ArrayObject(
                    [
                        FloatObject(x),
                        FloatObject(y),
                        FloatObject(x + width),
                        FloatObject(y + height),
                    ]
                ),
                **({NameObject("/T"): TextStringObject(name)} if name else {}),
                **({NameObject("/TU"): TextStringObject(tooltip)} if tooltip else {}),
                **{NameObject(key): value for key, value in entries.items()},
            }
        )
        return self.writer.add_annotation(self.page_number, widget)

    def _text_widget(self, name, tooltip, x, y, width, height, lines):
        widget = self._widget(
            name,
            tooltip,
            (x, y, width, height),
            **{
                "/FT": NameObject("/Tx"),
                "/DA": TextStringObject("/F1 10 Tf 0 g"),
                "/V": TextStringObject(""),
                "/Ff": NumberObject(MULTILINE if lines > 1 else 0),
            },
        )
        self.fields.append(widget.indirect_reference)

    def fields_row(self, fields, lines=1):
        """Text fields side by side, each `(name, label, share of the width)`, labels above."""
        height = FIELD_HEIGHT * lines if lines == 1 else 14 * lines
        self.room_for(height + 16)
        self.y -= 11
        x = MARGIN
        gap = 12
        available = CONTENT_WIDTH - gap * (len(fields) - 1)
        for name, label, share in fields:
            width = available * share
            self.text(x, self.y, label, size=9, bold=True)
            self._text_widget(name, label, x, self.y - height - 3, width, height, lines)
            x += width + gap
        self.y -= height + 10

    def field(self, name, label, lines=1):
        self.fields_row([(name, label, 1)], lines=lines)

    def checkboxes(self, prefix, label, options, columns=3):
        """One checkbox per option, named `<prefix>_<option key>`, under a bold label."""
        self.paragraph(label, size=10, bold=True)
        column_width = CONTENT_WIDTH / columns
        for start in range(0, len(options), columns):
            self.room_for(FIELD_HEIGHT + 4)
            self.y -= FIELD_HEIGHT
            for column, (key, words) in enumerate(options[start : start + columns]):
                x = MARGIN + column * column_width
                self._checkbox(f"{prefix}_{key}", f"{label} {words}", x, self.y)
                self.text(x + 18, self.y + 3, words, size=10)
            self.y -= 4
        self.y -= 6

    def _check_appearances(self, state):
        """What a box looks like checked (a ZapfDingbats check mark) and unchecked (empty)."""

        def stream(data):
            appearance = DecodedStreamObject()
            appearance.set_data(data)
            appearance.update(
                {
                    NameObject("/Type"): NameObject("/XObject"),
                    NameObject("/Subtype"): NameObject("/Form"),
                    NameObject("/BBox"): ArrayObject([FloatObject(0)] * 2 + [FloatObject(12)] * 2),
                    NameObject("/Resources"): DictionaryObject({NameObject("/Font"): self.fonts}),
                }
            )
            return self.writer._add_object(appearance)  # noqa: SLF001 (pypdf's way to add one)

        return DictionaryObject(
            {
                NameObject("/N"): DictionaryObject(
                    {
                        NameObject(state): stream(b"BT /ZaDb 10 Tf 1.5 2.5 Td (4) Tj ET"),
                        NameObject("/Off"): stream(b""),
                    }
                )
            }
        )

    def _checkbox(self, name, tooltip, x, y):
        widget = self._widget(
            name,
            tooltip,
            (x, y, 12, 12),
            **{
                "/FT": NameObject("/Btn"),
                "/V": NameObject("/Off"),
                "/AS": NameObject("/Off"),
                "/AP": self._check_appearances("/Yes"),
                "/MK": DictionaryObject({NameObject("/CA"): TextStringObject("4")}),
            },
        )
        self.fields.append(widget.indirect_reference)

    def scale(self, name, label, low=0, high=10, ends=("", "")):
        """A row of radio buttons from `low` to `high`: one field, one choice."""
        self.paragraph(label, size=10, bold=True)
        self.room_for(40)
        self.y -= 30
        parent = DictionaryObject(
            {
                NameObject("/FT"): NameObject("/Btn"),
                NameObject("/Ff"): NumberObject(RADIO | NO_TOGGLE_TO_OFF),
                NameObject("/T"): TextStringObject(name),
                NameObject("/TU"): TextStringObject(label),
                NameObject("/V"): NameObject("/Off"),
                NameObject("/Kids"): ArrayObject(),
            }
        )
        parent_reference = self.writer._add_object(parent)  # noqa: SLF001
        step = (CONTENT_WIDTH - 60) / (high - low)
        for value in range(low, high + 1):
            x = MARGIN + 30 + (value - low) * step
            self.text(x + 2, self.y + 16, str(value), size=10, bold=True)
            kid = self._widget(
                None,
                None,
                (x, self.y, 12, 12),
                **{
                    "/Parent": parent_reference,
                    "/AS": NameObject("/Off"),
                    "/AP": self._check_appearances(f"/{value}"),
                    "/MK": DictionaryObject({NameObject("/CA"): TextStringObject("4")}),
                },
            )
            parent["/Kids"].append(kid.indirect_reference)
        self.text(MARGIN, self.y - 12, ends[0], size=8)
        self.text(PAGE_WIDTH - MARGIN - 150, self.y - 12, ends[1], size=8)
        self.fields.append(parent_reference)
        self.y -= 24

    def table(self, prefix, columns, rows, row_label, row_height=20):
        """Text fields in a grid: a header of `columns` ((key, heading, share of the width)),
        then one row per item of `rows`, named `<prefix><n>_<key>`, labelled `row_label(n)`."""
        self.room_for(16 + row_height * 2)
        self.y -= 12
        widths = [CONTENT_WIDTH * share for _key, _heading, share in columns]
        x = MARGIN
        for (_key, heading, _share), width in zip(columns, widths, strict=True):
            self.text(x + 2, self.y, heading, size=8, bold=True)
            x += width
        self.y -= 4
        for n in range(1, rows + 1):
            self.room_for(row_height)
            self.y -= row_height
            x = MARGIN
            for (key, heading, _share), width in zip(columns, widths, strict=True):
                tooltip = f"{row_label(n)}: {heading}"
                self._text_widget(
                    f"{prefix}{n}_{key}", tooltip, x, self.y, width - 2, row_height - 2, 1
                )
                x += width
        self.y -= 8

    def signature(self, name, label, date_label="Date"):
        self.fields_row([(f"{name}_signature", label, 0.65), (f"{name}_date", date_label, 0.35)])

    def bytes(self):
        self._finish_page()
        self.writer._root_object[NameObject("/AcroForm")] = DictionaryObject(  # noqa: SLF001
            {
                NameObject("/Fields"): self.fields,
                # Readers draw the text fields' contents themselves.
                NameObject("/NeedAppearances"): BooleanObject(True),
                NameObject("/DA"): TextStringObject("/F1 10 Tf 0 g"),
                NameObject("/DR"): DictionaryObject({NameObject("/Font"): self.fonts}),
            }
        )
        out = io.BytesIO()
        self.writer.write(out)
        return out.getvalue()
