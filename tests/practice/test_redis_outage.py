"""Redis stops: pages still answer 200, forms still store, rate limits still count, the log says
so once, and everything goes back to Redis by itself when it returns.

A redis-server of the test's own on a free port (never the shared one), stopped and started
again within the test. bench/redis_outage.py is the same drill against gunicorn under load.
"""

import logging
import shutil

import pytest
from django.test import Client, override_settings

from education.comments.models import Comment
from education.models import ArticlePage
from pages.consultation.models import ConsultationFormPage, ConsultationRequest
from practice import resilient_cache
from tests.helpers import bench_stack
from tests.pages.consultation.helpers import answers

PAGES = ["/", "/about/", "/education/", "/consultation/", "/search/?q=pain"]


RedisServer = bench_stack().RedisServer


@pytest.fixture
def redis_server():
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    server = RedisServer()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def redis_caches(url):
    options = {"LOCATION": url, "BACKEND": "practice.resilient_cache.ResilientRedisCache"}
    return {
        "default": {**options, "KEY_PREFIX": "outage-test"},
        "pages": {**options, "KEY_PREFIX": "outage-test-pages"},
    }


def outage_messages(caplog, words):
    return [
        r for r in caplog.records if r.name == "practice.resilient_cache" and words in r.message
    ]


@pytest.mark.django_db
def test_pages_and_forms_survive_redis_stopping_and_return_to_it(
    client, demo_site, redis_server, caplog, monkeypatch
):
    monkeypatch.setattr(resilient_cache, "RETRY_SECONDS", 0)  # try Redis on every call
    caplog.set_level(logging.INFO)
    article = ArticlePage.objects.live().first()
    form_page = ConsultationFormPage.objects.live().first()
    pages = [*PAGES, article.url]
    comment = {"name": "Dana", "email": "dana@example.com", "body": "It helped."}
    with override_settings(
        CACHES=redis_caches(redis_server.url),
        PAGE_CACHE_ENABLED=True,
        CONSULTATION_RATE_LIMIT=2,
        COMMENTS_RATE_LIMIT=2,
    ):
        assert [client.get(url).status_code for url in pages] == [200] * len(pages)
        assert redis_server.keys(), "the pages were cached in Redis"

        redis_server.stop()
        for _ in range(3):
            assert [client.get(url).status_code for url in pages] == [200] * len(pages)
        # Stored, then refused by the per-process limiter: a limit still, not "no limit".
        posts = [client.post(form_page.url, answers()).status_code for _ in range(3)]
        assert posts == [303, 303, 429]
        assert ConsultationRequest.objects.count() == 2
        posts = [client.post(f"/comments/{article.pk}/", comment).status_code for _ in range(3)]
        assert posts == [303, 303, 429]
        assert Comment.objects.filter(name="Dana").count() == 2
        assert len(outage_messages(caplog, "Redis unavailable")) == 1

        redis_server.start()  # empty, on the same port
        assert [client.get(url).status_code for url in pages] == [200] * len(pages)
        assert len(outage_messages(caplog, "Redis is back")) == 1
        assert redis_server.keys(), "the cache is in Redis again"
        visitor = Client()  # no messages cookie from the posts above: the page cache serves it
        assert [visitor.get(article.url)["X-Page-Cache"] for _ in range(2)] == ["miss", "hit"]
