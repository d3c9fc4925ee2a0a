"""Where imported things go: the home page (pages), the article index (articles), the clinician
index (author profiles), a collection for the files, and the site the redirects belong to.
The two indexes are created when the site has none yet; the home page must exist."""

import dataclasses
from urllib.parse import unquote

from django.urls import Resolver404, resolve
from django.utils.text import slugify
from wagtail.models import Collection, Page, Site

from education.models import ArticleIndexPage, ClinicianIndexPage
from home.models import HomePage

COLLECTION_NAME = "Imported from WordPress"
MAX_SLUG = 240


class ImportStopped(Exception):
    """The site is not ready for an import; nothing was written."""


@dataclasses.dataclass
class Destinations:
    home: HomePage
    site: Site
    article_index: ArticleIndexPage
    clinician_index: ClinicianIndexPage
    collection: Collection


def find_or_create():
    home = HomePage.objects.first()
    if home is None:
        raise ImportStopped(
            "The site has no home page yet, so there is nowhere to put the imported pages. "
            "Create it first (make run does, with the demo content). Nothing was imported."
        )
    site = (
        Site.objects.filter(root_page=home).first()
        or Site.objects.filter(is_default_site=True).first()
    )
    article_index = _index(home, ArticleIndexPage, "Patient education", "education")
    clinician_index = _index(home, ClinicianIndexPage, "Our clinicians", "clinicians")
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=COLLECTION_NAME)
    return Destinations(home, site, article_index, clinician_index, collection)


def _index(home, model, title, slug):
    index = model.objects.child_of(home).first()
    if index is None:
        index = model(title=title, slug=available_slug(home, slug), show_in_menus=True)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def wordpress_slug(slug, fallback=""):
    """A Wagtail slug from WordPress's post_name (percent-encoded UTF-8), or from `fallback`
    (the title) for a draft WordPress has not named yet."""
    return slugify(unquote(slug or ""), allow_unicode=True) or slugify(fallback, allow_unicode=True)


def _shadowed(slug):
    """True when /slug/ belongs to a view of this project (search, documents, the admin...),
    so a page there could never be reached."""
    try:
        return resolve(f"/{slug}/").url_name != "wagtail_serve"
    except Resolver404:
        return False


def available_slug(parent, wanted, page=None):
    """`wanted`, or `wanted-2`, `wanted-3`... if a sibling of `page` already has it."""
    base = (wanted or "page")[:MAX_SLUG].strip("-") or "page"
    siblings = Page.objects.child_of(parent)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 2
    top_level = parent.depth <= 2  # the home page: its children's addresses are /slug/
    while candidate in taken or (top_level and _shadowed(candidate)):
        candidate, number = f"{base}-{number}", number + 1
    return candidate
