"""The pages every page links to from its header and footer, in one query (two in Spanish), kept
per content version and language.

They are the main menu (the home page's children marked "show in menus"), the pages staff chose
for the footer, and the lists other apps add through the `register_site_links` hook (the pages
app's notices): a function returning (name, condition), the condition a boolean expression on
a page, true for the English pages of that list. Each list is live, public pages; a Spanish
page shows the footer's pages and every added list in Spanish where translated, in English
(marked `fallback_language`) where not, and the Spanish home page's own menu.
"""

from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, Subquery
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, Site

from .cache import SETTING_SECONDS, content_version
from .localized import default_content_language, in_active_language, locale_ids
from .pages import all_pages
from .site_structure import site_structure

SITE_LINKS_HOOK = "register_site_links"


def site_links(request):
    """{"menu": [...], "footer": [...], and each added list: [...]} for the request's site and
    language; empty lists without a site."""
    if request is None:
        return {}
    if not hasattr(request, "_practice_site_links"):
        request._practice_site_links = _kept(request)
    return request._practice_site_links


def _kept(request):
    from .models import PracticeSettings

    site = Site.find_for_request(request)
    if site is None:
        return {}
    practice = PracticeSettings.for_request(request)
    language = translation.get_language()
    key = f"practice:site-links:{site.pk}:{practice.pk}:{content_version()}:{language}"
    links = cache.get(key)
    if links is None:
        links = _read(site, practice, language)
        cache.set(key, links, SETTING_SECONDS)
    return links


def _home_path(site, language):
    """The tree path of the home page whose children make the menu: the site's, or its live
    translation in `language` (as practice.localized.localized would choose)."""
    home = site_structure().home(site, language)
    if home is not None and (home.id == site.root_page_id or home.live):
        return home.path
    return site.root_page.path


def _read(site, practice, language):
    from .models import FooterLink

    home_path = _home_path(site, language)
    footer_order = FooterLink.objects.filter(settings=practice, page=OuterRef("pk"))
    english = Q(locale_id=locale_ids().get(default_content_language()))
    conditions = {
        "menu": Q(path__startswith=home_path, depth=len(home_path) // Page.steplen + 1)
        & Q(show_in_menus=True),
        "footer": Q(footer_order__isnull=False),
        **{name: Q(condition) & english for name, condition in _added_lists()},
    }
    flags = {f"in_{name}": ExpressionWrapper(q, BooleanField()) for name, q in conditions.items()}
    rows = list(
        all_pages()
        .live_public()
        .annotate(
            footer_order=Subquery(footer_order.order_by("sort_order").values("sort_order")[:1])
        )
        .annotate(**flags)
        .filter(reduce(or_, (Q(**{flag: True}) for flag in flags)))
        .order_by("path")
    )
    lists = {name: [row for row in rows if getattr(row, f"in_{name}")] for name in conditions}
    lists["footer"].sort(key=lambda row: row.footer_order)
    # One query for the translations of every list but the menu (the Spanish home has its own).
    translated_names = [name for name in lists if name != "menu"]
    items = [row for name in translated_names for row in lists[name]]
    translated = iter(in_active_language(items, all_pages().live_public()))
    for name in translated_names:
        lists[name] = [next(translated) for _row in lists[name]]
    return lists


def _added_lists():
    return [hook() for hook in hooks.get_hooks(SITE_LINKS_HOOK)]
