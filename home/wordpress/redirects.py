"""Old WordPress addresses become permanent redirects (wagtail.contrib.redirects) to the new
pages. A redirect to a page follows it when it is moved or renamed in Wagtail.

For a post, every address WordPress answered for it, whatever the permalink setting was:
its own permalink, /2024/03/name/, /2024/03/12/name/, /name/, /?p=123, and the same with
any old slug it had (_wp_old_slug). For a page: its permalink, the path its parents' slugs
give it (/services/injections/), and /?page_id=7. For categories and tags: their archives
(/category/medicines/, /tag/opioids/, /?cat=4), to the article list filtered by the topic.
For the feeds: the site's article feed. For uploaded documents (a PDF form): the imported
document. All of it under the folder WordPress lived in (/blog/?p=123), if it had one.

Only an item's own addresses: never the site's or the blog's root, which a permalink such as
https://example.org/blog/?p=1 would otherwise give (every /blog/?p=... would then land on that
one post), and never a permalink WordPress wrote malformed (a "//" in its path). An address
that already redirects somewhere else is left as it is and reported.
"""

from urllib.parse import parse_qsl

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from .links import UPLOADS, split
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
    site = ctx.export.site
    return split(site.base_blog_url or site.link).path.rstrip("/")


def _roots(ctx):
    """The old site's root and the blog's: never redirected."""
    site_root = split(ctx.export.site.base_site_url).path or "/"
    return {"/", Redirect.normalise_path(site_root), Redirect.normalise_path(_prefix(ctx) or "/")}


def permalink_path(link):
    """The old address `link` stands for: its path with WordPress's own query keys (p,
    page_id, cat, tag...), or None when it has none worth keeping (a malformed path)."""
    parts = split(link)
    if not parts.path or "//" in parts.path:
        return None
    query = query_path(dict(parse_qsl(parts.query)))
    return parts.path + query[1:] if query else parts.path


def post_paths(item, prefix):
    paths = {permalink_path(item.link)}
    day = item.local_date
    for slug in [item.slug, *item.meta.get("_wp_old_slug", [])]:
        if not slug:
            continue
        paths.add(f"{prefix}/{slug}/")
        if day:
            paths.add(f"{prefix}/{day:%Y/%m}/{slug}/")
            paths.add(f"{prefix}/{day:%Y/%m/%d}/{slug}/")
    paths.add(_query(prefix, p=item.wp_id))
    return paths


def _query(prefix, **query):
    """'/blog/?p=123' for p=123 under /blog; None without a value."""
    path = query_path(query)
    return f"{prefix}{path}" if path else None


def nested_path(item, pages, prefix):
    """'/services/injections/' for a page whose parent is 'services', from the slugs of the
    pages the export holds (None when an ancestor is missing from it or has no slug)."""
    slugs, seen, parent = [item.slug], {item.wp_id}, item.parent_id
    while parent not in ("", "0"):
        slug, grandparent = pages.get(parent, ("", ""))
        if not slug or parent in seen:
            return None
        slugs.insert(0, slug)
        seen.add(parent)
        parent = grandparent
    return f"{prefix}/{'/'.join(slugs)}/" if item.slug else None


def page_paths(item, prefix, pages):
    return {
        permalink_path(item.link),
        nested_path(item, pages, prefix),
        _query(prefix, page_id=item.wp_id),
        _query(prefix, p=item.wp_id),
    }


def item_paths(item, page, ctx):
    """The old addresses of a post or page that become redirects to `page`."""
    prefix = _prefix(ctx)
    if item.post_type == "post":
        paths = post_paths(item, prefix)
    else:
        paths = page_paths(item, prefix, ctx.export.pages)
    # Not the page's own new address: once the page is unpublished, that would loop.
    left_out = _roots(ctx) | {Redirect.normalise_path(page.url or "")}
    return [path for path in paths if path and Redirect.normalise_path(path) not in left_out]


def for_item(item, page, ctx):
    """Redirects from a published post's or page's old addresses to `page`."""
    return ensure_all(item_paths(item, page, ctx), ctx.places.site, page=page)


def kept_for_item(item, page, ctx):
    """[(old path, 'unchanged')] for the redirects to `page` an earlier run made, when the
    item has not changed since: counted, so a second run's report adds up like the first."""
    paths = {Redirect.normalise_path(path) for path in item_paths(item, page, ctx)}
    kept = Redirect.objects.filter(site=ctx.places.site, redirect_page=page, old_path__in=paths)
    return [(path, "unchanged") for path in kept.values_list("old_path", flat=True)]


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
    if not term.slug:  # no archive address to redirect from
        paths = set()
    elif term.taxonomy == "category":
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
    """A link to an uploaded PDF or form, to the imported document (from the old site's
    uploads folder; a WordPress.com file was on another host)."""
    path = split(item.attachment_url).path
    result = ensure(path, ctx.places.site, link=url) if UPLOADS in path and url else None
    return [result] if result else []


def for_feeds(ctx):
    prefix = _prefix(ctx)
    paths = [f"{prefix}{path}" for path in FEEDS]
    return ensure_all(paths, ctx.places.site, link=reverse("education_feed"))
