"""A page and its translations share one privacy setting.

Wagtail copies a page's view restriction (a password, a sign-in, groups) to a translation when
it makes one, but a restriction set, changed or removed afterwards applies to that one page:
an article given a password in English would stay public under /es/. So once a change to a
page's own restriction is committed, each of its translations is given the same restriction, or
loses its own. Each change is recorded in that translation's history, as the admin's privacy
setting records its own, and purges it like any restriction change (practice/frontend_cache.py).
"""

from django.db import transaction


def restrictions_of(page):
    """The page's own restrictions (not those of the pages above it), comparably."""
    return sorted(
        (
            restriction.restriction_type,
            restriction.password,
            sorted(group.pk for group in restriction.groups.all()),
        )
        for restriction in page.view_restrictions.prefetch_related("groups")
    )


def give_restrictions(source, target):
    """Make `target`'s own restrictions those of `source`."""
    from wagtail.models import PageViewRestriction

    for restriction in target.view_restrictions.all():
        restriction.delete()
    for restriction in source.view_restrictions.prefetch_related("groups"):
        copy = PageViewRestriction(
            page=target,
            restriction_type=restriction.restriction_type,
            password=restriction.password,
        )
        copy.save()
        copy.groups.set(restriction.groups.all())


def share_with_translations(page_id):
    """Give the translations of page `page_id` its restrictions. The changes made here come
    back as changes to the translations, which find their own translations already agree."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return  # deleted, with its restrictions: its translations keep theirs
    wanted = restrictions_of(page)
    with transaction.atomic():
        for translation in page.get_translations():
            if restrictions_of(translation) != wanted:
                give_restrictions(page, translation)


def on_restriction_change(sender, instance, **kwargs):
    page_id = instance.page_id
    transaction.on_commit(lambda: share_with_translations(page_id))


def on_groups_change(sender, instance, action, **kwargs):
    from wagtail.models import PageViewRestriction

    if isinstance(instance, PageViewRestriction) and action.startswith("post_"):
        on_restriction_change(sender, instance)


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import PageViewRestriction

    uid = "practice-restrictions-translations"
    post_save.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid=f"{uid}-save")
    post_delete.connect(
        on_restriction_change, sender=PageViewRestriction, dispatch_uid=f"{uid}-delete"
    )
    m2m_changed.connect(
        on_groups_change, sender=PageViewRestriction.groups.through, dispatch_uid=f"{uid}-groups"
    )
