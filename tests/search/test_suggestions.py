"""Suggestions as you type: /search-suggestions/?q= answers JSON with at most six page titles,
is kept by the browser but by no shared cache, limited per address, and never breaks on bad
input."""

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory

URL = "/search-suggestions/"


def suggest(client, query, url=URL, **extra):
    response = client.get(url, {"q": query}, **extra)
    assert response.status_code == 200, response.status_code
    return response, response.json()["suggestions"]


def test_page_titles_starting_as_typed_at_most_six(client, article_index, rubin):
    for n in range(8):
        ArticlePageFactory(parent=article_index, title=f"Sciatica question {n}", authors=[rubin])
    ArticlePageFactory(parent=article_index, title="Knee pain", authors=[rubin])
    response, found = suggest(client, "sciat")
    assert len(found) == 6
    assert all(s["title"].startswith("Sciatica question") for s in found)
    assert {s["type"] for s in found} == {"Article"}
    assert found[0]["url"].startswith("/education/")
    assert "max-age=300" in response["Cache-Control"]


@pytest.mark.parametrize("path", [URL, "/es" + URL])
def test_what_was_typed_is_kept_by_the_browser_and_no_shared_cache(
    client, article, page_cache_on, path
):
    """The query is in the address: a proxy or CDN keeping the answer would keep what patients
    typed on its disk (deploy/nginx.conf does not cache these paths either), and the page
    cache never keeps it (it would answer "hit" the second time)."""
    for _ in range(2):
        response, _found = suggest(client, "exercise", url=path)
        cache_control = {word.strip() for word in response["Cache-Control"].split(",")}
        assert {"private", "max-age=300"} <= cache_control and "public" not in cache_control
        assert "X-Page-Cache" not in response


def test_drafts_and_private_pages_are_never_suggested(client, home_page, article_index, rubin):
    ArticlePageFactory(parent=article_index, title="Zebra draft", authors=[rubin], publish=False)
    secret = ArticlePageFactory(parent=article_index, title="Zebra secret", authors=[rubin])
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert suggest(client, "zebra")[1] == []


@pytest.mark.parametrize("query", ["", "s", "   ", "!!", "x" * 101, "ü-ß", '"(*'])
def test_too_little_or_too_much_gets_no_suggestions(client, article, query):
    assert suggest(client, query)[1] == []


def test_bad_input_never_breaks_it(client, article):
    assert client.get(URL + "?q=a%00b").status_code == 400  # not text: said plainly
    assert client.get(URL + "?q=%FF").status_code == 400
    long = client.get(URL, {"q": "x" * 10_000})
    assert long.status_code == 200 and long.json() == {"suggestions": []}
    assert client.get(URL + "?q=1&q=back&q[]=2").status_code == 200


@override_settings(SEARCH_SUGGESTIONS_RATE_LIMIT=60, SEARCH_SUGGESTIONS_RATE_PERIOD=60)
def test_one_address_asking_too_often_is_told_to_wait(client, article):
    statuses = [client.get(URL, {"q": f"back {n}"}).status_code for n in range(100)]
    assert statuses[:60] == [200] * 60 and statuses[60:] == [429] * 40
    refused = client.get(URL, {"q": "back"})
    assert refused["Retry-After"] == "60" and "no-store" in refused["Cache-Control"]
    assert refused.json()["suggestions"] == []
    other = client.get(URL, {"q": "back"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200
    # The search page itself is never limited by this.
    assert client.get("/search/", {"q": "back"}).status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_suggestions_run_a_bounded_number_of_queries(
    client, article_index, rubin, count, django_assert_max_num_queries
):
    for n in range(count):
        ArticlePageFactory(parent=article_index, title=f"Back pain {n}", authors=[rubin])
    with django_assert_max_num_queries(6):
        assert len(suggest(client, "back pai")[1]) == min(count, 6)
    with django_assert_max_num_queries(0):  # the same words again: from the cache
        suggest(client, "Back pai")


def test_the_header_search_offers_suggestions_and_works_without_script(client, home_page):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    form = html.select_one('header form[role="search"]')
    assert form["action"] == "/search/" and form["method"] == "get"
    assert form["data-suggestions"] == URL
    script = html.select_one('script[src$="search/suggestions.js"]')
    assert script is not None and script.has_attr("defer")
    # The combobox roles are the script's to add: without it the box is a plain search field.
    assert not form.select_one('input[name="q"]').has_attr("role")
