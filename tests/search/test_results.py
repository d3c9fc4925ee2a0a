"""Site search at /search/: what it finds, in which order, what it never shows, and how it
answers a query it cannot run."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from home.search.models import SearchTermDay
from home.search.results import highlight
from tests.factories import (
    ArticlePageFactory,
    ClinicianPageFactory,
    StandardPageFactory,
    TopicFactory,
    change_practice_settings,
)


@pytest.fixture
def okafor(clinician_index):
    return ClinicianPageFactory(
        parent=clinician_index,
        given_name="Maya",
        family_name="Okafor",
        post_nominals="DPT",
        job_title="Physical therapist",
        short_bio="Maya helps people with back pain move with confidence again.",
    )


def paragraph(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def search(client, query="", **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(html, section="results-heading"):
    heading = html.find(id=section)
    if heading is None:
        return []
    return [a.get_text(strip=True) for a in heading.parent.select(".search-result__title a")]


# --- What it finds ---


def test_a_word_from_an_article_body_finds_it(client, article_index, okafor):
    ArticlePageFactory(
        parent=article_index,
        title="Moving with a sore back",
        authors=[okafor],
        summary="Why gentle movement helps a sore back heal.",
        body=paragraph("Short walks and stretches ease stiffness in the lumbar muscles."),
    )
    _, html = search(client, "lumbar")
    [result] = html.select(".search-result")
    assert result.select_one(".search-result__title a").get_text() == "Moving with a sore back"
    assert result.select_one(".search-result__type").get_text() == "Article"


def test_clinicians_and_standard_pages_are_found_with_their_type(client, okafor, privacy_page):
    _, html = search(client, "Okafor")
    [clinician] = html.select(".search-result")
    assert clinician.select_one(".search-result__type").get_text() == "Clinician"

    _, html = search(client, "privacy")
    types = {
        r.select_one(".search-result__title a").get_text(): r.select_one(
            ".search-result__type"
        ).get_text()
        for r in html.select(".search-result")
    }
    assert types["Privacy notice"] == "Page"


def test_articles_are_found_by_author_name_and_topic(client, article_index, okafor):
    shoulders = TopicFactory(name="Frozen shoulder")
    ArticlePageFactory(
        parent=article_index,
        title="Easing a stiff joint",
        authors=[okafor],
        topics=[shoulders],
        body=paragraph("Warmth and movement."),
    )
    _, by_author = search(client, "Okafor")
    assert "Easing a stiff joint" in result_titles(by_author)
    _, by_topic = search(client, "frozen shoulder")
    assert result_titles(by_topic) == ["Easing a stiff joint"]


def test_the_summary_marks_the_words_searched_for(client, article_index, okafor):
    ArticlePageFactory(
        parent=article_index,
        title="Exercise at home",
        authors=[okafor],
        summary="Simple exercises you can do at home, and how often to do them.",
    )
    _, html = search(client, "exercise home")
    summary = html.select_one(".search-result__summary")
    assert [mark.get_text() for mark in summary.select("mark")] == ["exercises", "home"]


def test_highlighting_escapes_the_text_around_the_marks():
    marked = highlight('Avoid <script>alert("x")</script> & rest', ["script", "rest"])
    assert str(marked) == (
        "Avoid &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; "
        "&amp; <mark>rest</mark>"
    )
    assert str(highlight("<b>bold</b>", [])) == "&lt;b&gt;bold&lt;/b&gt;"


def test_a_title_match_ranks_above_body_matches(client, article_index, okafor):
    for n in range(3):
        ArticlePageFactory(
            parent=article_index,
            title=f"Long-term pain medicine, part {n}",
            authors=[okafor],
            body=paragraph("Hyperalgesia means more pain. Hyperalgesia is rare. " * 5),
        )
    ArticlePageFactory(
        parent=article_index,
        title="Hyperalgesia explained",
        authors=[okafor],
        summary="When pain medicine makes pain worse.",
        body=paragraph("Some people become more sensitive to pain."),
        display_date=datetime.date(2020, 1, 1),
    )
    _, html = search(client, "hyperalgesia")
    titles = result_titles(html)
    assert titles[0] == "Hyperalgesia explained"
    assert len(titles) == 4


# --- What it never shows ---


def test_drafts_never_appear(client, article_index, okafor):
    ArticlePageFactory(
        parent=article_index, title="Unfinished zebra article", authors=[okafor], publish=False
    )
    live = ArticlePageFactory(
        parent=article_index, title="Walking", authors=[okafor], body=paragraph("Walk every day.")
    )
    live.body = paragraph("Walk every day, like a zebra.")
    live.save_revision()  # a draft change, not published

    _, html = search(client, "zebra")
    assert html.select(".search-result") == []
    assert "We could not find a page about “zebra”" in html.get_text()


def test_private_pages_never_appear(client, home_page, article_index, okafor):
    secret = ArticlePageFactory(
        parent=article_index, title="Staff only: naloxone stock", authors=[okafor]
    )
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="staff"
    )
    members = StandardPageFactory(parent=home_page, title="Members area", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    StandardPageFactory(parent=members, title="Naloxone kit for members", slug="contract")
    ArticlePageFactory(parent=article_index, title="Naloxone at home", authors=[okafor])

    _, html = search(client, "naloxone")
    assert result_titles(html) == ["Naloxone at home"]


# --- Promotions ---


def test_promoted_pages_come_first_and_searches_are_counted(client, article_index, okafor):
    plain = ArticlePageFactory(parent=article_index, title="Sleep and pain", authors=[okafor])
    promoted = ArticlePageFactory(
        parent=article_index,
        title="A good night",
        authors=[okafor],
        body=paragraph("Rest and sleep well."),
    )
    draft = ArticlePageFactory(
        parent=article_index, title="Sleep draft", authors=[okafor], publish=False
    )
    query = Query.get("sleep")
    SearchPromotion.objects.create(query=query, page=promoted, sort_order=0, description="Ours.")
    SearchPromotion.objects.create(query=query, page=draft, sort_order=1)

    _, html = search(client, "Sleep")
    assert result_titles(html, "recommended-heading") == ["A good night"]
    assert result_titles(html) == [plain.title]  # promoted once, drafts never
    assert SearchTermDay.objects.get(query="sleep").searches == 1
    search(client, "sleep", page=2)
    assert SearchTermDay.objects.get(query="sleep").searches == 1  # paging is not a new search


def test_a_promoted_page_is_listed_once_across_all_pages(client, article_index, okafor):
    for n in range(11):
        ArticlePageFactory(parent=article_index, title=f"Sleep tip {n}", authors=[okafor])
    promoted = ArticlePageFactory(
        parent=article_index, title="Sleep tip: the one we recommend", authors=[okafor]
    )
    SearchPromotion.objects.create(query=Query.get("sleep"), page=promoted, sort_order=0)

    _, first = search(client, "sleep")
    _, second = search(client, "sleep", page=2)
    assert "12 results, page 1 of 2" in first.get_text()
    assert result_titles(first, "recommended-heading") == [promoted.title]
    assert result_titles(second, "recommended-heading") == []
    listed = result_titles(first) + result_titles(second)
    assert len(listed) == 11 and promoted.title not in listed


# --- Queries it does not run ---


def test_an_empty_search_asks_for_words_and_searches_nothing(client, article_index):
    _, html = search(client, "   ")
    assert "Type a word or two" in html.get_text()
    assert html.select(".search-result") == []
    assert not SearchTermDay.objects.exists()


def test_an_overlong_search_is_refused_calmly_and_keeps_what_was_typed(client, article_index):
    typed = "why does my back hurt " * 10  # 220 characters
    response, html = search(client, typed)
    assert "searches can be up to 200 characters" in html.get_text()
    assert html.select_one("#search-page-q")["value"] == typed
    assert not SearchTermDay.objects.exists()


@pytest.mark.parametrize("query", ['back & pain | "x" :*', "!!!", "o'clock", "ü-ß", "*", "(("])
def test_odd_characters_never_break_the_search(client, article_index, query):
    search(client, query)


def test_no_results_suggest_topics_and_a_consultation(client, home_page, article_index, okafor):
    ArticlePageFactory(
        parent=article_index,
        title="Knees",
        authors=[okafor],
        topics=[TopicFactory(name="Arthritis")],
    )
    consultation = StandardPageFactory(parent=home_page, title="Ask for a visit", slug="visit")
    change_practice_settings(consultation_page=consultation)

    _, html = search(client, "xylophone")
    suggestions = html.select_one(".search-suggestions")
    assert suggestions.select_one('a[href="/education/?topic=arthritis"]') is not None
    assert suggestions.select_one('a[href="/visit/"]').get_text() == "request a consultation"


# --- The page itself ---


def test_results_are_paginated_ten_to_a_page(client, article_index, okafor):
    for n in range(12):
        ArticlePageFactory(parent=article_index, title=f"Gentle stretch {n}", authors=[okafor])
    _, first = search(client, "stretch")
    assert len(first.select(".search-result")) == 10
    assert "12 results, page 1 of 2" in first.get_text()
    next_link = first.select_one('.pagination a[rel="next"]')["href"]
    assert "q=stretch" in next_link and "page=2" in next_link
    _, second = search(client, "stretch", page=2)
    assert len(second.select(".search-result")) == 2
    _, beyond = search(client, "stretch", page="99")
    assert len(beyond.select(".search-result")) == 2  # the last page, not an error


def test_results_are_not_indexed_or_cached(client, article_index):
    response, html = search(client, "pain")
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_every_page_has_a_labelled_search_box(client, home_page):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    form = html.select_one('header form[role="search"]')
    assert form["action"] == "/search/"
    field = form.select_one('input[name="q"]')
    assert form.select_one(f'label[for="{field["id"]}"]').get_text(strip=True)


@pytest.mark.parametrize("count", [3, 15])
def test_search_runs_a_bounded_number_of_queries(
    client, article_index, okafor, count, django_assert_max_num_queries
):
    for n in range(count):
        ArticlePageFactory(parent=article_index, title=f"Back pain {n}", authors=[okafor])
    search(client, "back")  # warm the site settings and menus
    with django_assert_max_num_queries(24):
        search(client, "back pain")
