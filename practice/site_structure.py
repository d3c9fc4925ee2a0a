"""The sites and what every address depends on, read in two queries and kept per content version.

Before a page can be found or linked, Wagtail needs the site that answers the request's host,
each site's home page in every language (its "site root paths", from which every link is made)
and the locales; every page also shows the site's settings (the practice's details, the theme).
Read one by one that is six queries: the site, the locales, two for the root paths and one for
each setting. Here they are two: the sites with their home pages and settings, then the locales
with each site's home page in every language. The result is kept under the content version
(practice/cache.py: saving a site, a page or a setting replaces it), and fills Wagtail's own
cache of the root paths, the kept locale ids (practice/localized.py) and the kept settings
(SettingKeptPerVersion) as it is read.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.http.request import split_domain_port
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
    SiteRootPath,
)

from .cache import SETTING_SECONDS, SettingKeptPerVersion, content_version, setting_key
from .localized import LOCALE_IDS_KEY

WAGTAIL_ROOT_PATHS_SECONDS = 3600  # as Wagtail keeps them


@dataclass(frozen=True)
class Home:
    """A site's home page in one language: enough to find and link the pages below it."""

    id: int
    path: str
    url_path: str
    live: bool


@dataclass
class SiteStructure:
    sites: list  # Site, with its root page and that page's locale, in Wagtail's root path order
    homes: dict  # {(translation key of a site's root page, locale id): Home}
    locale_ids: dict  # {language code: Locale id}

    def site_for_request(self, request):
        """The site Wagtail's `Site.find_for_request` would choose, without a query."""
        hostname = split_domain_port(request._get_raw_host())[0]
        try:
            port = int(request.get_port())
        except ValueError:
            port = None
        return site_for(self.sites, hostname, port)

    def home(self, site, language_code):
        """`site`'s home page in that language, or None when it has no version there."""
        locale_id = self.locale_ids.get(language_code)
        return self.homes.get((str(site.root_page.translation_key), locale_id))

    def root_paths(self):
        """Wagtail's `Site.get_site_root_paths()`, the same list in the same order."""
        codes = {locale_id: code for code, locale_id in self.locale_ids.items()}
        paths = []
        for site in self.sites:
            if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                home = site.root_page
                paths.append(
                    SiteRootPath(site.id, home.url_path, site.root_url, home.locale.language_code)
                )
                continue
            versions = [
                (home, codes[locale_id])
                for (key, locale_id), home in self.homes.items()
                if key == str(site.root_page.translation_key)
            ]
            for home, code in sorted(versions, key=lambda version: version[0].path):
                paths.append(SiteRootPath(site.id, home.url_path, site.root_url, code))
        return paths


def site_for(sites, hostname, port):
    """Wagtail's choice (wagtail.models.sites.get_site_for_hostname) among `sites`: the site with
    this hostname and port, else the one with this hostname that is the default, else the
    default (or the only other site with this hostname), else None."""

    def match(site):
        if site.hostname == hostname and site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        return MATCH_DEFAULT if site.is_default_site else MATCH_HOSTNAME

    found = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site), key=match
    )
    if not found:
        return None
    if len(found) == 1 or match(found[0]) in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return found[0]
    if match(found[0]) == MATCH_DEFAULT:
        return found[len(found) == 2]
    return None


def site_structure():
    version = content_version()  # once: what is read now is kept under the version it is of
    key = f"practice:sites:{version}"
    structure = cache.get(key)
    if structure is None:
        structure, kept_settings = _read()
        cache.set(key, structure, SETTING_SECONDS)
        _fill_other_caches(structure, kept_settings, version)
    return structure


def _kept_setting_models():
    return [model for model in apps.get_models() if issubclass(model, SettingKeptPerVersion)]


def _read():
    """(SiteStructure, {(setting model, site id): setting}) in two queries."""
    accessors = {}  # setting model: the name of its row on the Site
    related = ["root_page__locale"]
    for model in _kept_setting_models():
        accessor = model._meta.get_field("site").remote_field.get_accessor_name()
        accessors[model] = accessor
        related += [accessor, *(f"{accessor}__{name}" for name in model.select_related or ())]
    sites = list(
        Site.objects.select_related(*related).order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    kept_settings = {}
    for site in sites:
        for model, accessor in accessors.items():
            instance = site._state.fields_cache.pop(accessor, None)
            if instance is not None:  # a site without the row: for_site makes it, as in Wagtail
                instance._state.fields_cache.pop("site", None)  # kept lean, as for_site's
                kept_settings[model, site.pk] = instance
    keys = sorted({str(site.root_page.translation_key) for site in sites})
    return SiteStructure(sites, *_homes_and_locales(keys)), kept_settings


def _homes_and_locales(keys):
    """({(key, locale id): Home}, {language code: locale id}): every locale, with the page of
    each of these translation keys (the sites' home pages) in it, in one query."""
    annotations = {}
    for number, key in enumerate(keys):
        version = Page.objects.filter(translation_key=key, locale=OuterRef("pk"))
        for field in ("id", "path", "url_path", "live"):
            annotations[f"home{number}_{field}"] = Subquery(version.values(field)[:1])
    homes, locale_ids = {}, {}
    for locale in Locale.objects.annotate(**annotations).order_by("language_code"):
        locale_ids[locale.language_code] = locale.pk
        for number, key in enumerate(keys):
            fields = {f: getattr(locale, f"home{number}_{f}") for f in ("id", "path", "url_path")}
            if fields["id"] is not None:
                homes[key, locale.pk] = Home(**fields, live=getattr(locale, f"home{number}_live"))
    return homes, locale_ids


def _fill_other_caches(structure, kept_settings, version):
    values = {LOCALE_IDS_KEY: structure.locale_ids}
    for (model, site_id), instance in kept_settings.items():
        values[setting_key(model, site_id, version)] = instance
    cache.set_many(values, SETTING_SECONDS)
    cache.set(
        SITE_ROOT_PATHS_CACHE_KEY,
        structure.root_paths(),
        WAGTAIL_ROOT_PATHS_SECONDS,
        version=SITE_ROOT_PATHS_CACHE_VERSION,
    )
