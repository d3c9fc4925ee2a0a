"""A small, forgiving HTML tree for post bodies, built on the standard library's parser.

Enough of HTML's own rules to read what WordPress's editors write: a new block closes an open
paragraph, a list item closes the previous one, void elements have no end tag, and stray end
tags are ignored. Comments are dropped; script and style contents stay inside their element,
which the converter then drops whole, and which no text taken from the tree ever includes.
"""

import html
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param"}  # fmt: skip
# Elements whose start closes an open <p> (HTML's list, plus the ones WordPress writes).
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
            "header", "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table",
            "ul"}  # fmt: skip
# Where the search for an open element to close stops.
SCOPE = {"blockquote", "div", "figure", "li", "td", "th", "table", "ul", "ol", "section"}
IMPLIED_END = {"li": {"ul", "ol"}, "dt": {"dl"}, "dd": {"dl"}, "tr": {"table"},
               "td": {"tr", "table"}, "th": {"tr", "table"}, "option": {"select"}}  # fmt: skip
# Elements that are not text for a reader: dropped with everything inside them.
DROPPED = {"script", "style", "form", "input", "button", "select", "textarea", "noscript",
           "template", "svg", "math", "canvas", "head", "title", "meta", "link", "base",
           "frame", "frameset", "applet", "param", "map", "dialog"}  # fmt: skip
# Elements that end a line of text: words on either side of them are never run together.
LINE_ENDS = {"br", "li", "dd", "dt", "tr", "td", "th", "figcaption", "img", *CLOSES_P}
PARAGRAPHS = CLOSES_P - {"hr", "figcaption"}


class Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs=None):
        self.tag = tag
        self.attrs = attrs or {}
        self.children = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs} {len(self.children)} children>"

    def elements(self, *tags):
        """Child elements, all of them or those with one of `tags`."""
        return [c for c in self.children if isinstance(c, Node) and (not tags or c.tag in tags)]

    def find_all(self, *tags):
        """Descendant elements with one of `tags`, in document order."""
        for child in self.elements():
            if child.tag in tags:
                yield child
            yield from child.find_all(*tags)

    def find(self, *tags):
        return next(self.find_all(*tags), None)

    def classes(self):
        return set(self.attrs.get("class", "").split())

    def text(self):
        """All the text inside, as written (entities already decoded), without what DROPPED
        elements hold."""
        return "".join(
            c if isinstance(c, str) else c.text()
            for c in self.children
            if isinstance(c, str) or c.tag not in DROPPED
        )


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def _close(self, tag, stop_at):
        for depth in range(len(self.stack) - 1, 0, -1):
            current = self.stack[depth].tag
            if current == tag:
                del self.stack[depth:]
                return
            if current in stop_at:
                return

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P:
            self._close("p", SCOPE)
        if tag in IMPLIED_END:
            self._close(tag, IMPLIED_END[tag])
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def parse(markup):
    """The tree of an HTML fragment: a '#root' node holding its top-level nodes."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root


def plain_text(markup, lines=False):
    """The text of an HTML fragment as a reader sees it: entities decoded, DROPPED elements
    left out, and words inside inline tags kept whole ("Mark<sup>up</sup>" is "Markup"). On
    one line; with `lines`, a line break for <br> and list items, a blank line between
    paragraphs, and the fragment's own line breaks kept."""
    markup = markup or ""
    if "<" not in markup:  # most titles, names and comments: no tree needed
        text = html.unescape(markup)
    else:
        parts = []
        _text_of(parse(markup), parts, lines)
        text = "".join(parts)
    if not lines:
        return " ".join(text.split())
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _text_of(node, parts, lines):
    for child in node.children:
        if isinstance(child, str):
            parts.append(child)
            continue
        if child.tag in DROPPED:
            continue
        ends_line = child.tag in LINE_ENDS
        if ends_line and not lines:
            parts.append(" ")
        _text_of(child, parts, lines)
        if ends_line:
            parts.append(("\n\n" if child.tag in PARAGRAPHS else "\n") if lines else " ")
