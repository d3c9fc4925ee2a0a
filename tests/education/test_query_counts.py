"""Pages cost the same number of queries with 4 articles as with 30, and at most 10 when warm.
Every article has its own hero image and every author a photo, so responsive renditions
(three formats, several widths) are part of what is counted."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from education.models import Topic
from tests.factories import ArticlePageFactory, ClinicianPageFactory, ImageFactory, TopicFactory

pytestmark = pytest.mark.django_db

WARM_BUDGET = 10


def build(article_index, clinician_index, count):
    topics = [TopicFactory(name=f"Topic {n}") for n in range(3)]
    authors = [
        ClinicianPageFactory(
            parent=clinician_index,
            given_name=f"Given{n}",
            family_name="Doe",
            photo=ImageFactory(title=f"Photo of author {n}"),
            photo_alt=f"Portrait of author {n}",
        )
        for n in range(3)
    ]
    add_articles(article_index, authors, topics, count)
    first = article_index.get_children().live().specific().first()
    return {
        "index": "/education/",
        "filtered index": "/education/?topic=topic-0",
        "article": first.url,
        "author index": "/clinicians/",
        "author": authors[0].url,
    }


def add_articles(article_index, authors, topics, count):
    start = article_index.get_children().count()
    for n in range(count):
        ArticlePageFactory(
            parent=article_index,
            hero_image=ImageFactory(title=f"Hero of article {start + n}"),
            hero_image_alt="A calm abstract picture",
            authors=authors[: 1 + n % 3],
            topics=topics[: 1 + n % 3],
            medical_reviewer=authors[0],
            last_reviewed=datetime.date(2026, 1, 1),
        )


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def counts(client, urls):
    cold, warm = {}, {}
    for name, url in urls.items():
        client.get(url)  # per-process caches: content types, site root paths, renditions
        cache.clear()
        client.get("/about/")  # refill the site-wide parts (menu, footer) only
        cold[name] = queries_for(client, url)
        warm[name] = queries_for(client, url)
    return cold, warm


def test_query_counts_do_not_grow_with_the_number_of_articles(
    client, article_index, clinician_index
):
    # Four, not one: with a single article the "related articles" list is empty and its card
    # images cost nothing, which would hide a per-card query rather than reveal one.
    urls = build(article_index, clinician_index, 4)
    cold_few, warm_few = counts(client, urls)
    authors = [p.specific for p in clinician_index.get_children()]
    add_articles(article_index, authors, list(Topic.objects.all()), 26)  # 30 in all
    cold_many, warm_many = counts(client, urls)
    assert cold_many == cold_few
    assert warm_many == warm_few


def test_warm_pages_stay_within_the_warm_budget(client, article_index, clinician_index):
    urls = build(article_index, clinician_index, 30)
    for name, url in urls.items():
        client.get(url)
        assert queries_for(client, url) <= WARM_BUDGET, name


def test_index_and_article_render_with_bounded_queries_when_nothing_is_cached(
    client, article_index, clinician_index, django_assert_max_num_queries
):
    urls = build(article_index, clinician_index, 30)
    for name in ("index", "article"):
        client.get(urls[name])
        cache.clear()
        # One rendition query each for the hero, the byline photos and the related cards; one
        # each for the conditions and the treatments that link to the article.
        # Three for languages: Wagtail's router looks up the active locale, ours reads the
        # locales once (then cached), and one finds the page's versions in other languages.
        with django_assert_max_num_queries(28):
            client.get(urls[name])
