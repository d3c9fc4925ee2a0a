"""What the export holds, as plain records: no Django, no database."""

import dataclasses
import datetime
import hashlib
import json
import zoneinfo

from django.conf import settings

from . import html_tree

NO_DATE = "0000-00-00 00:00:00"


def plain_text(value):
    """Text without tags or entities, on one line ("Back &amp; neck" -> "Back & neck"):
    words inside inline markup kept whole, script and style contents left out."""
    return html_tree.plain_text(value)


def seo_description(item):
    """The search engine description Yoast SEO kept for the item, unless it is a template
    ("%%excerpt%%") that only Yoast can fill in."""
    text = plain_text(item.meta_value("_yoast_wpseo_metadesc"))
    return "" if "%%" in text else text


def parse_date(local, gmt=""):
    """An aware datetime from WordPress's pair of dates: the GMT one when it is set (drafts
    have none), else the local one in the practice's time zone. None when neither is."""
    for text, zone in ((gmt, datetime.UTC), (local, zoneinfo.ZoneInfo(settings.TIME_ZONE))):
        if text and text.strip() != NO_DATE:
            try:
                return datetime.datetime.fromisoformat(text.strip()).replace(tzinfo=zone)
            except ValueError:
                continue
    return None


@dataclasses.dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


@dataclasses.dataclass
class Author:
    login: str = ""
    wp_id: str = ""  # older and hand-edited exports leave it out: authors go by login
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def label(self):
        return plain_text(self.display_name) or self.login


@dataclasses.dataclass
class Term:
    taxonomy: str  # "category" or "post_tag" (others are not imported)
    slug: str
    name: str
    wp_id: str = ""
    parent_slug: str = ""
    description: str = ""

    @property
    def key(self):
        return f"{self.taxonomy}:{self.slug}"


@dataclasses.dataclass
class Comment:
    wp_id: str
    author: str = ""
    email: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = ""
    type: str = ""
    parent_id: str = "0"
    user_id: str = "0"

    @property
    def posted_at(self):
        return parse_date(self.date, self.date_gmt)


@dataclasses.dataclass
class Item:
    """A post, page, attachment or anything else with a `wp:post_id`."""

    wp_id: str
    post_type: str = ""
    title: str = ""
    link: str = ""
    slug: str = ""
    status: str = ""
    date: str = ""
    date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    parent_id: str = "0"
    password: str = ""
    comment_status: str = ""
    attachment_url: str = ""
    terms: list = dataclasses.field(default_factory=list)  # Term records (slug and name only)
    meta: dict = dataclasses.field(default_factory=dict)  # key -> list of values, in order
    comments: list = dataclasses.field(default_factory=list)

    def meta_value(self, key, default=""):
        values = self.meta.get(key)
        return values[0] if values else default

    @property
    def published_at(self):
        return parse_date(self.date, self.date_gmt)

    @property
    def modified_at(self):
        return parse_date(self.modified, self.modified_gmt) or self.published_at

    @property
    def local_date(self):
        """The date WordPress showed as the post's date."""
        try:
            return datetime.date.fromisoformat(self.date.strip()[:10])
        except ValueError:
            moment = self.published_at
            return moment.date() if moment else None

    @property
    def label(self):
        return plain_text(self.title) or f"(no title, WordPress ID {self.wp_id})"

    def fingerprint(self, *extra):
        """A hash of everything the import reads from the item (comments have their own), so a
        second run can tell an unchanged item from one that changed in WordPress."""
        fields = dataclasses.asdict(self)
        fields.pop("comments")
        payload = json.dumps([fields, *extra], sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()
