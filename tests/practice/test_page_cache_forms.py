"""Pages with a form in the full-page cache: an article's comment form is stored with a hole
where the CSRF token goes and filled per visitor, so the page is shared and nobody's token is."""

import re

import pytest
from django.core.cache import caches

from practice import page_cache as page_cache_module
from tests.factories import CommentFactory
from tests.helpers import FROM_THIS_SITE

from .helpers import get

pytestmark = pytest.mark.django_db


def comment_address(response):
    """Where the article's comment form posts to."""
    return re.search(
        r'<form class="form comment-form" method="post" action="([^"]+)"', response.content.decode()
    )[1]


COMMENT = {"name": "Maria", "email": "maria@example.org", "body": "Clear and kind, thank you."}
CROSS_SITE_FETCH = {"HTTP_SEC_FETCH_SITE": "cross-site"}


TOKEN_INPUT = 'name="csrfmiddlewaretoken"'


def stored_copy(path):
    from django.test import RequestFactory

    key = page_cache_module._cache_key(RequestFactory().get(path))
    return caches["pages"].get(key)["content"]


def test_an_article_with_a_comment_form_is_cached_and_shared_with_nobodys_token(
    article, page_cache_on, django_assert_max_num_queries
):
    from django.test import Client

    alice, bob = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = get(alice, article.url)
    assert first["X-Page-Cache"] == "miss"
    # Neither the stored copy nor what Alice got holds a token or sets a cookie.
    assert TOKEN_INPUT.encode() not in stored_copy(article.url)
    assert TOKEN_INPUT not in first.content.decode() and not first.cookies

    with django_assert_max_num_queries(0):
        hit = get(bob, article.url)
    assert hit["X-Page-Cache"] == "hit"
    assert not hit.cookies
    # A CDN may keep it: nothing in it belongs to one visitor.
    assert "public" in hit["Cache-Control"] and "private" not in hit["Cache-Control"]

    # Bob's comment from the shared page goes through, as his browser says where it came from...
    posted = bob.post(comment_address(hit), COMMENT, **FROM_THIS_SITE)
    assert posted.status_code == 303
    # ...and the same form copied onto another site is refused.
    carol = Client(enforce_csrf_checks=True)
    forged = carol.post(
        comment_address(hit), COMMENT, HTTP_ORIGIN="https://evil.example", **CROSS_SITE_FETCH
    )
    assert forged.status_code == 403


def test_a_comment_quoting_a_token_field_is_shown_as_written(article, page_cache_on):
    from django.test import Client

    quoted = '<input type="hidden" name="csrfmiddlewaretoken" value="abc">'
    CommentFactory(article=article, name="Sam", body=f"What is this? {quoted}")
    get(Client(), article.url)
    hit = get(Client(), article.url)
    assert hit["X-Page-Cache"] == "hit" and "public" in hit["Cache-Control"]
    page = hit.content.decode()
    assert "What is this? &lt;input type=&quot;hidden&quot;" in page  # escaped, untouched
    assert page.count(TOKEN_INPUT) == 0  # and no real token anywhere


def test_a_page_that_carries_a_token_is_never_shared(client, article, page_cache_on, monkeypatch):
    """A form that renders Django's token for an anonymous visitor would hand one visitor's
    token to the next: such a page is neither stored nor marked public."""
    from django.middleware.csrf import get_token

    from education.models import ArticlePage

    def serve_with_token(page, request, *args, **kwargs):
        response = original(page, request, *args, **kwargs)
        response.render()
        token = f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">'
        response.content += token.encode()
        return response

    original = ArticlePage.serve
    monkeypatch.setattr(ArticlePage, "serve", serve_with_token)
    for _ in range(2):
        response = get(client, article.url)
        assert "X-Page-Cache" not in response
        assert "public" not in response["Cache-Control"]


def test_a_returning_visitor_with_a_csrf_cookie_gets_the_shared_page_and_can_post(
    article, page_cache_on
):
    from django.test import Client

    get(Client(), article.url)  # someone else fills the cache
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/admin/login/")  # the sign-in form gives them a CSRF cookie
    cookie = visitor.cookies["csrftoken"].value
    hit = get(visitor, article.url)
    assert hit["X-Page-Cache"] == "hit" and "public" in hit["Cache-Control"]
    # Their cookie stands: the sign-in form in another tab keeps working.
    assert "csrftoken" not in hit.cookies
    assert visitor.cookies["csrftoken"].value == cookie
    posted = visitor.post(comment_address(hit), COMMENT, **FROM_THIS_SITE)
    assert posted.status_code == 303
