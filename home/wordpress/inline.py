"""A paragraph's inline content as rich text: text, bold, italic, links and line breaks, and
nothing else. Everything is written out afresh from the parsed tree (text escaped, one
attribute, on links only), so markup that is not on this list cannot survive the import.

Pictures and embeds inside a paragraph cannot live in rich text: they come out as `Blocks`
tokens, where the paragraph is split around them.
"""

import html
import re

from .html_tree import DROPPED

BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite", "dfn"}
EMBEDDED = {"iframe", "video", "audio", "embed", "object"}
SPACES = re.compile(r"[^\S\n]+")
WHITESPACE = re.compile(r"\s+")


class Blocks:
    """Blocks found inside running text, where the paragraph is split."""

    def __init__(self, blocks):
        self.blocks = blocks


def text_html(text, keep_newlines):
    """Escaped text, its spaces collapsed (newlines kept in classic-editor posts, where they
    are line breaks)."""
    text = text.replace("\xa0", " ")
    text = SPACES.sub(" ", text) if keep_newlines else WHITESPACE.sub(" ", text)
    return html.escape(text, quote=False)


def tokens(node, converter):
    """Strings of rich text HTML, and Blocks, for the children of `node`."""
    for child in node.children:
        if isinstance(child, str):
            yield text_html(child, converter.classic)
            continue
        tag = child.tag
        if tag in DROPPED:
            continue
        if tag == "br":
            yield "<br/>"
        elif tag in BOLD:
            yield from _wrapped("<b>", "</b>", tokens(child, converter))
        elif tag in ITALIC:
            yield from _wrapped("<i>", "</i>", tokens(child, converter))
        elif tag == "a":
            yield from _link(child, converter)
        elif tag == "img":
            yield Blocks(converter.image(child))
        elif tag in EMBEDDED:
            yield Blocks(converter.embed(child))
        else:  # span, u, sup, code, abbr, a stray block element...: its text, unwrapped
            yield from tokens(child, converter)


def _wrapped(opening, closing, stream):
    """`stream` inside opening/closing tags, closed and reopened around any Blocks."""
    run = []
    for token in stream:
        if isinstance(token, str):
            run.append(token)
            continue
        yield from _close(opening, closing, run)
        run = []
        yield token
    yield from _close(opening, closing, run)


def _close(opening, closing, run):
    inner = "".join(run)
    if inner.strip():
        yield opening + inner + closing
    elif inner:
        yield inner


def _link(node, converter):
    # A link around a picture usually opens the full-size file; the picture becomes an image
    # block of its own, so the link goes.
    target = None if node.find("img") else converter.links.rewrite(node.attrs.get("href"))
    if target is None:
        yield from tokens(node, converter)
        return
    kind, value = target
    if kind == "document":
        opening = f'<a linktype="document" id="{int(value)}">'
    else:
        opening = f'<a href="{html.escape(value, quote=True)}">'
    yield from _wrapped(opening, "</a>", tokens(node, converter))
