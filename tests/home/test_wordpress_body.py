"""Post bodies to StreamField blocks: both editors, pictures, quotes, embeds, shortcodes, and
sanitizing (nothing but the rich text's own tags survives)."""

import json
from html.parser import HTMLParser

import pytest

from home.wordpress.body import ARTICLE_BLOCKS, PAGE_BLOCKS, BodyConverter
from home.wordpress.links import LinkRewriter
from home.wordpress.media import MediaRef

OLD_SITE = "https://rubinpain.example"
UPLOADS = f"{OLD_SITE}/wp-content/uploads"


class Library:
    """Two imported pictures (attachment 12, with alt text, and 13, without) and a PDF."""

    refs = {
        "12": MediaRef("image", 501, "A pain diary", "/media/original_images/diary.jpg"),
        "13": MediaRef("image", 502, "", "/media/original_images/door.jpg"),
    }
    files = {
        "2024/03/diary.jpg": refs["12"],
        "2024/03/door.jpg": refs["13"],
        "2024/02/form.pdf": MediaRef("document", 77, "", "/documents/77/form.pdf"),
    }

    def by_path(self, path):
        return self.files.get((path or "").replace("-640x427", ""))

    def find_image(self, node):
        for key in ("data-attachment-id", "class"):
            for token in node.attrs.get(key, "").replace("wp-image-", "").split():
                if token in self.refs:
                    return self.refs[token]
        path = node.attrs.get("src", "").partition("/wp-content/uploads/")[2]
        found = self.by_path(path)
        return found if found and found.kind == "image" else None


def convert(markup, allowed=ARTICLE_BLOCKS):
    library = Library()
    return BodyConverter(library, LinkRewriter([OLD_SITE], library), allowed).convert(markup)


def kinds(body):
    return [kind for kind, _value in body.blocks]


def test_block_editor_paragraphs_headings_and_lists():
    body = convert(
        "<!-- wp:paragraph -->\n<p>Pain is <strong>real</strong>, and <em>treatable</em>.</p>\n"
        '<!-- /wp:paragraph -->\n\n<!-- wp:heading {"level":1} -->\n<h1>Big</h1>\n'
        '<!-- /wp:heading -->\n<!-- wp:heading {"level":4} -->\n<h4>Small</h4>\n'
        "<!-- /wp:heading -->\n<!-- wp:list -->\n<ul><li>One</li><li>Two<ul><li>Inner</li>"
        "</ul></li></ul>\n<!-- /wp:list -->\n<!-- wp:paragraph -->\n<p>After.</p>\n"
        "<!-- /wp:paragraph -->"
    )
    assert body.blocks == [
        ("paragraph", "<p>Pain is <b>real</b>, and <i>treatable</i>.</p>"),
        ("heading", {"text": "Big", "level": "h2"}),  # one h1 per page: the title
        ("heading", {"text": "Small", "level": "h3"}),  # patients skim: no h4
        ("paragraph", "<ul><li>One</li><li>Two<ul><li>Inner</li></ul></li></ul><p>After.</p>"),
    ]


def test_classic_editor_text_without_p_tags():
    body = convert(
        "First paragraph,\nwith a line break.\n\nSecond paragraph.\n"
        "<h2>A heading</h2>\nText right after it.\n<ul>\n\t<li>item</li>\n</ul>\nLast."
    )
    assert body.blocks == [
        ("paragraph", "<p>First paragraph,<br/>with a line break.</p><p>Second paragraph.</p>"),
        ("heading", {"text": "A heading", "level": "h2"}),
        ("paragraph", "<p>Text right after it.</p><ul><li>item</li></ul><p>Last.</p>"),
    ]


def test_links_stay_and_old_site_links_become_local():
    body = convert(
        f'<p><a href="{OLD_SITE}/2024/03/other-post/#why">ours</a> '
        '<a href="https://www.cdc.gov/opioids/">theirs</a> <a href="mailto:office@example.com">'
        f'mail</a> <a href="tel:+15550142290">call</a> <a href="{UPLOADS}/2024/02/form.pdf">'
        "form</a></p>"
    )
    assert body.blocks == [
        (
            "paragraph",
            '<p><a href="/2024/03/other-post/#why">ours</a> <a href="https://www.cdc.gov/'
            'opioids/">theirs</a> <a href="mailto:office@example.com">mail</a> <a href="tel:'
            '+15550142290">call</a> <a linktype="document" id="77">form</a></p>',
        )
    ]


def test_block_editor_image_with_caption():
    body = convert(
        '<!-- wp:image {"id":12} --><figure class="wp-block-image size-large"><img src="'
        f'{UPLOADS}/2024/03/diary-640x427.jpg" alt="Scores in pencil" class="wp-image-12"/>'
        '<figcaption class="wp-element-caption">Keep a diary.</figcaption></figure>'
        "<!-- /wp:image -->"
    )
    assert body.blocks == [
        (
            "image",
            {
                "image": 501,
                "alt_text": "Scores in pencil",
                "decorative": False,
                "caption": "Keep a diary.",
            },
        )  # fmt: skip
    ]


def test_caption_shortcode_with_linked_image_and_alt_from_the_attachment():
    body = convert(
        'Before.\n\n[caption id="attachment_12" align="alignnone" width="640"]<a href="'
        f'{UPLOADS}/2024/03/diary.jpg"><img class="size-large" src="{UPLOADS}/2024/03/diary-'
        '640x427.jpg" alt="" width="640" height="427" /></a> Fill it in <b>daily</b>.[/caption]'
        "\n\nAfter."
    )
    assert body.blocks == [
        ("paragraph", "<p>Before.</p>"),
        (
            "image",
            {
                "image": 501,
                "alt_text": "A pain diary",
                "decorative": False,
                "caption": "Fill it in daily.",
            },
        ),  # fmt: skip
        ("paragraph", "<p>After.</p>"),
    ]


def test_a_picture_inside_a_paragraph_splits_it():
    body = convert(f'<p>Look: <img src="{UPLOADS}/2024/03/door.jpg" alt="The door"> Found us?</p>')
    assert kinds(body) == ["paragraph", "image", "paragraph"]
    assert body.blocks[1][1]["alt_text"] == "The door"


def test_missing_pictures_and_missing_alt_text_are_reported():
    body = convert(
        '<p><img src="https://elsewhere.example/chart.png" alt="A chart"></p>'
        f'<p><img src="{UPLOADS}/2024/03/door.jpg" alt=""></p>'
    )
    assert kinds(body) == ["image"]
    assert any("https://elsewhere.example/chart.png" in note for note in body.notes)
    assert any("no text alternative" in note for note in body.notes)


def test_quotes_become_pull_quotes_and_long_ones_stay_text():
    body = convert(
        '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Less is often more.</p>'
        "<cite>Dr. Edward Rubin</cite></blockquote><!-- /wp:quote -->"
        "<blockquote><p>" + "A long quotation. " * 30 + "</p></blockquote>"
    )
    assert body.blocks[0] == (
        "pull_quote",
        {"quote": "Less is often more.", "attribution": "Dr. Edward Rubin"},
    )
    assert body.blocks[1][0] == "paragraph" and body.blocks[1][1].startswith("<p><i>A long")
    assert any("longer than 300" in note for note in body.notes)
    page = convert("<blockquote>Pages have no pull quotes.</blockquote>", PAGE_BLOCKS)
    assert page.blocks == [("paragraph", "<p><i>Pages have no pull quotes.</i></p>")]


def test_embeds_become_links_never_players():
    body = convert(
        '<!-- wp:embed {"url":"https://youtu.be/dQw4w9WgXcQ","type":"video"} --><figure class='
        '"wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class='
        '"wp-block-embed__wrapper">\nhttps://youtu.be/dQw4w9WgXcQ\n</div><figcaption>Three '
        "stretches</figcaption></figure><!-- /wp:embed -->\n"
        '<iframe src="https://player.vimeo.com/video/76979871" title="Pacing"></iframe>\n'
        '<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper'
        '">https://twitter.com/cdcgov/status/1</div></figure>'
    )
    assert body.blocks == [
        ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                   "title": "Three stretches", "duration": "", "transcript": ""}),
        ("video", {"url": "https://vimeo.com/76979871", "title": "Pacing", "duration": "",
                   "transcript": ""}),
        ("paragraph", '<p><a href="https://twitter.com/cdcgov/status/1">View on X (Twitter)'
                      "</a></p>"),
    ]  # fmt: skip


def test_classic_editor_embeds_a_bare_video_address_and_the_embed_shortcode():
    body = convert(
        "Watch this:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
        "[embed]https://vimeo.com/76979871[/embed]"
    )
    assert kinds(body) == ["paragraph", "video", "video"]
    page = convert("https://www.youtube.com/watch?v=dQw4w9WgXcQ", PAGE_BLOCKS)
    assert page.blocks == [
        ("paragraph", '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on '
                      "YouTube</a></p>")
    ]  # fmt: skip


def test_unknown_shortcodes_are_removed_and_named_and_their_text_kept():
    body = convert(
        '[contact-form-7 id="42" title="Contact"]\n\n[et_pb_text admin_label="Intro"]Hello'
        "[/et_pb_text] [[gallery]] [sic] [see below] [Editor's note: updated]\n\n"
        '[gallery ids="12,13"]'
    )
    assert body.shortcodes == ["contact-form-7", "et_pb_text"]
    assert body.blocks[0] == (
        "paragraph",
        "<p>Hello [gallery] [sic] [see below] [Editor's note: updated]</p>",
    )
    assert [value["image"] for kind, value in body.blocks[1:]] == [501, 502]


def test_tables_and_preformatted_text():
    body = convert(
        "<table><tr><th>Medicine</th><th>Dose</th></tr><tr><td>Ibuprofen</td><td>400 mg</td>"
        "</tr></table><pre>line one\nline  two</pre>"
    )
    assert body.blocks == [
        ("paragraph", "<ul><li>Medicine – Dose</li><li>Ibuprofen – 400 mg</li></ul>"
                      "<p>line one<br/>line  two</p>"),
    ]  # fmt: skip
    assert any("table" in note for note in body.notes)


HOSTILE = [
    "<script>alert(1)</script><p>a</p>",
    '<p onclick="alert(1)" style="color:red">b</p><style>p{}</style>',
    '<p><a href="javascript:alert(1)">c</a> <a href="JaVaScRiPt:alert(1)">d</a></p>',
    '<p><a href="java\tscript:alert(1)">e</a> <a href=" javascript:alert(1)">f</a></p>',
    '<p><a href="vbscript:msgbox(1)">g</a> <a href="data:text/html,<script>x</script>">h</a></p>',
    '<iframe src="javascript:alert(1)"></iframe><iframe src="https://evil.example/"></iframe>',
    '<form action="/steal"><input name="card"><button>Pay</button></form><p>i</p>',
    '<img src="x" onerror="alert(1)"><svg onload="alert(1)"><circle/></svg>',
    '<p><a href="https://ok.example/" onmouseover="alert(1)" target="_blank">j</a></p>',
    '<object data="evil.swf"></object><embed src="evil.swf"><noscript><p>k</p></noscript>',
    '<div style="background:url(javascript:alert(1))"><span onfocus="x()">l</span></div>',
    "<p>&lt;script&gt;alert(1)&lt;/script&gt; stays text</p>",
    '[caption caption="<script>alert(1)</script>"]<img src="x" alt="">[/caption]',
    "<!-- wp:html --><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"
    "</style></mglyph></table></mtext></math><!-- /wp:html -->",
]
RICH_TEXT = {"p": set(), "b": set(), "i": set(), "br": set(), "ul": set(), "ol": set(),
             "li": set(), "a": {"href", "linktype", "id"}}  # fmt: skip


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name for name, _ in attrs}, dict(attrs)))


@pytest.mark.parametrize("markup", HOSTILE)
def test_nothing_unsafe_survives(markup):
    body = convert(markup)
    stored = json.dumps(body.blocks).lower()
    for unsafe in ("<script", "<style", "<iframe", "<form", "<svg", "<object", "<embed",
                   "javascript:", "vbscript:", "data:text/html", "onerror", "onclick",
                   "onload", "onmouseover", "onfocus", "style="):  # fmt: skip
        assert unsafe not in stored
    for kind, value in body.blocks:
        if kind != "paragraph":
            continue
        collector = TagCollector()
        collector.feed(value)
        for tag, attributes, values in collector.tags:
            assert tag in RICH_TEXT and attributes <= RICH_TEXT[tag], (tag, attributes)
            assert not values.get("href", "https:").lower().startswith(("javascript", "data"))


def test_escaped_text_stays_text():
    body = convert("<p>5 &lt; 7 &amp; pain &gt; 0 &lt;b&gt;</p>")
    assert body.blocks == [("paragraph", "<p>5 &lt; 7 &amp; pain &gt; 0 &lt;b&gt;</p>")]


def test_a_missing_picture_keeps_its_caption():
    body = convert(
        '<figure class="wp-block-image"><img src="https://elsewhere.example/x.jpg" alt="">'
        "<figcaption>Canola in <em>bloom</em>.</figcaption></figure>"
        '[caption id="attachment_99" width="300"]<img src="https://elsewhere.example/y.jpg" '
        'alt=""> Fields in June[/caption]'
    )
    assert body.blocks == [("paragraph", "<p>Canola in bloom.</p><p>Fields in June</p>")]
    assert body.to_check == ["a picture was left out: https://elsewhere.example/x.jpg is not "
                             "among the imported images",
                             "a picture was left out: https://elsewhere.example/y.jpg is not "
                             "among the imported images"]  # fmt: skip


@pytest.mark.parametrize("gallery", ['[gallery columns="3"]', '[gallery ids=""]'])
def test_a_gallery_without_ids_is_flagged(gallery):
    body = convert(f"<h2>Nine pictures</h2>\n\n{gallery}")
    assert body.blocks == [("heading", {"text": "Nine pictures", "level": "h2"})]
    assert body.to_check == [
        "a [gallery] named no pictures (WordPress showed the ones uploaded to the post): "
        "add them here"
    ]
    older = convert('[gallery include="12,13"]')  # the attribute galleries used before "ids"
    assert [value["image"] for _kind, value in older.blocks] == [501, 502]


def test_headings_and_captions_keep_words_whole_and_drop_script_text():
    body = convert(
        "<h2>Mark<sup>up</sup> <script>alert('h2')</script>two</h2>"
        '<figure class="wp-block-image"><img src="x"><figcaption>Cap<style>b{}</style>tion'
        "</figcaption></figure><blockquote><p>Less<script>x()</script> is more.</p>"
        "<cite>Dr. <script>y()</script>Rubin</cite></blockquote>"
    )
    assert body.blocks == [
        ("heading", {"text": "Markup two", "level": "h2"}),
        ("paragraph", "<p>Caption</p>"),
        ("pull_quote", {"quote": "Less is more.", "attribution": "Dr. Rubin"}),
    ]
