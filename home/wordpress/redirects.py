"""Old WordPress addresses become permanent redirects (wagtail.contrib.redirects) to the new
pages. A redirect to a page follows it when it is moved or renamed in Wagtail.

For a post, every address WordPress answered for it, whatever the permalink setting was:
its own permalink, /2024/03/name/, /2024/03/12/name/, /name/, /?p=123, and the same with
any old slug it had (_wp_old_slug). For a page: its permalink and /?page_id=7. For
categories and tags: their archives (/category/medicines/, /tag/opioids/, /?cat=4), to the
article list filtered by the topic. For the feeds: the site's article feed. For uploaded
documents (a PDF form): the imported document.

An address that already redirects somewhere else is left as it is and reported.
"""

from urllib.parse import urlsplit

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from .old_addresses import query_path

MAX_PATH = 255
FEEDS = ("/feed/", "/feed/rss2/", "/feed/atom/", "/feed/rss/", "/rss/", "/?feed=rss2")


def ensure(old_path, site, page=None, link=""):
    """(normalised old path, "created" / "unchanged", or None when it already redirects
    elsewhere); None for a path that cannot be redirected."""
    return next(iter(ensure_all([old_path], site, page, link)), None)


def ensure_all(old_paths, site, page=None, link=""):
    """`ensure` for several old addresses to one target, in two queries."""
    paths = {Redirect.normalise_path(path) for path in old_paths}
    paths = sorted(path for path in paths if path not in ("", "/") and len(path) <= MAX_PATH)
    existing = {r.old_path: r for r in Redirect.objects.filter(site=site, old_path__in=paths)}
    results, new = [], []
    for path in paths:
        if path in existing:
            found = existing[path]
            same = found.redirect_page_id == page.pk if page else found.redirect_link == link
            results.append((path, "unchanged" if same else None))
        else:
            new.append(
                Redirect(
                    old_path=path,
                    site=site,
                    redirect_page=page,
                    redirect_link=link,
                    is_permanent=True,
                )
            )
            results.append((path, "created"))
    Redirect.objects.bulk_create(new)
    return results


def _prefix(ctx):
    """The folder WordPress lived in ('/blog' for https://example.com/blog), or ''."""
    return urlsplit(ctx.export.site.base_blog_url or "").path.rstrip("/")


def post_paths(item, prefix):
    paths = {urlsplit(item.link).path} if item.link else set()
    day = item.local_date
    for slug in [item.slug, *item.meta.get("_wp_old_slug", [])]:
        if not slug:
            continue
        paths.add(f"{prefix}/{slug}/")
        if day:
            paths.add(f"{prefix}/{day:%Y/%m}/{slug}/")
            paths.add(f"{prefix}/{day:%Y/%m/%d}/{slug}/")
    paths.add(f"{prefix}{query_path({'p': item.wp_id})}")
    return paths


def page_paths(item, prefix):
    paths = {urlsplit(item.link).path} if item.link else set()
    paths.add(f"{prefix}{query_path({'page_id': item.wp_id})}")
    paths.add(f"{prefix}{query_path({'p': item.wp_id})}")
    return paths


def for_item(item, page, ctx):
    """Redirects from a published post's or page's old addresses to `page`."""
    maker = post_paths if item.post_type == "post" else page_paths
    # Not the page's own new address: once the page is unpublished, that would loop.
    own = Redirect.normalise_path(page.url or "")
    paths = [path for path in maker(item, _prefix(ctx)) if Redirect.normalise_path(path) != own]
    return ensure_all(paths, ctx.places.site, page=page)


def category_path(term, parents):
    """'medicines/opioids' for a category below another: WordPress's archive path."""
    slugs, seen = [term.slug], {term.slug}
    parent = term.parent_slug
    while parent and parent not in seen:
        slugs.insert(0, parent)
        seen.add(parent)
        parent = parents.get(parent, "")
    return "/".join(slugs)


def for_term(term, topic, ctx, category_parents):
    prefix = _prefix(ctx)
    link = ctx.places.article_index.url + f"?topic={topic.slug}"
    if term.taxonomy == "category":
        paths = {f"{prefix}/category/{category_path(term, category_parents)}/",
                 f"{prefix}/category/{term.slug}/"}  # fmt: skip
        if term.wp_id:
            paths.add(f"{prefix}{query_path({'cat': term.wp_id})}")
    else:
        paths = {f"{prefix}/tag/{term.slug}/", f"{prefix}{query_path({'tag': term.slug})}"}
    feeds = {f"{path}feed/" for path in paths if path.endswith("/")}
    feed = reverse("education_feed")
    return ensure_all(paths, ctx.places.site, link=link) + ensure_all(
        feeds, ctx.places.site, link=feed
    )


def for_document(item, url, ctx):
    """A link to an uploaded PDF or form, to the imported document."""
    path = urlsplit(item.attachment_url).path
    result = ensure(path, ctx.places.site, link=url) if path and url else None
    return [result] if result else []


def for_feeds(ctx):
    prefix = _prefix(ctx)
    paths = [f"{prefix}{path}" for path in FEEDS]
    return ensure_all(paths, ctx.places.site, link=reverse("education_feed"))
