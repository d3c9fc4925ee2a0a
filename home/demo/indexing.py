"""The search index and Wagtail's reference index, updated once per object at the end of the
demo build instead of on every save.

The steps save, revise and publish each page several times as they build it, and every save
queued an update of both indexes: 767 updates for about 250 objects, 7 of the build's 17 s on
PostgreSQL. Deletions are still indexed as they happen.
"""

import contextlib
from collections import defaultdict

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task


@contextlib.contextmanager
def indexed_at_the_end():
    """Inside, saves leave both indexes alone; on the way out, each object saved is indexed
    once, through the same tasks the signals queue (so a task worker, where there is one, does
    it). Nothing is indexed if the block fails."""
    searched = {model for model in index.get_indexed_models() if _auto_updated(model)}
    referenced = set(ReferenceIndex.tracked_models)
    # (app label, model name, pk) of each object saved, in the order first saved (dicts as
    # ordered sets), for each index.
    to_search, to_reference = {}, {}

    def remember(sender, instance, raw=False, **kwargs):
        if raw:
            return
        key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
        if sender in searched:
            to_search[key] = None
        if sender in referenced:
            to_reference[key] = None

    # Only what was connected is connected again afterwards.
    held = [
        (handler, model)
        for handler, models in (
            (post_save_signal_handler, searched),
            (update_reference_index_on_save, referenced),
        )
        for model in models
        if post_save.disconnect(handler, sender=model)
    ]
    post_save.connect(remember, weak=False, dispatch_uid="demo-indexed-at-the-end")
    try:
        yield
    finally:
        post_save.disconnect(dispatch_uid="demo-indexed-at-the-end")
        for handler, model in held:
            post_save.connect(handler, sender=model)
    # An object the build deleted after saving it is left out (its deletion was indexed).
    existing = _still_there(to_search.keys() | to_reference.keys())
    for task, keys in (
        (insert_or_update_object_task, to_search),
        (update_reference_index_task, to_reference),
    ):
        for key in keys:
            if key in existing:
                task.enqueue(*key)


def _auto_updated(model):
    return getattr(model, "search_auto_update", True)


def _still_there(keys):
    """The (app label, model name, pk) keys whose object still exists: a query per model."""
    pks = defaultdict(set)
    for app_label, model_name, pk in keys:
        pks[app_label, model_name].add(pk)
    return {
        (app_label, model_name, str(pk))
        for (app_label, model_name), wanted in pks.items()
        for pk in apps.get_model(app_label, model_name)
        .objects.filter(pk__in=wanted)
        .values_list("pk", flat=True)
    }
