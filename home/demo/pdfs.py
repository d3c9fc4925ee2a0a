"""Small, real PDF files for the demo's patient forms: one US Letter page of text in
Helvetica, written by hand because the project needs no PDF library for anything else."""

# US Letter in points, and where the text starts.
PAGE_WIDTH, PAGE_HEIGHT = 612, 792
LEFT, TOP, LEADING = 72, 720, 22


def _escape(text):
    # PDF strings are bytes in the font's encoding: keep to Latin-1 and escape the delimiters.
    text = text.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return text.encode("latin-1", errors="replace")


def simple_pdf(title, lines):
    """A one-page PDF: `title` in bold, then `lines`, one to a line."""
    commands = [b"BT", b"/F2 18 Tf", f"{LEFT} {TOP} Td".encode(), b"(" + _escape(title) + b") Tj"]
    commands += [b"/F1 12 Tf", f"0 -{LEADING * 2} Td".encode()]
    for line in lines:
        commands += [b"(" + _escape(line) + b") Tj", f"0 -{LEADING} Td".encode()]
    commands.append(b"ET")
    stream = b"\n".join(commands)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Title (" + _escape(title) + b") >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)
