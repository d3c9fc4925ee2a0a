"""The order of an import, and the rule that one broken item never stops the rest: every item
(with its redirects) is saved in a transaction of its own, and an error in it becomes a
skip, with its reason, in the report. A dry run does all of it inside one more transaction
that is rolled back at the end, stores no file, and logs nothing below a warning (Wagtail's
"Page created" lines would tell of pages that are never written).

1. Read the whole file once (wxr.scan): a damaged or unsafe file stops here, before any write.
2. Authors, categories and tags, attachments: what posts refer to.
3. Posts and pages, streamed from the file one at a time, each followed by its comments.
4. The feed addresses.
"""

import contextlib
import dataclasses
import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from practice.cache import changes_batched

from . import authors, destinations, media, redirects, topics, wxr
from .articles import import_post
from .comments import Thread, import_comment
from .comments import label as comment_label
from .links import LinkRewriter
from .mapping import Kind, target
from .pages import import_page
from .records import Term
from .report import NO_ID, MissingFile, Outcome, Report, Skip

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 250
KINDS = {"post": "article", "page": "page", "attachment": "attachment"}  # by post type


@dataclasses.dataclass
class Context:
    export: wxr.Export
    places: destinations.Destinations
    report: Report
    media_dir: object
    dry_run: bool
    library: media.MediaLibrary = dataclasses.field(default_factory=media.MediaLibrary)
    clinicians: dict = dataclasses.field(default_factory=dict)  # login -> clinician id
    topics: dict = dataclasses.field(default_factory=dict)  # term key -> Topic
    terms_seen: set = dataclasses.field(default_factory=set)  # imported or skipped already
    links: LinkRewriter = None
    staff_ids: set = dataclasses.field(default_factory=set)  # WordPress user IDs of authors

    def topics_for(self, item):
        return list({t.pk: t for term in item.terms if (t := self.topics.get(term.key))}.values())


def run(path, media_dir=None, dry_run=False, write=None, verbosity=1):
    """Import the export at `path`; returns the Report. wxr.ExportError or
    destinations.ImportStopped when nothing could be imported."""
    write = write or (lambda line: None)
    export = wxr.scan(path)
    report = Report(write, dry_run, verbosity)
    if verbosity:
        counts = ", ".join(
            f"{n:,} {kind or 'without a type'}" for kind, n in export.counts.most_common()
        )
        write(f"Read {path}: {counts or 'no items'}.")
    with _undone_if(dry_run), _quiet_if(dry_run):
        places = destinations.find_or_create()
        ctx = Context(export, places, report, media_dir, dry_run)
        ctx.links = LinkRewriter([export.site.base_site_url, export.site.link], ctx.library)
        ctx.staff_ids = {author.wp_id for author in export.authors if author.wp_id}
        _authors(ctx)
        _terms(ctx, export.terms)
        _attachments(ctx)
        _posts_and_pages(ctx, path, verbosity)
        _record(ctx, "redirect", "feeds", lambda: _redirects_only(redirects.for_feeds(ctx)))
    return report


@contextlib.contextmanager
def _undone_if(dry_run):
    if not dry_run:
        yield
        return
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextlib.contextmanager
def _quiet_if(dry_run):
    if not dry_run:
        yield
        return
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    try:
        yield
    finally:
        logging.disable(previous)


def _describe(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return f"{error.__class__.__name__}: {error}"


def _record(ctx, kind, label, function):
    """Run `function` in its own transaction and put what happened in the report. Returns the
    Outcome, or None when the item was skipped or failed."""
    report = ctx.report
    try:
        with changes_batched(), transaction.atomic():
            outcome = function()
    except Skip as skip:
        report.record(kind, label, "skipped", str(skip))
        if isinstance(skip, MissingFile):
            report.missing_file(skip.path, skip.url)
        return None
    except Exception as error:  # noqa: BLE001 - one broken item must not stop the rest
        logger.warning("WordPress import: %s %s failed", kind, label, exc_info=True)
        report.record(kind, label, "skipped", f"it could not be imported ({_describe(error)})")
        return None
    if kind != "redirect" or outcome.action:
        report.record(kind, label, outcome.action)
    for reason in outcome.held:
        report.hold(kind, label, reason)
    for note in outcome.notes:
        report.note(kind, label, note)
    if outcome.shortcodes:
        report.removed_shortcodes(f"{kind} {label}", outcome.shortcodes)
    for path, action in outcome.redirects:
        if action:
            report.record("redirect", path, action)
        else:
            report.note("redirect", path, "already redirects elsewhere; left as it is")
    return outcome


def _redirects_only(results):
    return Outcome("", redirects=results)


def _authors(ctx):
    for author in ctx.export.authors:
        outcome = _record(
            ctx, "clinician", author.label, lambda a=author: authors.import_author(a, ctx.places)
        )
        if outcome is not None and author.login:
            ctx.clinicians[author.login.lower()] = outcome.obj.pk


def _terms(ctx, terms):
    parents = {t.slug: t.parent_slug for t in ctx.export.terms if t.taxonomy == "category"}
    for term in terms:
        if term.key in ctx.terms_seen:
            continue
        ctx.terms_seen.add(term.key)

        def bring_in(term=term):
            outcome = topics.import_term(term)
            outcome.redirects = redirects.for_term(term, outcome.obj, ctx, parents)
            return outcome

        outcome = _record(ctx, "topic", topics.label(term), bring_in)
        if outcome is not None:
            ctx.topics[term.key] = outcome.obj


def _attachments(ctx):
    for item in ctx.export.attachments:

        def bring_in(item=item):
            outcome = media.import_attachment(item, ctx.places, ctx.media_dir, ctx.dry_run)
            ref = outcome.obj
            if ref.kind == "document" and ref.pk:
                outcome.redirects = redirects.for_document(item, ref.url, ctx)
            return outcome

        outcome = _record(ctx, "attachment", media.label(item), bring_in)
        if outcome is not None:
            ctx.library.add(item, outcome.obj)


def _posts_and_pages(ctx, path, verbosity):
    total = ctx.export.counts["post"] + ctx.export.counts["page"]
    done = 0
    for item in wxr.items(path):
        kind = KINDS.get(item.post_type, "other")
        if kind == "other":
            reason = f"WordPress {item.post_type or 'untyped'} items are not imported"
            label = f"{item.post_type or '(no type)'} {item.label!r}"
            ctx.report.record("other", label, "skipped", reason)
        elif kind != "attachment" and not item.wp_id:
            ctx.report.record(kind, item.label, "skipped", NO_ID)
        if kind in ("other", "attachment") or not item.wp_id:
            _comments(ctx, item, kind)  # each one still accounted for
            continue
        # Categories and tags a partial export does not list on their own.
        _terms(ctx, [Term(t.taxonomy, t.slug, t.name) for t in item.terms])
        importer = import_post if kind == "article" else import_page
        _record(ctx, kind, item.label, lambda item=item, f=importer: f(item, ctx))
        _comments(ctx, item, kind)
        done += 1
        if verbosity and done % PROGRESS_EVERY == 0:
            ctx.report.write(f"... {done:,} of {total:,} posts and pages")


def _in_order(comment):
    """Oldest first, so a reply comes after the comment it answers."""
    posted = comment.posted_at
    number = int(comment.wp_id) if comment.wp_id.isdecimal() else 0
    return (posted is None, posted.timestamp() if posted else 0, number)


def _comments(ctx, item, kind):
    if not item.comments:
        return
    article = target(Kind.POST, item.wp_id) if kind == "article" and item.wp_id else None
    thread = Thread(item.comments) if article is not None else None
    for comment in sorted(item.comments, key=_in_order):
        label = comment_label(comment, item)
        if article is None:
            reason = (
                "only articles take comments here"
                if kind == "page"
                else "its post was not imported"
            )
            ctx.report.record("comment", label, "skipped", reason)
            continue
        _record(ctx, "comment", label, lambda c=comment: import_comment(c, article, ctx, thread))
