"""The querysets public pages list articles with: live, public, and cheap to render."""

from django.db.models import Prefetch, Q

from practice.cache import cached

ARTICLE_ORDER = ("-display_date", "-first_published_at", "-pk")


def private_paths(request=None):
    """Tree paths of the private sections. Wagtail's own `.public()` asks the database for the
    view restrictions every time it is called; a page lists articles up to three times, so the
    answer is kept on the request."""
    from wagtail.models import PageViewRestriction

    paths = getattr(request, "_education_private_paths", None)
    if paths is None:
        paths = cached(
            "private-paths",
            lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
        )
        if request is not None:
            request._education_private_paths = paths
    return paths


def private_q(request=None):
    """Matches pages in a private section (or below one)."""
    q = Q(pk__in=[])
    for path in private_paths(request):
        q |= Q(path__startswith=path)
    return q


def is_live_and_public(page, request=None):
    return page.live and not any(page.path.startswith(path) for path in private_paths(request))


def live_public_articles(request=None):
    from .models import ArticlePage

    return ArticlePage.objects.live().exclude(private_q(request))


def article_listing(articles):
    """Articles ready for cards: no StreamField loaded, hero image and its renditions fetched
    in two queries whatever the number of articles."""
    return (
        articles.defer_streamfields()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by(*ARTICLE_ORDER)
    )


def article_detail_prefetches():
    """What an article page shows besides its own fields: bylines with photos, and topics."""
    from .models import ArticleAuthor

    return (
        Prefetch(
            "article_authors",
            queryset=ArticleAuthor.objects.select_related("author", "author__photo")
            .prefetch_related("author__photo__renditions")
            .order_by("sort_order"),
        ),
        "topics",
        "hero_image__renditions",
    )
