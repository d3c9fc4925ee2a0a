import datetime

import pytest

from tests.factories import (
    ArticlePageFactory,
    ClinicianPageFactory,
    StandardPageFactory,
    TopicFactory,
    change_practice_settings,
    citation,
    references,
)
from tests.helpers import make_private, soup_of

pytestmark = pytest.mark.django_db


def card_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".card__title a")]


# --- Article index ---


def test_index_lists_live_public_articles_newest_first(client, article_index, rubin):
    day = datetime.date(2026, 1, 1)
    ArticlePageFactory(parent=article_index, title="Older", authors=[rubin], display_date=day)
    ArticlePageFactory(
        parent=article_index, title="Newer", authors=[rubin], display_date=day.replace(day=9)
    )
    ArticlePageFactory(parent=article_index, title="Draft article", authors=[rubin], publish=False)
    make_private(ArticlePageFactory(parent=article_index, title="Private article", authors=[rubin]))
    gone = ArticlePageFactory(parent=article_index, title="Unpublished article", authors=[rubin])
    gone.unpublish()

    response = client.get("/education/")
    assert response.status_code == 200
    assert card_titles(response) == ["Newer", "Older"]


def test_index_shows_ten_articles_a_page_with_an_elided_page_range(client, article_index):
    for n in range(95):
        ArticlePageFactory(
            parent=article_index, display_date=datetime.date(2020, 1, 1) + datetime.timedelta(n)
        )

    first = client.get("/education/")
    assert len(card_titles(first)) == 10
    nav = soup_of(first).select_one("nav.pagination")
    labels = [item.get_text(" ", strip=True) for item in nav.select("li")]
    assert labels[:4] == ["Page 1", "Page 2", "Page 3", "…"]
    assert labels[-2:] == ["Page 10", "Next page"]
    assert nav.select_one("[aria-current=page]").get_text(" ", strip=True) == "Page 1"

    last = client.get("/education/?page=10")
    assert len(card_titles(last)) == 5
    assert "(page 10)" in soup_of(last).title.get_text()


@pytest.mark.parametrize("query", ["?page=2", "?page=0", "?page=abc", "?page=-1"])
def test_out_of_range_or_invalid_page_is_a_404(client, article_index, query):
    ArticlePageFactory(parent=article_index)
    assert client.get("/education/" + query).status_code == 404


def test_topic_filter_shows_the_active_topic_and_a_way_back(client, article_index):
    knees = TopicFactory(name="Knees")
    knees.description = "Arthritis and sore knees."
    knees.save()
    ArticlePageFactory(parent=article_index, title="Knee article", topics=[knees])
    ArticlePageFactory(
        parent=article_index, title="Other article", topics=[TopicFactory(name="Sleep")]
    )

    response = client.get("/education/?topic=knees")
    assert response.status_code == 200
    assert card_titles(response) == ["Knee article"]
    html = soup_of(response)
    active = html.select_one(".active-filter")
    assert "Showing articles about Knees" in active.get_text(" ", strip=True)
    assert "Arthritis and sore knees." in active.get_text()
    assert active.find("a", string="Show all articles")["href"] == "/education/"
    assert html.select_one(".topic-filter a[aria-current]").get_text() == "Knees"
    assert html.title.get_text().startswith("Knees: Patient education")


def test_unknown_topic_is_a_404(client, article_index):
    ArticlePageFactory(parent=article_index, topics=[TopicFactory(name="Knees")])
    assert client.get("/education/?topic=no-such-topic").status_code == 404


def test_pagination_links_keep_the_topic(client, article_index):
    knees = TopicFactory(name="Knees")
    for _ in range(11):
        ArticlePageFactory(parent=article_index, topics=[knees])
    html = soup_of(client.get("/education/?topic=knees"))
    assert html.select_one("a[rel=next]")["href"] == "?topic=knees&page=2"
    assert len(card_titles(client.get("/education/?topic=knees&page=2"))) == 1


def test_topics_without_live_articles_are_not_offered(client, article_index):
    ArticlePageFactory(parent=article_index, topics=[TopicFactory(name="Shown")])
    ArticlePageFactory(
        parent=article_index, topics=[TopicFactory(name="Draft only")], publish=False
    )
    html = soup_of(client.get("/education/"))
    assert [a.get_text() for a in html.select(".topic-filter a")] == ["Shown"]


# --- Article page ---


def test_article_page_shows_byline_dates_reading_time_topics_and_references(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    html = soup_of(response)
    assert html.h1.get_text() == "Exercise for low back pain"
    assert html.select_one(".lead").get_text() == article.summary
    byline = html.select_one(".byline__names")
    assert byline.get_text(" ", strip=True) == "By Dr. Edward Rubin, MD"
    assert byline.a["href"] == "/clinicians/" + article.article_authors.first().clinician.slug + "/"
    assert html.select_one(".byline__photo") is not None
    dates = " ".join(html.select_one(".article__dates").get_text().split())
    assert dates.startswith("Published January 20, 2026 ·")
    assert "Medically reviewed by Dr. Edward Rubin, MD on February 1, 2026" in dates
    assert "Next review due February 1, 2027" in dates
    assert "1 minute to read" in html.select_one(".article__reading-time").get_text()
    topic = html.select_one(".article__topics a")
    assert (topic.get_text(), topic["href"]) == ("Back pain", "/education/?topic=back-pain")
    assert [a.get_text() for a in html.select(".breadcrumbs a")] == [
        "Home",
        "Patient education",
        "Exercise for low back pain",
    ]
    assert html.select_one(".article__hero img")["alt"] == "A person stretching"


def test_article_references_are_listed_after_the_body(client, article_index, rubin):
    article = ArticlePageFactory(
        parent=article_index,
        authors=[rubin],
        body=[
            references(),
            ("pull_quote", {"quote": "Move a little every day.", "attribution": "Dr. Rubin"}),
        ],
    )
    html = soup_of(client.get(article.url))
    listed = html.select_one("section.references")
    assert listed.h2.get_text() == "References"
    assert "Lee M, Silverman SM. A review of hyperalgesia. Pain Physician. 2011." in " ".join(
        listed.li.get_text().split()
    )
    assert listed.find("a")["href"] == "https://example.org/paper"
    # The references come after the body whatever the editor's order.
    body = html.select_one(".article__body")
    assert body.select_one(".pull-quote") is not None
    assert body.select_one(".references") is None


def test_a_citation_never_shows_a_double_full_stop(client, article_index, rubin):
    bender = citation(
        authors="Bender T, Karagülle Z, et al.",
        title="Does warm water ease pain?",
        source="Rheumatology International",
        year=2005,
        url="",
    )
    article = ArticlePageFactory(parent=article_index, authors=[rubin], body=[references(bender)])
    text = " ".join(
        soup_of(client.get(article.url)).select_one(".references li").get_text().split()
    )
    assert text == (
        "Bender T, Karagülle Z, et al. Does warm water ease pain? Rheumatology International. 2005."
    )


def test_consultation_call_to_action_links_the_page_chosen_in_settings(client, article, home_page):
    consultation = StandardPageFactory(
        parent=home_page, title="Request a consultation", slug="consultation"
    )
    change_practice_settings(consultation_page=consultation)

    cta = soup_of(client.get(article.url)).select_one(".consultation-cta")
    assert cta.find("a", string="Request a consultation")["href"] == "/consultation/"


def test_without_a_consultation_page_the_call_to_action_offers_the_phone(client, article):
    cta = soup_of(client.get(article.url)).select_one(".consultation-cta")
    assert cta.select_one('a[href^="tel:"]') is not None


def test_article_shows_up_to_three_related_articles(client, article_index, article, back_pain):
    for n in range(4):
        ArticlePageFactory(parent=article_index, title=f"Related {n}", topics=[back_pain])
    ArticlePageFactory(
        parent=article_index, title="Related draft", topics=[back_pain], publish=False
    )
    html = soup_of(client.get(article.url))
    related = [a.get_text() for a in html.select(".related-articles .card__title a")]
    assert related == ["Related 3", "Related 2", "Related 1"]


def test_draft_author_is_named_but_not_linked(client, article_index, clinician_index):
    draft_author = ClinicianPageFactory(
        parent=clinician_index, given_name="Nora", family_name="Vance", publish=False
    )
    article = ArticlePageFactory(parent=article_index, authors=[draft_author])
    byline = soup_of(client.get(article.url)).select_one(".byline__names")
    assert byline.get_text(" ", strip=True) == "By Dr. Nora Vance, MD"
    assert byline.find("a") is None


def test_several_authors_are_listed_in_order(client, article_index, clinician_index, rubin):
    okafor = ClinicianPageFactory(
        parent=clinician_index, given_name="Maya", family_name="Okafor", post_nominals="DPT"
    )
    reyes = ClinicianPageFactory(parent=clinician_index, given_name="Anita", family_name="Reyes")
    article = ArticlePageFactory(parent=article_index, authors=[okafor, rubin, reyes])
    byline = soup_of(client.get(article.url)).select_one(".byline__names")
    assert byline.get_text() == (
        "By Dr. Maya Okafor, DPT, Dr. Edward Rubin, MD and Dr. Anita Reyes, MD"
    )


def test_draft_and_unknown_articles_are_404(client, article_index):
    draft = ArticlePageFactory(parent=article_index, publish=False)
    assert client.get("/education/" + draft.slug + "/").status_code == 404
    assert client.get("/education/no-such-article/").status_code == 404


def test_unpublishing_an_article_removes_it_from_cached_pages_at_once(
    client, article_index, article, back_pain
):
    other = ArticlePageFactory(parent=article_index, title="Soon gone", topics=[back_pain])
    assert "Soon gone" in card_titles(client.get("/education/"))
    assert "Soon gone" in card_titles(client.get(article.url))

    other.unpublish()
    assert "Soon gone" not in card_titles(client.get("/education/"))
    assert "Soon gone" not in card_titles(client.get(article.url))


def test_editing_an_article_shows_at_once(client, article):
    client.get(article.url)
    article.title = "A new title"
    article.save_revision().publish()
    assert soup_of(client.get(article.url)).h1.get_text() == "A new title"


# --- Authors ---


def test_clinician_index_lists_live_public_clinicians(client, clinician_index, rubin):
    ClinicianPageFactory(
        parent=clinician_index, given_name="Draft", family_name="Person", publish=False
    )
    make_private(
        ClinicianPageFactory(parent=clinician_index, given_name="Private", family_name="Person")
    )
    response = client.get("/clinicians/")
    assert response.status_code == 200
    assert card_titles(response) == ["Dr. Edward Rubin, MD"]


def test_author_page_lists_articles_written_and_reviewed_never_drafts(
    client, article_index, clinician_index, rubin
):
    okafor = ClinicianPageFactory(
        parent=clinician_index, given_name="Maya", family_name="Okafor", post_nominals="DPT"
    )
    ArticlePageFactory(parent=article_index, title="Written by Rubin", authors=[rubin])
    ArticlePageFactory(
        parent=article_index,
        title="Reviewed by Rubin",
        authors=[okafor],
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 1, 1),
    )
    ArticlePageFactory(parent=article_index, title="Draft by Rubin", authors=[rubin], publish=False)
    make_private(
        ArticlePageFactory(parent=article_index, title="Private by Rubin", authors=[rubin])
    )

    response = client.get(rubin.url)
    assert response.status_code == 200
    html = soup_of(response)
    assert html.h1.get_text() == "Dr. Edward Rubin, MD"
    written = html.find("section", attrs={"aria-labelledby": "written-heading"})
    reviewed = html.find("section", attrs={"aria-labelledby": "reviewed-heading"})
    assert [a.get_text() for a in written.select(".card__title a")] == ["Written by Rubin"]
    assert [a.get_text() for a in reviewed.select(".card__title a")] == ["Reviewed by Rubin"]
    assert html.select_one(".profile__photo")["alt"] == "Dr. Rubin in the clinic"
    assert html.select_one(".consultation-cta") is not None


def test_author_article_lists_are_paginated_separately(client, article_index, rubin):
    for _ in range(12):
        ArticlePageFactory(parent=article_index, authors=[rubin])
    html = soup_of(client.get(rubin.url))
    assert len(html.select("#written-heading ~ ul .card__title")) == 10
    assert (
        html.select_one('nav[aria-label="Pages of articles written"] a[rel=next]')["href"]
        == "?page=2"
    )
    assert len(soup_of(client.get(rubin.url + "?page=2")).select(".card__title")) == 2
    assert client.get(rubin.url + "?page=3").status_code == 404
    assert client.get(rubin.url + "?reviewed_page=2").status_code == 404


# --- Site-wide ---


def test_every_page_links_the_feed(client, about_page, article_index):
    for url in ("/", "/about/", "/education/"):
        link = soup_of(client.get(url)).select_one(
            'link[rel=alternate][type="application/rss+xml"]'
        )
        assert link["href"] == "/education/feed/"


def test_menus_show_patient_education_and_our_clinicians(client, article_index, clinician_index):
    html = soup_of(client.get("/"))
    menu = [a.get_text(strip=True) for a in html.select("nav[aria-label=Main] a")]
    assert "Patient education" in menu and "Our clinicians" in menu
