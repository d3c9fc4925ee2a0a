"""Reading the export: WXR's namespaces and CDATA, serialized meta, bad and hostile files, and
memory that stays bounded however large the file is."""

import tracemalloc

import pytest

from home.wordpress import wxr as reader
from home.wordpress.media import file_names
from home.wordpress.phpserialize import PHPSerializeError, maybe_unserialize, unserialize

from . import practice_export, wxr


@pytest.fixture
def export_path(tmp_path):
    return practice_export.write(tmp_path / "rubinpain.WordPress.2024-05-02.xml")


def test_the_first_pass_keeps_authors_terms_and_attachments(export_path):
    export = reader.scan(export_path)
    assert export.site.wxr_version == "1.2"
    assert export.site.base_site_url == wxr.SITE
    [author] = export.authors
    assert (author.login, author.email, author.display_name) == (
        "erubin",
        "erubin@rubinpain.example",
        "Dr. Edward Rubin, MD",
    )
    assert {(t.taxonomy, t.slug, t.name) for t in export.terms} == {
        ("category", "opioids", "Opioids"),
        ("category", "pain-medicine", "Pain Medicine"),
        ("category", "uncategorized", "Uncategorized"),
        ("post_tag", "hyperalgesia", "hyperalgesia"),
        ("post_tag", "chronic-pain", "chronic pain"),
        ("nav_menu", "main-menu", "Main menu"),
    }
    assert [a.wp_id for a in export.attachments] == ["124", "125", "88"]
    assert export.counts == {"post": 2, "page": 1, "attachment": 3, "nav_menu_item": 1}


def test_items_come_with_their_content_meta_terms_and_comments(export_path):
    article = next(i for i in reader.items(export_path) if i.wp_id == "123")
    assert article.title == practice_export.ARTICLE_TITLE
    assert article.content == practice_export.ARTICLE_BODY  # CDATA, kept exactly
    assert article.excerpt == practice_export.EXCERPT
    assert (article.post_type, article.status, article.slug) == (
        "post",
        "publish",
        practice_export.ARTICLE_SLUG,
    )
    assert article.creator == "erubin"
    assert article.published_at.isoformat() == "2024-03-12T14:30:00+00:00"
    assert article.meta_value("_thumbnail_id") == "124"
    assert [(t.taxonomy, t.slug) for t in article.terms][:2] == [
        ("category", "opioids"),
        ("category", "pain-medicine"),
    ]
    assert [(c.wp_id, c.approved, c.parent_id) for c in article.comments] == [
        ("201", "1", "0"),
        ("202", "1", "201"),
        ("203", "0", "0"),
        ("204", "spam", "0"),
    ]


def test_cdata_holding_its_own_end_marker_survives(tmp_path):
    body = "<p>Code: <code>a[b[0]]>c</code></p>"  # "]]>" in the text, split by WordPress
    path = wxr.write(tmp_path / "e.xml", wxr.item(1, "Odd", "odd", body))
    assert "]]]]><![CDATA[>" in path.read_text()
    assert next(reader.items(path)).content == body


def test_serialized_attachment_metadata_names_every_resized_copy(export_path):
    diary = next(a for a in reader.scan(export_path).attachments if a.wp_id == "124")
    assert file_names(diary) == {"2024/03/pain-diary.jpg", "2024/03/pain-diary-640x427.jpg"}


def test_php_unserialize_reads_what_wordpress_writes():
    value = {"width": 800, "file": "2024/03/café.jpg", "sizes": {"m": {"file": "x.jpg"}}}
    assert unserialize(wxr.php_serialize(value)) == value  # lengths count bytes, not letters
    assert unserialize("a:2:{i:0;b:1;i:1;N;}") == {0: True, 1: None}
    assert unserialize('O:8:"stdClass":1:{s:1:"a";d:1.5;}') == {"a": 1.5}
    assert maybe_unserialize("plain text") == "plain text"
    assert maybe_unserialize("a:1:{broken") == "a:1:{broken"


@pytest.mark.parametrize(
    "text",
    [
        's:10:"short";',  # runs past the end
        "a:1:{i:0;R:1;}",  # references are refused
        'C:3:"Foo":0:{}',  # custom-serialized classes too
        "i:1;extra",
        "a:1:{" * 40 + "i:0;i:0;" + "}" * 40,  # nested too deeply
    ],
)
def test_php_unserialize_refuses_what_is_not_plain_data(text):
    with pytest.raises(PHPSerializeError):
        unserialize(text)


def test_a_file_cut_short_is_refused(tmp_path, export_path):
    broken = tmp_path / "broken.xml"
    text = export_path.read_text()
    broken.write_text(text[: len(text) // 2])
    with pytest.raises(reader.ExportError, match="not well-formed XML"):
        reader.scan(broken)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss><channel><title>&lol9;</title></channel></rss>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss><channel><title>&secret;</title></channel></rss>
"""


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_xml_bombs_and_external_entities_are_refused_before_expansion(tmp_path, hostile):
    path = tmp_path / "hostile.xml"
    path.write_text(hostile)
    with pytest.raises(reader.ExportError, match="XML bomb"):
        reader.scan(path)


def test_other_xml_and_plain_rss_are_not_taken_for_an_export(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
                    "</channel></rss>")  # fmt: skip
    with pytest.raises(reader.ExportError, match="not a WordPress export"):
        reader.scan(feed)
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset></urlset>')
    with pytest.raises(reader.ExportError, match="starts with <urlset>"):
        reader.scan(sitemap)


def test_a_large_export_is_read_in_bounded_memory(tmp_path):
    """About 25 MB of posts: the reader's own allocations stay far below the file's size,
    since every element is dropped once read."""
    path = tmp_path / "large.xml"
    body = "<!-- wp:paragraph --><p>" + "Plain words about long-lasting pain. " * 300 + "</p>"
    with path.open("w", encoding="utf-8") as out:
        out.write(wxr.export().split("\t<generator>")[0])
        for number in range(1, 2001):
            comments = [wxr.comment(number * 10, "Ann", "ann@example.com", "2024-03-14 09:00:00",
                                    "Thank you. " * 40)]  # fmt: skip
            out.write(wxr.item(number, f"Post {number}", f"post-{number}", body,
                               comments=comments))  # fmt: skip
        out.write(wxr.FOOTER)
    assert path.stat().st_size > 20_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in reader.items(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert peak < 2_000_000, f"peak {peak / 1e6:.1f} MB while reading"
