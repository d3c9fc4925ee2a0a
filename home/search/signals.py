"""Keeps the spelling vocabulary and the cached synonyms current as editors work.

A publish adds the page title's words to its language's vocabulary at once (two queries).
Unpublishing, deleting, a page made private or public again, a topic or synonym removed: the
vocabulary is rebuilt from its sources once the transaction commits, once however many pages
went (a whole section deleted is one rebuild)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from education.models import Topic

from .models import Synonym
from .query import forget_synonyms
from .spelling import add_to_vocabulary, language_of, rebuild_vocabulary


def rebuild_on_commit():
    rebuild_vocabulary()


def schedule_rebuild(**kwargs):
    connection = transaction.get_connection()
    waiting = [callback for _, callback, _ in connection.run_on_commit]
    if rebuild_on_commit not in waiting:
        transaction.on_commit(rebuild_on_commit)


def page_went_live(sender, instance, **kwargs):
    # A condition's other names ("slipped disc") are names too (ConditionPage.alternate_names).
    text = f"{instance.title} {getattr(instance, 'alternate_names', '')}"
    add_to_vocabulary(text, language_of(instance))


def topic_saved(sender, instance, **kwargs):
    # A topic has a language too (education.models.topics): "Dolor de espalda" is Spanish.
    add_to_vocabulary(instance.name, language_of(instance))


def synonym_saved(sender, instance, **kwargs):
    forget_synonyms()
    add_to_vocabulary(f"{instance.lay_term} {instance.clinical_terms}", instance.language)


def synonym_deleted(sender, instance, **kwargs):
    forget_synonyms()
    schedule_rebuild()


def connect():
    uid = "search.vocabulary"
    page_published.connect(page_went_live, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(schedule_rebuild, dispatch_uid=f"{uid}.unpublished")
    # Page subclasses send post_delete as themselves and as Page: Page's is enough.
    post_delete.connect(schedule_rebuild, sender=Page, dispatch_uid=f"{uid}.page_deleted")
    # A page made private takes its title's words with it; made public again, brings them back.
    for signal, change in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            schedule_rebuild, sender=PageViewRestriction, dispatch_uid=f"{uid}.restriction_{change}"
        )
    post_save.connect(topic_saved, sender=Topic, dispatch_uid=f"{uid}.topic_saved")
    post_delete.connect(schedule_rebuild, sender=Topic, dispatch_uid=f"{uid}.topic_deleted")
    post_save.connect(synonym_saved, sender=Synonym, dispatch_uid=f"{uid}.synonym_saved")
    post_delete.connect(synonym_deleted, sender=Synonym, dispatch_uid=f"{uid}.synonym_deleted")
