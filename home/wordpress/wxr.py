"""Reading a WordPress export (WXR: RSS with the wp:, content:, excerpt: and dc: namespaces)
as a stream of records, in bounded memory whatever the file's size.

Every version WordPress has written is read (1.0, 1.1, 1.2), with its namespace spelt
http:// or https://, or under any address the file declares with the wp: prefix, as
WordPress's own importer reads it. The version is checked before anything else is read.

defusedxml parses it: a document type declaration (which WordPress never writes, and which
entity-expansion "XML bombs" need) stops the read before any entity is expanded. Each
element is dropped from the tree as soon as it has been turned into a record.
"""

import collections
import dataclasses
import re
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.text import slugify

from .records import Author, Comment, Item, Site, Term, plain_text

WXR_VERSIONS = ("1.0", "1.1", "1.2")
MAX_NAMES = 500  # element names remembered; WordPress writes about 70
EXPORT_NAMESPACE = re.compile(r"^https?://(?:www\.)?wordpress\.org/export/(?:[^/]+/)?(excerpt/)?$")
# Elements of the channel that only come after the version in a WordPress export.
CONTENT = {"item", "wp:author", "wp:category", "wp:tag", "wp:term"}
# WXR 1.0 calls tags "tag"; a <category> without a domain is a category, as WordPress reads it.
TAXONOMIES = {"tag": "post_tag", "": "category"}
NOT_AN_EXPORT = (
    "This is an RSS file, but not a WordPress export: it has no wp:wxr_version. In WordPress, "
    "use Tools -> Export -> All content. Nothing was imported."
)
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
    pages: dict = dataclasses.field(default_factory=dict)  # page ID -> (slug, parent ID)


def scan(path):
    """Read the whole file once: ExportError if it is not a complete, safe WordPress export;
    otherwise the authors, terms and attachments, and how many items of each type it holds.
    An export that lists no authors (WXR 1.0 never did) has those its posts name."""
    export = Export(Site(), [], [], [], collections.Counter())
    creators = {}
    for record in _records(path, export.site):
        if isinstance(record, Author):
            export.authors.append(record)
        elif isinstance(record, Term):
            export.terms.append(record)
        else:
            export.counts[record.post_type] += 1
            creators.setdefault(record.creator.strip())
            if record.post_type == "attachment":
                export.attachments.append(record)
            elif record.post_type == "page":
                export.pages[record.wp_id] = (record.slug, record.parent_id)
    if not export.site.wxr_version:
        raise ExportError(NOT_AN_EXPORT)
    if not export.authors:
        export.authors = [Author(login=login) for login in creators if login]
    return export


def items(path):
    """Every item (post, page, attachment...), one at a time, in the order of the file."""
    for record in _records(path, Site()):
        if isinstance(record, Item):
            yield record


class _Names:
    """'{http://wordpress.org/export/1.2/}post_id' -> 'wp:post_id', for any WXR version and
    either scheme, and for an address the file itself declares as wp: or excerpt:."""

    def __init__(self):
        self.declared = {}
        self.known = {}

    def declare(self, prefix, uri):
        if prefix in ("wp", "excerpt", "content", "dc"):
            self.declared.setdefault(uri, prefix)

    def __call__(self, tag):
        name = self.known.get(tag)
        if name is None:
            name = self._name(tag)
            if len(self.known) < MAX_NAMES:  # a file of endless made-up tags stays bounded
                self.known[tag] = name
        return name

    def _name(self, tag):
        if not tag.startswith("{"):
            return tag
        uri, local = tag[1:].split("}", 1)
        if match := EXPORT_NAMESPACE.match(uri):
            return ("excerpt:" if match.group(1) else "wp:") + local
        prefix = OTHER_NAMESPACES.get(uri) or self.declared.get(uri, uri)
        return f"{prefix}:{local}"


def check_version(text):
    """The WXR version, if it is one WordPress has written; ExportError, in one line, if not."""
    version = (text or "").strip()
    if not version:
        raise ExportError(NOT_AN_EXPORT)
    if version not in WXR_VERSIONS:
        raise ExportError(
            f"This file says it is a WordPress export in WXR version {version[:20]!r}, which "
            f"WordPress has never written (it writes {', '.join(WXR_VERSIONS)}), so it was not "
            "read. Nothing was imported."
        )
    return version


def _events(path):
    try:
        yield from iterparse(str(path), events=("start", "end", "start-ns"), forbid_dtd=True)
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
    depth, channel, name = 0, None, _Names()
    for event, element in _events(path):
        if event == "start-ns":
            name.declare(*element)
            continue
        if event == "start":
            depth += 1
            if depth == 1 and name(element.tag) != "rss":
                raise ExportError(
                    f"The file is XML but not a WordPress export: it starts with "
                    f"<{name(element.tag)}>, not <rss>. Nothing was imported."
                )
            if depth == 2 and name(element.tag) == "channel":
                channel = element
            continue
        depth -= 1
        if depth != 2 or channel is None:
            continue
        tag = name(element.tag)
        if tag in CONTENT and not site.wxr_version:
            raise ExportError(NOT_AN_EXPORT)
        if tag == "item":
            yield _item(element, name)
        elif tag == "wp:author":
            yield Author(**_fields(element, AUTHOR_FIELDS, name))
        elif tag in ("wp:category", "wp:tag", "wp:term"):
            yield _term(tag, element, name)
        elif tag == "wp:wxr_version":
            site.wxr_version = check_version(element.text)
        elif tag in SITE_FIELDS:
            setattr(site, SITE_FIELDS[tag], (element.text or "").strip())
        # The channel never keeps what has been read: memory stays bounded.
        channel.clear()


def _fields(element, names, name):
    values = {}
    for child in element:
        field = names.get(name(child.tag))
        if field:
            text = child.text or ""
            values[field] = text if field in VERBATIM else text.strip()
    return values


def slug_from(name):
    """The slug WordPress would give a term named `name` (for a term the export gives none)."""
    return slugify(plain_text(name), allow_unicode=True)


def _term(tag, element, name):
    fields = _fields(element, TERM_FIELDS, name)
    taxonomy = {"wp:category": "category", "wp:tag": "post_tag"}.get(tag)
    fields["taxonomy"] = taxonomy or fields.get("taxonomy", "")
    fields["slug"] = fields.get("slug") or slug_from(fields.get("name", ""))
    fields.setdefault("name", fields["slug"])
    return Term(**fields)


def _item(element, name):
    item = Item(**{"wp_id": "", **_fields(element, ITEM_FIELDS, name)})
    bare = []  # <category> without a nicename
    for child in element:
        tag = name(child.tag)
        if tag == "category":
            domain = (child.get("domain") or "").strip()
            term = Term(TAXONOMIES.get(domain, domain), (child.get("nicename") or "").strip(),
                        (child.text or "").strip())  # fmt: skip
            (item.terms if term.slug else bare).append(term)
        elif tag == "wp:postmeta":
            meta = _fields(child, {"wp:meta_key": "key", "wp:meta_value": "value"}, name)
            item.meta.setdefault(meta.get("key", ""), []).append(meta.get("value", ""))
        elif tag == "wp:comment":
            fields = _fields(child, COMMENT_FIELDS, name)
            item.comments.append(Comment(**{"wp_id": "", **fields}))
    # WXR 1.0 writes each category and tag twice, once bare for feed readers: a bare one
    # counts only when no named one has its name (an export older still has only bare ones).
    named = {(term.taxonomy, term.name) for term in item.terms}
    for term in bare:
        if term.name and (term.taxonomy, term.name) not in named:
            named.add((term.taxonomy, term.name))
            item.terms.append(Term(term.taxonomy, slug_from(term.name), term.name))
    return item
