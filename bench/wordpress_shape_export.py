"""The export bench/wordpress_shapes.py imports: a site in a sub-folder whose posts, pages,
attachments and comments come in every shape exports nobody here wrote have (see that
script's docstring), written with tests/home/wxr.py, and its uploads folder.

`generate(folder, items)` returns (export path, {kind: how many the export holds}), where the
kinds are the report's (article, page, attachment, comment, other) plus "held": the posts
and pages WordPress had public that have no title or no text.
"""

import datetime
import sys
from pathlib import Path

from PIL import Image as PILImage

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.home import wxr  # noqa: E402

SITE = "https://rubinpain.example/blog"  # WordPress in a sub-folder
WPCOM = "https://rubinpain.files.wordpress.com"
NAMESPACES = [wxr.namespace(v, s) for v in ("1.0", "1.1", "1.2") for s in ("http", "https")]
TEXT = "<p>Gentle, regular movement usually helps more than rest once the first days pass.</p>"
FUTURE = (datetime.date.today() + datetime.timedelta(days=60)).strftime("%Y-%m-%d 09:00:00")


def script(text):
    return f"<script>alert('{text}')</script>"


def no_id(item_xml, wp_id):
    """The item without its <wp:post_id>."""
    return item_xml.replace(f"<wp:post_id>{wp_id}</wp:post_id>", "")


def authors():
    return [
        wxr.author(1, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD", "Edward",
                   "Rubin"),
        wxr.author(None, "areyes", "areyes@rubinpain.example", "Dr. Anita Reyes, MD"),
        wxr.author(3, "eve", "eve@example.com", f"Eve {script('author')} Adams", "", ""),
        wxr.author(None, "", "", "Nobody"),  # no login, no email: skipped with a reason
        wxr.category(10, "back-pain", "Back Pain"),
        wxr.category(11, "nerve-pain", f"Nerve {script('term')}Pain"),
        wxr.tag(12, "sleep", "Sleep"),
        "\t<wp:term><wp:term_slug>x</wp:term_slug><wp:term_name>X</wp:term_name></wp:term>\n",
        wxr.nav_menu_term(13, "main", "Main menu"),
    ]  # fmt: skip


def attachments(folder, count):
    """(attachment items, {n: (id, address in a post)} of the pictures that exist)."""
    uploads, parts, shown = folder / "uploads", [], {}
    for n in range(count):
        wp_id, path = 5000 + n, f"2008/{1 + n % 12:02d}/file-{n}.jpg"
        kind = n % 5
        if kind in (0, 1):  # WordPress.com: files host, no _wp_attached_file; 1 is missing
            url = f"{WPCOM}/{path}"
            parts.append(wxr.attachment(wp_id, f"File {n}", path, url=url, attached_file=False,
                                        site=SITE))  # fmt: skip
        elif kind == 3:
            path = path.replace(".jpg", ".pdf")
            url = f"{SITE}/wp-content/uploads/{path}"
            parts.append(wxr.attachment(wp_id, f"Form {n}", path, mime="application/pdf",
                                        site=SITE))  # fmt: skip
        else:  # 2: an ordinary upload; 4: a video, a type the site does not accept
            path = path.replace(".jpg", ".mp4") if kind == 4 else path
            url = f"{SITE}/wp-content/uploads/{path}"
            mime = "video/mp4" if kind == 4 else "image/jpeg"
            parts.append(wxr.attachment(wp_id, f"File {n}", path, alt=f"Picture {n}",
                                        mime=mime, site=SITE))  # fmt: skip
        if kind == 1:
            continue
        (uploads / path).parent.mkdir(parents=True, exist_ok=True)
        if kind == 3:
            (uploads / path).write_bytes(b"%PDF-1.4\n%%EOF\n")
        elif kind == 4:
            (uploads / path).write_bytes(b"\x00\x00\x00\x18ftypmp42")
        else:
            PILImage.new("RGB", (64, 48), (n % 256, 90, 140)).save(uploads / path, "JPEG")
            shown[n] = (wp_id, url + ("?w=300" if kind == 0 else ""))
    parts.append(no_id(wxr.attachment(4999, "No ID", "2008/01/x.jpg", site=SITE), 4999))
    return parts, shown


def comments(number):
    first = number * 10
    return [
        wxr.comment(first, "Ann", "ann@example.com", "2024-03-14 09:00:00", "Thank you."),
        wxr.comment(first + 1, "Bo", "bo@example.com", "2024-03-14 10:00:00", "Waiting.", "0"),
        wxr.comment(first + 2, "Spam", "s@spam.example", "2024-03-14 11:00:00", "Buy!", "spam"),
        wxr.comment(first + 3, "Cy", "cy@example.com", "2024-03-14 12:00:00", "No state.", None),
        wxr.comment(first + 4, "Di", "di@example.com", "2024-03-14 13:00:00", "No ID.").replace(
            f"<wp:comment_id>{first + 4}</wp:comment_id>", ""),
        wxr.comment(first + 5, "example.org", "", "2024-03-14 14:00:00", "Linked",
                    comment_type="pingback"),
        wxr.comment(first + 6, f"Eve {script('name')}", "eve@example.com", "2024-03-14 15:00:00",
                    f"<p>Thanks{script('comment')}!</p><style>p {{color: red}}</style>",
                    parent=first),
    ]  # fmt: skip


def post(number, shown):
    """(item, how many comments it has, whether it is held back as a draft to check)."""
    wp_id, slug, title = number, f"post-{number}", f"Post {number}"
    shape, options = number % 20, {"site": SITE, "xmlns": NAMESPACES[number % 6]}
    body, held, thread = TEXT * 3, False, []
    picture_id, picture_url = shown[sorted(shown)[number % len(shown)]]
    missing = '<figure class="wp-block-image"><img src="https://elsewhere.example/gone.jpg">'
    options["categories"] = [("back-pain", "Back Pain")]
    if shape == 0:
        thread = comments(number)
        options["tags"] = [("sleep", "Sleep")]
    elif shape == 1:
        body = (
            f'Classic text.\n\n[caption id="attachment_{picture_id}" width="300"]<img '
            f'src="{picture_url}" class="wp-image-{picture_id}" alt=""> A caption[/caption]'
        )
    elif shape == 2:
        title, held = "", True
    elif shape == 3:
        body, held = "", True
    elif shape == 4:
        body, held = missing + "</figure>", True
    elif shape == 5:
        body = '<h2>Nine pictures</h2>\n\n[gallery columns="3"]\n\n' + TEXT
    elif shape == 6:
        body = TEXT + missing + "<figcaption>Canola in bloom.</figcaption></figure>"
    elif shape == 7:
        title = f"Mark<sup>up</sup> {number}"
        options["excerpt"] = "Before the <b>more tag</b>."
    elif shape == 8:
        title = f"XSS {script('title')} probe {number}"
        body = f"<h2>Heading {script('h2')}two</h2>" + TEXT
        options.update(creator="eve", excerpt=f"Summary <style>.x {{}}</style>text {number}.")
    elif shape == 9:
        options["categories"] = []
        options["terms"] = [
            (None, None, "Back Pain"),
            ("category", "back-pain", "Back Pain"),
            ("tag", None, "Flare-ups"),
            ("tag", "flare-ups", "Flare-ups"),
            (None, "arthritis", "Arthritis"),
            (None, None, "Posture"),
        ]
    elif shape == 10:
        body = TEXT + f'<p><img src="{picture_url}" alt="A picture"></p>'
    elif shape == 11:
        options["link"] = f"{SITE}/?p={wp_id}"
    elif shape in (12, 13, 14):
        options["status"] = {12: "draft", 13: "pending", 14: "private"}[shape]
    elif shape == 15:
        options["status"] = "future"
        options["date"] = FUTURE if number % 40 == 15 else "2024-01-05 09:00:00"
    elif shape == 16:
        options["status"] = "trash"
    elif shape == 17:
        options["creator"] = "ghost"  # an author the export does not list
    elif shape == 18:
        options["link"] = "http://[broken/"
    elif shape == 19:
        title, body, held = "", "", True
    options.setdefault("creator", "areyes" if number % 3 else "erubin")
    item = wxr.item(wp_id, title, slug, body, comments=thread, **options)
    return item, len(thread), held


def pages(first_id, count):
    """(page items, comments on them, pages held back): parents with children and
    grandchildren behind malformed '//' links, an empty page, a ?page_id= permalink."""
    parts, held, thread = [], 0, 0
    for n in range(count):
        wp_id, shape, options = first_id + n, n % 6, {"post_type": "page", "site": SITE}
        slug, body = f"page-{n}", TEXT
        if shape == 1:
            options.update(parent=wp_id - 1, link=f"{SITE}//{slug}/")
        elif shape == 2:
            options.update(parent=wp_id - 1, link=f"{SITE}/page-{n - 2}//{slug}/")
        elif shape == 3:
            body, held = "", held + 1
        elif shape == 4:
            options["link"] = f"{SITE}/?page_id={wp_id}"
        elif shape == 5:
            options["comments"] = [wxr.comment(wp_id * 10, "Ann", "ann@example.com",
                                               "2024-03-14 09:00:00", "On a page.")]  # fmt: skip
            thread += 1
        parts.append(wxr.item(wp_id, f"Page {n}", slug, body, **options))
    return parts, thread, held


def others(first_id):
    """Items that are not posts or pages, and a post without an ID."""
    comment = wxr.comment(first_id * 10, "Ann", "ann@example.com", "2024-03-14 09:00:00", "Hi")
    return [
        wxr.item(first_id, "Menu item", "menu-item", "", post_type="nav_menu_item", site=SITE),
        wxr.item(first_id + 1, "Old revision", "r", TEXT, post_type="revision", status="inherit",
                 site=SITE),
        wxr.item(first_id + 2, "Untyped", "untyped", TEXT, post_type="", site=SITE,
                 comments=[comment]),
        no_id(wxr.item(first_id + 3, "No ID", "no-id", TEXT, site=SITE), first_id + 3),
    ]  # fmt: skip


def generate(folder, items=600):
    """Writes folder/uploads and folder/export.xml; returns (its path, what it holds)."""
    page_count = max(6, items // 6)
    post_count = items - page_count
    media, shown = attachments(folder, max(10, items // 6))
    parts = authors() + media
    expected = {"article": 1, "page": page_count, "attachment": len(media), "comment": 1,
                "other": 3, "held": 0}  # fmt: skip
    for number in range(1, post_count + 1):
        item, thread, held = post(number, shown)
        parts.append(item)
        expected["article"] += 1
        expected["comment"] += thread
        expected["held"] += held
    page_parts, thread, held = pages(3000, page_count)
    parts += page_parts + others(8000)
    expected["comment"] += thread
    expected["held"] += held
    export = folder / "export.xml"
    wxr.write(export, *parts, site=SITE, scheme="https")
    return export, expected
