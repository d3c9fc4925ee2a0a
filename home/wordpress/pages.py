"""WordPress pages become standard pages directly under the home page. Pages that WordPress
nested come in side by side; their old nested addresses still redirect to them."""

from pages.models import StandardPage

from . import publishing, redirects
from .body import PAGE_BLOCKS, BodyConverter, raw_stream
from .destinations import available_slug, wordpress_slug
from .mapping import Kind, find, fingerprint, remember
from .records import plain_text, seo_description
from .report import Outcome, Skip

CONVERSION_VERSION = 2
MAX_INTRO = 500


def import_page(item, ctx):
    wordpress_plan, plan_note = publishing.plan_for(item)
    record = find(Kind.PAGE, item.wp_id)
    page = publishing.existing_page(record)
    body = BodyConverter(ctx.library, ctx.links, PAGE_BLOCKS).convert(item.content)
    plan, held, to_check = publishing.hold_back(item, body, wordpress_plan)
    public = publishing.goes_live(wordpress_plan, item)
    notes = [plan_note] if plan_note else []
    notes += body.notes + [note for note in to_check if note not in held + body.notes]
    intro = plain_text(item.excerpt)
    if len(intro) > MAX_INTRO:
        notes.append(f"the excerpt was cut to the introduction's {MAX_INTRO} characters")
    fields = {
        "title": item.label[:255],
        "intro": intro[: MAX_INTRO - 1] + "…" if len(intro) > MAX_INTRO else intro,
        "search_description": seo_description(item),
    }
    signature = fingerprint(CONVERSION_VERSION, item.fingerprint(), fields, body.blocks, plan)
    if page is not None and record.fingerprint == signature:
        return publishing.unchanged(item, page, record, ctx, public)
    if page is not None and publishing.edited_here(page, record):
        raise Skip("edited in Wagtail since the last import, so left as it is")
    action = "updated" if page is not None else "created"
    page = page or StandardPage()
    for name, value in fields.items():
        setattr(page, name, value)
    page.body = raw_stream(body.blocks)
    home = ctx.places.home
    wanted = wordpress_slug(item.slug, item.label)
    page.slug = available_slug(home, wanted, page)
    if page.slug != wanted:
        notes.append(f"the address {wanted!r} was taken, so it is now {page.slug!r}")
    revision = publishing.save(home, page, plan, item)
    remember(Kind.PAGE, item.wp_id, page, signature, revision.pk, record, to_check)
    moved = redirects.for_item(item, page, ctx) if public else []
    return Outcome(action, page, notes, body.shortcodes, moved, held)
