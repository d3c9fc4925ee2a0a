"""A post's HTML to StreamField blocks (paragraph, heading, image, pull_quote, video).

Both of WordPress's editors are read: the block editor's content (HTML between
`<!-- wp:... -->` comments, which are dropped) and the classic editor's, whose paragraphs are
separated by blank lines rather than <p> tags (WordPress's `wpautop`, done here on the tree).
Shortcodes are expanded or removed first (shortcodes.py).
"""

import dataclasses
import html
import re
import uuid

from . import html_tree, inline, shortcodes
from .embeds import embed_blocks, provider
from .inline import DROPPED, EMBEDDED, Blocks
from .links import uploads_path

GUTENBERG_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h3", "h5": "h3", "h6": "h3"}
CONTAINERS = {"div", "section", "article", "aside", "header", "footer", "main", "nav", "address",
              "center", "details", "summary", "dl", "dt", "dd", "fieldset", "figcaption",
              "hgroup", "li"}  # fmt: skip
BLOCK_TAGS = {"p", "ul", "ol", "blockquote", "figure", "table", "pre", "hr", *HEADINGS,
              *CONTAINERS, *DROPPED}  # fmt: skip
BLANK_LINE = re.compile(r"\n\s*\n")
LINE_BREAKS = re.compile(r"\s*(?:\n|<br/>)\s*")
EDGE_BREAKS = re.compile(r"^(?:\s|<br/>)+|(?:\s|<br/>)+$")
TAG = re.compile(r"<[^>]*>")
MAX_HEADING = 120
MAX_QUOTE, MAX_ATTRIBUTION, MAX_CAPTION = 300, 120, 250
EMBED_FIGURES = ("wp-block-embed", "wp-block-video", "wp-block-audio")
ARTICLE_BLOCKS = {"paragraph", "heading", "image", "pull_quote", "video"}
PAGE_BLOCKS = {"paragraph", "heading", "image"}


def plain(text):
    return " ".join((text or "").replace("\xa0", " ").split())


def raw_stream(blocks):
    """StreamField's stored form of [(type, value)]."""
    return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]


@dataclasses.dataclass
class Body:
    blocks: list  # [(block type, value)]
    notes: list  # what the editor should check, in plain words
    shortcodes: list  # names of the shortcodes removed
    to_check: list = dataclasses.field(default_factory=list)  # notes of content lost
    pending: int = 0  # pictures a dry run found, which a real run would show

    @property
    def first_text(self):
        """The text of the first paragraph, for a summary when the post has no excerpt."""
        for kind, value in self.blocks:
            if kind == "paragraph":
                return html_tree.plain_text(re.split(r"</p>|</li>", value, maxsplit=1)[0])
        return ""

    @property
    def empty(self):
        return not self.blocks and not self.pending


class BodyConverter:
    def __init__(self, media, links, allowed=ARTICLE_BLOCKS):
        self.media, self.links, self.allowed = media, links, allowed

    def convert(self, markup):
        self.blocks, self.rich, self.notes, self.to_check = [], [], [], []
        self.pending = 0
        self.classic = "<!-- wp:" not in (markup or "")
        markup = GUTENBERG_COMMENT.sub("\n", markup or "")
        markup, removed = shortcodes.expand(markup)
        self.container(html_tree.parse(markup))
        self.flush()
        unique = list(dict.fromkeys(self.notes))
        return Body(self.blocks, unique, removed, list(dict.fromkeys(self.to_check)), self.pending)

    def note(self, text):
        self.notes.append(text)

    def flag(self, text):
        """A note of content lost on the way: the page is flagged for a person to check."""
        self.note(text)
        self.to_check.append(text)

    # --- Collecting blocks: consecutive paragraphs and lists share one rich text block ---

    def flush(self):
        if self.rich:
            self.blocks.append(("paragraph", "".join(self.rich)))
            self.rich = []

    def add(self, blocks):
        for kind, value in blocks:
            if kind == "paragraph":
                self.rich.append(value)
            else:
                self.flush()
                self.blocks.append((kind, value))

    # --- Block-level structure ---

    def container(self, node):
        run = []
        for child in node.children:
            if isinstance(child, str) or child.tag not in BLOCK_TAGS:
                run.append(child)
                continue
            self.paragraph(run)
            run = []
            self.block(child)
        self.paragraph(run)

    def block(self, node):
        tag = node.tag
        if tag in DROPPED or tag == "hr":
            return
        handler = {
            "p": lambda n: self.paragraph(n.children),
            "ul": self.list,
            "ol": self.list,
            "blockquote": self.quote,
            "figure": self.figure,
            "table": self.table,
            "pre": self.preformatted,
        }.get(tag)
        if tag in HEADINGS:
            self.heading(node)
        elif handler:
            handler(node)
        else:
            self.container(node)

    def paragraph(self, nodes):
        """Paragraphs from inline content, split around any pictures or embeds in it."""
        holder = html_tree.Node("#paragraph")
        holder.children = nodes
        run = []
        for token in inline.tokens(holder, self):
            if isinstance(token, Blocks):
                self.add(self.paragraphs("".join(run)))
                run = []
                self.add(token.blocks)
            else:
                run.append(token)
        self.add(self.paragraphs("".join(run)))

    def paragraphs(self, markup):
        # Classic-editor text: a blank line ends a paragraph, a single newline is a <br>.
        parts = BLANK_LINE.split(markup) if self.classic else [markup]
        blocks = []
        for part in parts:
            part = EDGE_BREAKS.sub("", LINE_BREAKS.sub("<br/>", part) if self.classic else part)
            text = html.unescape(TAG.sub("", part)).strip()
            if not text:
                continue
            if re.fullmatch(r"https?://\S+", text) and provider(text) and part == html.escape(text):
                blocks += embed_blocks(text, "", self.allowed)  # WordPress embeds a bare address
            else:
                blocks.append(("paragraph", f"<p>{part}</p>"))
        return blocks

    def heading(self, node):
        text = plain(node.text())
        if not text:
            return
        if len(text) > MAX_HEADING:
            self.note(f"a heading longer than {MAX_HEADING} characters became a bold paragraph")
            self.add([("paragraph", f"<p><b>{html.escape(text, quote=False)}</b></p>")])
            return
        self.add([("heading", {"text": text, "level": HEADINGS[node.tag]})])

    def list(self, node):
        found = []
        markup = self.list_html(node, found)
        if markup:
            self.add([("paragraph", markup)])
        self.add(found)

    def list_html(self, node, found):
        items = []
        for item in node.elements("li"):
            nested = [self.list_html(child, found) for child in item.elements("ul", "ol")]
            holder = html_tree.Node("#item")
            holder.children = [
                c for c in item.children if isinstance(c, str) or c.tag not in ("ul", "ol")
            ]
            text = []
            for token in inline.tokens(holder, self):
                if isinstance(token, Blocks):
                    found += token.blocks  # a picture in a list item goes after the list
                else:
                    text.append(token)
            markup = EDGE_BREAKS.sub("", " ".join("".join(text).split()))
            if markup or any(nested):
                items.append(f"<li>{markup}{''.join(nested)}</li>")
        return f"<{node.tag}>{''.join(items)}</{node.tag}>" if items else ""

    def quote(self, node):
        cite = node.find("cite", "footer")
        attribution = plain(cite.text()).lstrip("—–- ").strip() if cite else ""
        paragraphs = [plain(p.text()) for p in node.find_all("p")]
        if not paragraphs:
            paragraphs = [plain(node.text().replace(cite.text(), "") if cite else node.text())]
        paragraphs = [p for p in paragraphs if p and p != plain(attribution)]
        quote = " ".join(paragraphs)
        if not quote:
            return
        fits = len(quote) <= MAX_QUOTE and len(attribution) <= MAX_ATTRIBUTION
        if "pull_quote" in self.allowed and fits:
            self.add([("pull_quote", {"quote": quote, "attribution": attribution})])
            return
        if "pull_quote" in self.allowed:
            self.note(f"a quotation longer than {MAX_QUOTE} characters was kept as italic text")
        quoted = "".join(f"<p><i>{html.escape(p, quote=False)}</i></p>" for p in paragraphs)
        if attribution:
            quoted += f"<p>— {html.escape(attribution, quote=False)}</p>"
        self.add([("paragraph", quoted)])

    def table(self, node):
        rows = []
        for row in node.find_all("tr"):
            cells = [plain(cell.text()) for cell in row.elements("td", "th")]
            if any(cells):
                rows.append(" – ".join(html.escape(cell, quote=False) for cell in cells if cell))
        if rows:
            self.note("a table became a bulleted list, one item per row: check it reads well")
            self.add([("paragraph", "<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")])

    def preformatted(self, node):
        lines = [html.escape(line.rstrip(), quote=False) for line in node.text().splitlines()]
        markup = EDGE_BREAKS.sub("", "<br/>".join(lines))
        if markup:
            self.add([("paragraph", f"<p>{markup}</p>")])

    # --- Figures, pictures and embeds ---

    def figure(self, node):
        classes = node.classes()
        caption_node = next(iter(node.elements("figcaption")), None)
        caption = plain(caption_node.text()) if caption_node else ""
        if shortcodes.UNNAMED_GALLERY in classes:
            self.flag("a [gallery] named no pictures (WordPress showed the ones uploaded to the "
                      "post): add them here")  # fmt: skip
        elif any(c.startswith(EMBED_FIGURES) for c in classes):
            wrapper = node.find("div")
            media = node.find(*EMBEDDED)
            url = plain(wrapper.text()) if wrapper else ""
            url = url or (self.source_of(media) if media else "")
            title = caption or (media.attrs.get("title", "") if media else "")
            self.add(self.embed_url(url, title))
        elif node.find("blockquote"):
            self.quote(node.find("blockquote"))
        elif node.find("table"):
            self.table(node.find("table"))
            if caption:
                self.add([("paragraph", f"<p>{html.escape(caption, quote=False)}</p>")])
        elif node.elements("figure"):  # a gallery of figures, each with its own caption
            for child in node.elements("figure"):
                self.figure(child)
            if caption:
                self.add([("paragraph", f"<p>{html.escape(caption, quote=False)}</p>")])
        elif images := list(node.find_all("img")):
            single = len(images) == 1
            pending = self.pending
            shown = []
            for image in images:
                shown += self.image(image, caption if single else "")
            self.add(shown)
            # Several pictures share the caption; a missing one leaves its caption as text.
            if caption and (not single or (not shown and self.pending == pending)):
                self.add([("paragraph", f"<p>{html.escape(caption, quote=False)}</p>")])
        elif media := node.find(*EMBEDDED):
            self.add(self.embed(media))
        else:
            self.container(node)

    def image(self, node, caption=""):
        found = self.media.find_image(node) if self.media is not None else None
        if found is None:
            source = node.attrs.get("src") or f"attachment {node.attrs.get('data-attachment-id')}"
            self.flag(f"a picture was left out: {source} is not among the imported images")
            return []
        if found.pk is None:  # a dry run: the image would exist
            self.pending += 1
            return []
        alt = plain(node.attrs.get("alt")) or found.alt
        if not alt:
            self.note("a picture has no text alternative: describe it (or mark it decorative)")
        if len(caption) > MAX_CAPTION:
            self.note(f"a caption was cut to {MAX_CAPTION} characters")
        value = {
            "image": found.pk,
            "alt_text": alt[:250],
            "decorative": False,
            "caption": caption[:MAX_CAPTION],
        }
        return [("image", value)]

    def source_of(self, node):
        source = node.attrs.get("src") or node.attrs.get("data")
        if not source:
            child = node.find("source")
            source = child.attrs.get("src") if child else ""
        return source or ""

    def embed(self, node):
        return self.embed_url(self.source_of(node), node.attrs.get("title", ""))

    def embed_url(self, url, title):
        blocks = embed_blocks(url, plain(title), self.allowed)
        if url and uploads_path(url):
            self.note(f"a media file was not imported ({url}); its link points to the old site")
        elif url and not blocks:
            self.note(f"an embedded item was left out: {url}")
        return blocks
