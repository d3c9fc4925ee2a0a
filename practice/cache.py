"""A site-wide content version for cached template fragments.

Anything that can change what a public page shows (a page saved, published, moved or deleted,
a view restriction, an image, the site settings, a snippet in one of our apps) replaces the
version, so every cache entry keyed on it is left behind at once. Nothing has to know which
fragments a change affects.

The version lives in the cache itself, so with several server processes they must share a cache
(REDIS_URL); with the per-process memory cache another process notices a change only when its
entries expire (the 300 seconds the templates give their fragments).

The same change starts a new generation of the full-page cache (practice/page_cache.py). Code
that changes what pages show without saving one of the models watched here (approving a
comment through a queryset update, say) calls `invalidate_page(page)` or `invalidate_all()`.
"""

import contextlib
import logging
import threading
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

VERSION_KEY = "practice:content-version"
OUR_APPS = {"home", "pages", "consultation", "education", "comments", "practice"}
# Rows our apps store that no cached fragment shows: comments render outside the cached
# fragments (they carry a CSRF token and form errors) and patients' requests are never shown.
# Leaving them out keeps a flood of comment posts from emptying the cache. The record of what an
# import from WordPress brought in is bookkeeping no page shows.
# As long as the template fragments keep theirs: with a per-process cache, another process
# catches up with a change within this time.
SETTING_SECONDS = 300
UNCACHED_MODELS = {"comments.comment", "consultation.consultationrequest", "home.importeditem"}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, None)
    return version


_batch = threading.local()


def bump_content_version():
    """Done now and again when the surrounding transaction commits: a request rendering in
    between would still read the old rows and cache them under the new version."""
    if getattr(_batch, "active", False):
        _batch.changed = True
        return
    _replace_versions()
    transaction.on_commit(_replace_versions)


@contextlib.contextmanager
def changes_batched():
    """Any number of changes inside replace the version once, on the way out (put it around
    the transaction): for code that saves many rows as one change, such as an import."""
    if getattr(_batch, "active", False):
        yield
        return
    _batch.active, _batch.changed = True, False
    try:
        yield
    finally:
        _batch.active = False
        if _batch.changed:
            bump_content_version()


def _replace_versions():
    from .page_cache import new_generation

    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    new_generation()


def invalidate_all(reason=""):
    """Forget every cached fragment and page, on every node sharing the cache."""
    bump_content_version()
    logger.info("Caches cleared%s", f" ({reason})" if reason else "")


def invalidate_page(page=None):
    """Something shown on `page` changed outside the saves watched here. Clears everything: the
    page also appears in menus, listings and on its neighbours."""
    invalidate_pages([page] if page is not None else [])


def invalidate_pages(pages, reason=""):
    """Like invalidate_page, for several pages at once; a CDN or proxy cache in front is also
    told to drop them (and the pages listing them) once the transaction commits."""
    from .frontend_cache import purge_after_commit

    invalidate_all(reason or ", ".join(f"page {page.pk}" for page in pages))
    purge_after_commit(pages)


def _changes_public_pages(instance):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site

    if instance._meta.label_lower in UNCACHED_MODELS:
        return False
    return (
        isinstance(
            instance,
            Page
            | PageViewRestriction
            | AbstractImage
            | Site
            | BaseSiteSetting
            | BaseGenericSetting,
        )
        or instance._meta.app_label in OUR_APPS
    )


def on_model_change(sender, instance, **kwargs):
    if _changes_public_pages(instance):
        bump_content_version()


def on_page_change(sender, **kwargs):
    bump_content_version()


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(on_model_change, dispatch_uid="practice-content-version-save")
    post_delete.connect(on_model_change, dispatch_uid="practice-content-version-delete")
    m2m_changed.connect(on_model_change, dispatch_uid="practice-content-version-m2m")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_change, dispatch_uid=f"practice-content-version-{id(signal)}")


def setting_key(model, site_id, version):
    return f"practice:setting:{model._meta.label_lower}:{site_id}:{version}"


class SettingKeptPerVersion:
    """A site setting that pages read from the cache, once per content version: saving any
    setting replaces the version (`_changes_public_pages`), so a page never shows an old value.
    Only `for_request` (templates, the context processor) reads the kept copy; the settings
    editor reads the database through `for_site`, as Wagtail does. A page found by its address
    has them kept already: they are read with the sites (practice/site_structure.py)."""

    @classmethod
    def for_request(cls, request):
        from wagtail.models import Site

        name = cls.get_cache_attr_name()
        if hasattr(request, name):
            return getattr(request, name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)  # Wagtail's own error
        key = setting_key(cls, site.pk, content_version())
        instance = cache.get(key)
        if instance is None:
            instance = cls.for_site(site)
            cache.set(key, instance, SETTING_SECONDS)
        instance._request = request  # as Wagtail's, for page URLs relative to this site
        setattr(request, name, instance)
        return instance


def version_and_language():
    """The content version and the active language: what every rendered fragment is kept
    under, since the same page renders differently in each language (its menu, its footer)."""
    from django.utils import translation

    return f"{content_version()}-{translation.get_language()}"


def kept_fragment(name, vary, render):
    """HTML the same for everyone who gets it (a form without a token, say), rendered once per
    content version and language, like the templates' fragments: `render()` makes it, `vary`
    (what else it depends on: ids and short words) is part of the key. For template tags."""
    from django.utils.safestring import mark_safe

    vary = ":".join(str(part) for part in vary)
    key = f"practice:fragment:{name}:{version_and_language()}:{vary}"
    html = cache.get(key)
    if html is None:
        html = str(render())
        cache.set(key, html, SETTING_SECONDS)
    return mark_safe(html)  # noqa: S308 - our own template's output
