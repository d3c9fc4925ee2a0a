"""Reading a WordPress export (WXR 1.2: RSS with the wp:, content:, excerpt: and dc:
namespaces) as a stream of records, in bounded memory whatever the file's size.

defusedxml parses it: a document type declaration (which WordPress never writes, and which
entity-expansion "XML bombs" need) stops the read before any entity is expanded. Each
element is dropped from the tree as soon as it has been turned into a record.
"""

import collections
import dataclasses
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .records import Author, Comment, Item, Site, Term

WORDPRESS_EXPORT_NAMESPACE = "http://wordpress.org/export/"
OTHER_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
SITE_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:base_site_url": "base_site_url",
    "wp:base_blog_url": "base_blog_url",
    "wp:wxr_version": "wxr_version",
}
AUTHOR_FIELDS = {
    "wp:author_id": "wp_id",
    "wp:author_login": "login",
    "wp:author_email": "email",
    "wp:author_display_name": "display_name",
    "wp:author_first_name": "first_name",
    "wp:author_last_name": "last_name",
}
# wp:category, wp:tag and wp:term each name their fields differently.
TERM_FIELDS = {
    "wp:term_id": "wp_id",
    "wp:category_nicename": "slug",
    "wp:tag_slug": "slug",
    "wp:term_slug": "slug",
    "wp:cat_name": "name",
    "wp:tag_name": "name",
    "wp:term_name": "name",
    "wp:category_parent": "parent_slug",
    "wp:term_parent": "parent_slug",
    "wp:category_description": "description",
    "wp:tag_description": "description",
    "wp:term_description": "description",
    "wp:term_taxonomy": "taxonomy",
}
ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_id": "wp_id",
    "wp:post_date": "date",
    "wp:post_date_gmt": "date_gmt",
    "wp:post_modified": "modified",
    "wp:post_modified_gmt": "modified_gmt",
    "wp:comment_status": "comment_status",
    "wp:post_name": "slug",
    "wp:status": "status",
    "wp:post_parent": "parent_id",
    "wp:post_type": "post_type",
    "wp:post_password": "password",
    "wp:attachment_url": "attachment_url",
}
COMMENT_FIELDS = {
    "wp:comment_id": "wp_id",
    "wp:comment_author": "author",
    "wp:comment_author_email": "email",
    "wp:comment_date": "date",
    "wp:comment_date_gmt": "date_gmt",
    "wp:comment_content": "content",
    "wp:comment_approved": "approved",
    "wp:comment_type": "type",
    "wp:comment_parent": "parent_id",
    "wp:comment_user_id": "user_id",
}
# Fields whose text is markup or prose: kept exactly as written, spaces included.
VERBATIM = {"content", "excerpt", "title"}


class ExportError(Exception):
    """The file cannot be imported at all; the message says why, for the practice manager."""


@dataclasses.dataclass
class Export:
    """What the first pass keeps: the small things every item refers to."""

    site: Site
    authors: list
    terms: list
    attachments: list
    counts: collections.Counter  # items by post type


def scan(path):
    """Read the whole file once: ExportError if it is not a complete, safe WordPress export;
    otherwise the authors, terms and attachments, and how many items of each type it holds."""
    site, authors, terms, attachments = Site(), [], [], []
    counts = collections.Counter()
    for record in _records(path, site):
        if isinstance(record, Author):
            authors.append(record)
        elif isinstance(record, Term):
            terms.append(record)
        else:
            counts[record.post_type] += 1
            if record.post_type == "attachment":
                attachments.append(record)
    if not site.wxr_version:
        raise ExportError(
            "This is an RSS file, but not a WordPress export: it has no wp:wxr_version. In "
            "WordPress, use Tools -> Export -> All content."
        )
    return Export(site, authors, terms, attachments, counts)


def items(path):
    """Every item (post, page, attachment...), one at a time, in the order of the file."""
    for record in _records(path, Site()):
        if isinstance(record, Item):
            yield record


def _name(tag):
    """'{http://wordpress.org/export/1.2/}post_id' -> 'wp:post_id' (any WXR version)."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if uri.startswith(WORDPRESS_EXPORT_NAMESPACE):
        return ("excerpt:" if uri.endswith("/excerpt/") else "wp:") + local
    return f"{OTHER_NAMESPACES.get(uri, uri)}:{local}"


def _events(path):
    try:
        yield from iterparse(str(path), events=("start", "end"), forbid_dtd=True)
    except DefusedXmlException as error:
        raise ExportError(
            "The file declares a document type or XML entities, which WordPress exports never "
            "do: it may be an 'XML bomb' built to exhaust the server's memory, so it was not "
            f"read ({error.__class__.__name__}). Nothing was imported."
        ) from None
    except ParseError as error:
        raise ExportError(
            f"The file is not well-formed XML ({error}); it may be cut short or damaged. "
            "Export it from WordPress again. Nothing was imported."
        ) from None
    except OSError as error:
        raise ExportError(f"The file could not be read: {error}.") from None


def _records(path, site):
    depth, channel = 0, None
    for event, element in _events(path):
        if event == "start":
            depth += 1
            if depth == 1 and _name(element.tag) != "rss":
                raise ExportError(
                    f"The file is XML but not a WordPress export: it starts with "
                    f"<{_name(element.tag)}>, not <rss>. Nothing was imported."
                )
            if depth == 2 and _name(element.tag) == "channel":
                channel = element
            continue
        depth -= 1
        if depth != 2 or channel is None:
            continue
        tag = _name(element.tag)
        if tag == "item":
            yield _item(element)
        elif tag == "wp:author":
            yield Author(**_fields(element, AUTHOR_FIELDS))
        elif tag in ("wp:category", "wp:tag", "wp:term"):
            yield _term(tag, element)
        elif tag in SITE_FIELDS:
            setattr(site, SITE_FIELDS[tag], (element.text or "").strip())
        # The channel never keeps what has been read: memory stays bounded.
        channel.clear()


def _fields(element, names):
    values = {}
    for child in element:
        field = names.get(_name(child.tag))
        if field:
            text = child.text or ""
            values[field] = text if field in VERBATIM else text.strip()
    return values


def _term(tag, element):
    fields = _fields(element, TERM_FIELDS)
    taxonomy = {"wp:category": "category", "wp:tag": "post_tag"}.get(tag)
    fields["taxonomy"] = taxonomy or fields.get("taxonomy", "")
    fields.setdefault("slug", "")
    fields.setdefault("name", fields["slug"])
    return Term(**fields)


def _item(element):
    item = Item(**{"wp_id": "", **_fields(element, ITEM_FIELDS)})
    for child in element:
        tag = _name(child.tag)
        if tag == "category":
            slug = child.get("nicename") or ""
            item.terms.append(Term(child.get("domain") or "", slug, (child.text or "").strip()))
        elif tag == "wp:postmeta":
            meta = _fields(child, {"wp:meta_key": "key", "wp:meta_value": "value"})
            item.meta.setdefault(meta.get("key", ""), []).append(meta.get("value", ""))
        elif tag == "wp:comment":
            item.comments.append(Comment(**{"wp_id": "", **_fields(child, COMMENT_FIELDS)}))
    return item
