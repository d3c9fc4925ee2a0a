"""WordPress posts become articles: title, slug, excerpt (the summary), dates, author, topics,
featured image and body, with WordPress's status kept (publishing.py)."""

from django.utils import timezone

from education.models import ArticleAuthor, ArticlePage

from . import publishing, redirects
from .body import ARTICLE_BLOCKS, BodyConverter, raw_stream
from .destinations import available_slug, wordpress_slug
from .mapping import Kind, find, fingerprint, remember
from .records import plain_text, seo_description
from .report import Outcome, Skip

SOURCE = "WordPress"
MAX_SUMMARY = 300
# Raised when the conversion changes, so a later run rewrites what the old one made.
CONVERSION_VERSION = 2


def shorten(text, limit):
    """`text` cut at a word boundary to fit `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def summary_for(item, body, notes):
    excerpt = plain_text(item.excerpt)
    source = excerpt or body.first_text or plain_text(item.title)
    if not excerpt:
        notes.append("no excerpt in WordPress: the summary is the start of the text; check it")
    elif len(excerpt) > MAX_SUMMARY:
        notes.append(f"the excerpt was cut to the summary's {MAX_SUMMARY} characters")
    return shorten(source, MAX_SUMMARY)


def hero_image(item, ctx, notes):
    """(image id, alt text, decorative) from the post's featured image (_thumbnail_id)."""
    ref = ctx.library.by_id.get(item.meta_value("_thumbnail_id"))
    if ref is None or ref.kind != "image" or ref.pk is None:
        return None, "", False
    if not ref.alt:
        notes.append("the featured image has no alt text in WordPress: imported as decorative")
    return ref.pk, ref.alt[:250], not ref.alt


def import_post(item, ctx):
    wordpress_plan, plan_note = publishing.plan_for(item)
    record = find(Kind.POST, item.wp_id)
    page = publishing.existing_page(record)
    converter = BodyConverter(ctx.library, ctx.links, ARTICLE_BLOCKS)
    body = converter.convert(item.content)
    plan, held, to_check = publishing.hold_back(item, body, wordpress_plan)
    public = publishing.goes_live(wordpress_plan, item)
    notes = [plan_note] if plan_note else []
    notes += body.notes + [note for note in to_check if note not in held + body.notes]
    image_id, image_alt, decorative = hero_image(item, ctx, notes)
    topics = ctx.topics_for(item)
    clinician_id = ctx.clinicians.get(item.creator.lower())
    if item.creator and clinician_id is None:
        notes.append(f"its WordPress author {item.creator!r} was not imported: no byline")
    fields = {
        "title": item.label[:255],
        "summary": summary_for(item, body, notes),
        "search_description": seo_description(item),
        "display_date": item.local_date or timezone.localdate(),
        "hero_image_id": image_id,
        "hero_image_alt": image_alt,
        "hero_image_decorative": decorative,
        "comments_open": item.comment_status == "open",
    }
    signature = fingerprint(
        CONVERSION_VERSION, item.fingerprint(), fields, body.blocks, [t.pk for t in topics],
        clinician_id, plan,
    )  # fmt: skip
    if page is not None and record.fingerprint == signature:
        return publishing.unchanged(item, page, record, ctx, public)
    if page is not None and publishing.edited_here(page, record):
        raise Skip("edited in Wagtail since the last import, so left as it is")
    action = "updated" if page is not None else "created"
    page = page or ArticlePage(imported_from=SOURCE)
    for name, value in fields.items():
        setattr(page, name, value)
    page.body = raw_stream(body.blocks)
    page.topics = topics
    authors = [ArticleAuthor(clinician_id=clinician_id, sort_order=0)] if clinician_id else []
    page.article_authors = authors
    wanted = wordpress_slug(item.slug, item.label)
    page.slug = available_slug(ctx.places.article_index, wanted, page)
    if page.slug != wanted:
        notes.append(f"the address {wanted!r} was taken, so it is now {page.slug!r}")
    revision = publishing.save(ctx.places.article_index, page, plan, item)
    remember(Kind.POST, item.wp_id, page, signature, revision.pk, record, to_check)
    # A draft held back to check keeps its old addresses: they work once it is published.
    moved = redirects.for_item(item, page, ctx) if public else []
    return Outcome(action, page, notes, body.shortcodes, moved, held)
