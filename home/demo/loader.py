"""Reads the demo's words from the YAML files in content/ (see content/README.md).

The builders keep only the logic; everything a reader sees lives in those files, so editors and
translators can change it without touching Python.
"""

from pathlib import Path

import yaml
from wagtail.rich_text import RichText

CONTENT = Path(__file__).with_name("content")

# The C parser when PyYAML has it (much faster), the pure-Python one otherwise.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(name):
    """The data in content/<name>.yaml, for example load("articles/pacing")."""
    with (CONTENT / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.load(file, Loader=_Loader)


def html(parts):
    """Rich text HTML from its shorthand: a list whose items are paragraphs (plain strings),
    {"ul": [items]}, {"ol": [items]} or {"h2": heading}. Inline HTML such as <b> is kept."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(f"<p>{part}</p>")
            continue
        ((tag, value),) = part.items()
        if tag in ("ul", "ol"):
            items = "".join(f"<li>{item}</li>" for item in value)
            out.append(f"<{tag}>{items}</{tag}>")
        elif tag in ("h2", "h3"):
            out.append(f"<{tag}>{value}</{tag}>")
        else:
            raise ValueError(f"Unknown rich text part {tag!r} in the demo content.")
    return "".join(out)


def stream(blocks, images=None):
    """StreamField blocks as (type, value) pairs from a content file's list of one-key mappings
    ({"paragraph": [...]}, {"callout": {...}}, ...). `images` maps the names that image blocks
    use to functions returning the saved image; they are called only here, when needed."""
    return [_block(block, images or {}) for block in blocks]


def _block(block, images):
    ((kind, value),) = block.items()
    if kind == "paragraph":
        return kind, RichText(html(value))
    if kind == "callout":
        return kind, {**value, "body": RichText(html(value["body"]))}
    if kind == "video":
        return kind, {**value, "transcript": RichText(html(value["transcript"]))}
    if kind == "image":
        return kind, {**value, "image": images[value["image"]]()}
    return kind, value
