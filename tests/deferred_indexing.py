"""In tests, saves leave the search index and Wagtail's reference index alone until something
reads one of them.

Every save of a page, picture, snippet or setting queues an update of both indexes, and tests
run queued tasks at once (as production does). Building a test's pages saves each of them three
or four times (added to the tree, revised, published): about a third of the time a test spends
setting up, and on PostgreSQL a few hundred queries, most of them for tests that never search.

Here the signal handlers' updates wait, one per object however often it was saved, and run
just before anything reads an index: a search (every backend's `_search`), a query on
`ReferenceIndex` or `IndexEntry` (the admin's usage counts, Wagtail's own bookkeeping, a test
comparing the index), or a test starting to count queries (so counts never include them). An
object deleted before then is left out, as its deletion was indexed when it happened. What a
module-scoped fixture saved is indexed before its first test; what a test saved and never
read is dropped with its rollback. Direct enqueues (the demo build's `indexed_at_the_end`)
still run at once.
"""

import contextlib
import threading

from django.core.exceptions import ObjectDoesNotExist
from django.test.utils import CaptureQueriesContext
from modelsearch import signal_handlers as search_signals
from modelsearch.backends.base import BaseSearchBackend
from modelsearch.tasks import insert_or_update_object_task
from wagtail import signal_handlers as wagtail_signals
from wagtail.models import ReferenceIndex
from wagtail.search.models import IndexEntry
from wagtail.tasks import update_reference_index_task


class DeferredIndexing:
    def __init__(self):
        self._pending = {}  # (task, app label, model name, pk) -> None: an ordered set
        self._lock = threading.RLock()
        self._running = False

    def queue_for(self, task):
        """Stands in for `task` where the signal handlers enqueue it."""
        deferred = self

        class Queued:
            @staticmethod
            def enqueue(*key):
                with deferred._lock:
                    deferred._pending[(task, *key)] = None

        return Queued

    def run(self):
        """Every waiting update, in the order first saved."""
        with self._lock:
            if self._running:
                return
            self._running = True
            try:
                while self._pending:
                    waiting = list(self._pending)
                    self._pending.clear()
                    for task, *key in waiting:
                        with contextlib.suppress(ObjectDoesNotExist):
                            task.call(*key)
            finally:
                self._running = False

    def drop(self):
        with self._lock:
            self._pending.clear()

    def waiting(self):
        with self._lock:
            return list(self._pending)

    def queue(self, updates):
        """Queue again updates `waiting()` returned (tests/fixture_replay.py)."""
        with self._lock:
            self._pending.update(dict.fromkeys(updates))


# The session's DeferredIndexing, once install() has run.
active = None


def install(monkeypatch):
    """Defer the signal handlers' index updates for the session; returns the DeferredIndexing."""
    global active
    deferred = active = DeferredIndexing()
    monkeypatch.setattr(
        search_signals,
        "insert_or_update_object_task",
        deferred.queue_for(insert_or_update_object_task),
    )
    monkeypatch.setattr(
        wagtail_signals,
        "update_reference_index_task",
        deferred.queue_for(update_reference_index_task),
    )

    def runs_first(method):
        def wrapper(*args, **kwargs):
            deferred.run()
            return method(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(BaseSearchBackend, "_search", runs_first(BaseSearchBackend._search))
    monkeypatch.setattr(
        CaptureQueriesContext, "__enter__", runs_first(CaptureQueriesContext.__enter__)
    )
    for model in (ReferenceIndex, IndexEntry):
        manager = model._default_manager
        monkeypatch.setattr(manager, "get_queryset", runs_first(manager.get_queryset))
    return deferred
