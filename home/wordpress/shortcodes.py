"""WordPress shortcodes in a post's text: the ones with a meaning here become plain HTML the
body converter understands; every other one is removed (the text it wraps is kept) and named,
so the report can list it.

WordPress itself expands only the shortcodes its plugins registered and shows the rest as
typed. Here nothing is registered, so a name counts as a shortcode when it looks like one:
lower case, and either known, or wrapping text, or with attributes (`name="value"`), or
containing "_" or "-". Bracketed prose such as "[see below]" or "[Editor's note]" is left.
"""

import html
import re

# [name attrs] ... [/name], or [name attrs], or [name attrs /]. [[name]] is an escaped one.
SHORTCODE = re.compile(
    r"\[(\[?)([a-z][a-z0-9_-]*)(?![\w-])((?:[^\]\"'/]|\"[^\"]*\"|'[^']*'|/(?!\]))*)(/?)\]"
    r"(?:((?:(?!\[\2(?![\w-])).)*?)\[/\2\])?(\]?)",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"']+))|(\"[^\"]*\"|\S+)")
KNOWN = {"caption", "wp_caption", "embed", "gallery", "video", "audio", "youtube", "vimeo"}
# Words people put in brackets in prose, never taken for a shortcode.
PROSE = {"sic", "sic!", "note", "update", "edit", "emphasis", "citation", "ref"}
MAX_PASSES = 5  # page builders nest shortcodes inside shortcodes


def attributes(text):
    """{'name': 'value'} for `name="value"` pairs; positional values under 0, 1..."""
    found, position = {}, 0
    for match in ATTRIBUTE.finditer(text):
        if match.group(1):
            found[match.group(1).lower()] = next(g for g in match.groups()[1:4] if g is not None)
        else:
            found[position] = match.group(5).strip("\"'")
            position += 1
    return found


def _is_shortcode(name, attrs, content):
    if name in KNOWN:
        return True
    if name in PROSE:
        return False
    return content is not None or "=" in attrs or "_" in name or "-" in name


def _figure(classes, inner, caption=""):
    caption_html = f"<figcaption>{caption}</figcaption>" if caption.strip() else ""
    return f'<figure class="{classes}">{inner}{caption_html}</figure>'


def _caption(attrs, content):
    # [caption id="attachment_12" ...]<img ...> The caption[/caption]; older posts put the
    # caption in a caption="..." attribute instead.
    content = content or ""
    image = re.match(r"\s*((?:<a [^>]*>\s*)?<img [^>]*>(?:\s*</a>)?)(.*)", content, re.DOTALL)
    inner, caption = (image.group(1), image.group(2)) if image else ("", content)
    caption = caption.strip() or html.escape(attrs.get("caption", ""))
    return _figure("wp-caption", inner, caption)


def _embed(url):
    url = html.escape(url.strip())
    return _figure("wp-block-embed", f'<div class="wp-block-embed__wrapper">{url}</div>')


# A [gallery] naming no pictures shows those uploaded to the post; the converter flags it.
UNNAMED_GALLERY = "wp-gallery-without-ids"


def _gallery(attrs):
    # "ids" since WordPress 3.5; "include" before it.
    listed = str(attrs.get("ids") or attrs.get("include") or "")
    ids = [i.strip() for i in listed.split(",") if i.strip().isdecimal()]
    if not ids:
        return _figure(f"wp-block-gallery {UNNAMED_GALLERY}", "")
    images = "".join(f'<img data-attachment-id="{i}" alt="">' for i in ids)
    return _figure("wp-block-gallery", images)


def _known(name, attrs, content):
    if name in ("caption", "wp_caption"):
        return _caption(attrs, content)
    if name == "gallery":
        return _gallery(attrs)
    if name == "embed":
        return _embed(content or "")
    # [video src="..."], [audio mp3="..."], [youtube https://...], [vimeo 1234]
    url = attrs.get("src") or attrs.get("url") or attrs.get("mp4") or attrs.get("mp3")
    url = url or attrs.get(0) or (content or "").strip()
    if name == "vimeo" and str(url).isdigit():
        url = f"https://vimeo.com/{url}"
    return _embed(str(url)) if url else ""


def expand(text):
    """(text with shortcodes replaced, names of the unknown shortcodes removed)."""
    removed = []

    def replace(match):
        escaped, name, attrs, _self_closing, content, closing = match.groups()
        if escaped and closing:  # [[name]] shows "[name]" as typed (and is not read again)
            return "&#91;" + match.group(0)[2:-2] + "&#93;"
        if not _is_shortcode(name, attrs, content):
            return match.group(0)
        if name in KNOWN:
            return escaped + _known(name, attributes(attrs), content) + closing
        removed.append(name)
        return escaped + (content or "") + closing

    for _ in range(MAX_PASSES):
        expanded = SHORTCODE.sub(replace, text)
        if expanded == text:
            break
        text = expanded
    return text, removed
