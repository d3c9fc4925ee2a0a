"""The fixtures most tests stand on (the site, its sections, Dr. Rubin, the article, the
consultation form) built for real once a run, then written back as rows.

A factory builds a page as an editor does: added to the tree, revised, published, checked,
logged; the site and an article with its sections and author took 300 to 500 queries, before
each of about 900 tests. The first build of each fixture in a run is real. What it changed is
kept table by table (tests/db_rows.py), with what those tables held before it. Later, when
those tables hold exactly what they held before the first build, the rows it made are written
back, with the same ids, in a few statements; the test gets fresh objects read from them.
Otherwise (a test that made pages of its own first, say) the factory builds it for real.

Rows written back send no signals, so what the signals would do is done here: the index
updates the first build queued are queued again (tests/deferred_indexing.py), and the content
version and Wagtail's site paths start afresh. A new day builds again, so that no fixture's
dates are from yesterday.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from tests import db_rows, deferred_indexing


@dataclass
class _Build:
    day: date
    before: dict  # {table: rows} of each table the build changed, as it found them
    after: dict  # {table: rows} of the same tables, as it left them
    index_updates: list
    made: object  # what make() returned: an object, or a dict of them, as (model, pk)


_builds = {}


def replayed(name, make):
    """What `make()` returns (a model instance, or a dict of them), built by it or written back
    from its first build."""
    build = _builds.get(name)
    if build is None or build.day != timezone.localdate():
        return _record(name, make)
    now = db_rows.read(build.before)
    if not all(_same(now[table], rows) for table, rows in build.before.items()):
        return make()
    db_rows.write(build.after)
    deferred_indexing.active.queue(build.index_updates)
    _as_after_a_save()
    return _fetched(build.made)


def _record(name, make):
    day = timezone.localdate()
    before = db_rows.read()
    queued = set(deferred_indexing.active.waiting())
    made = make()
    after = db_rows.read()
    changed = [table for table, rows in after.items() if not _same(before.get(table), rows)]
    _builds[name] = _Build(
        day=day,
        before={table: before[table] for table in changed},
        after={table: after[table] for table in changed},
        index_updates=[key for key in deferred_indexing.active.waiting() if key not in queued],
        made=_keys(made),
    )
    return made


def _keys(made):
    if isinstance(made, dict):
        return {name: _keys(value) for name, value in made.items()}
    return type(made), made.pk


def _fetched(keys):
    """Fresh objects read from the rows written back (one query each)."""
    if isinstance(keys, dict):
        return {name: _fetched(value) for name, value in keys.items()}
    model, pk = keys
    return model._default_manager.get(pk=pk)


def _same(rows, other):
    """The same rows, whatever their order (a rollback or an update may move them)."""
    return _sorted(rows) == _sorted(other)


def _sorted(rows):
    if rows is None:
        return None
    if isinstance(rows, bytes):  # PostgreSQL's COPY text: a line per row
        return sorted(rows.splitlines())
    columns, values = rows
    return columns, sorted(values, key=repr)


def _as_after_a_save():
    from wagtail.models import Site

    from practice.cache import bump_content_version

    bump_content_version()
    Site.clear_site_root_paths_cache()
