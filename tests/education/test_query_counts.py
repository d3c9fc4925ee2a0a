"""Pages cost the same number of queries with 1 article as with 30, and at most 10 when warm."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from education.models import Topic

from .conftest import make_article, make_author, make_topic

pytestmark = pytest.mark.django_db

WARM_BUDGET = 10


def build(article_index, author_index, count):
    topics = [make_topic(f"Topic {n}") for n in range(3)]
    authors = [make_author(author_index, given=f"Given{n}", family="Doe") for n in range(3)]
    add_articles(article_index, authors, topics, count)
    first = article_index.get_children().live().specific().first()
    return {
        "index": "/education/",
        "filtered index": "/education/?topic=topic-0",
        "article": first.url,
        "author index": "/authors/",
        "author": authors[0].url,
    }


def add_articles(article_index, authors, topics, count):
    for n in range(count):
        make_article(
            article_index,
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


def test_query_counts_do_not_grow_with_the_number_of_articles(client, article_index, author_index):
    urls = build(article_index, author_index, 1)
    cold_one, warm_one = counts(client, urls)
    authors = [p.specific for p in author_index.get_children()]
    add_articles(article_index, authors, list(Topic.objects.all()), 29)  # 30 in all
    cold_many, warm_many = counts(client, urls)
    assert cold_many == cold_one
    assert warm_many == warm_one


def test_warm_pages_stay_within_ten_queries(client, article_index, author_index):
    urls = build(article_index, author_index, 30)
    for name, url in urls.items():
        client.get(url)
        assert queries_for(client, url) <= WARM_BUDGET, name


def test_index_and_article_render_with_bounded_queries_when_nothing_is_cached(
    client, article_index, author_index, django_assert_max_num_queries
):
    urls = build(article_index, author_index, 30)
    for name in ("index", "article"):
        client.get(urls[name])
        cache.clear()
        with django_assert_max_num_queries(22):
            client.get(urls[name])
