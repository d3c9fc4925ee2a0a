"""Topics in Spanish: a Spanish page shows each topic's Spanish name (the English one where it
has not been translated), and its filters take the Spanish slugs."""

from xml.etree import ElementTree

import pytest

from education.models import Topic
from home.search.models import SpellingTerm
from home.search.spelling import vocabulary_sources
from tests.factories import ArticlePageFactory, TopicFactory
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


def topic_links(response):
    return [a.get_text() for a in soup_of(response).select(".topic-filter a")]


def card_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".card__title a")]


@pytest.fixture
def spanish_articles(article, article_index, spanish_article_index, dolor_de_espalda):
    """ "Exercise for low back pain" (Back pain) in Spanish, still filed under the English
    topic, and a Spanish article under "Sleep", which has no Spanish translation."""
    sleep = TopicFactory(name="Sleep")
    sleep_article = ArticlePageFactory(parent=article_index, title="Sleep and pain", topics=[sleep])
    exercise = translate(article, title="Ejercicio para el dolor lumbar")
    # Filed by hand under the English topic, as a translation made before the Spanish topic
    # existed would be.
    exercise.topics = [article.topics.get()]
    exercise.save_revision().publish()
    sueno = translate(sleep_article, title="El sueño y el dolor")
    return {"exercise": exercise, "sleep": sueno, "sleep_topic": sleep}


def test_the_topic_has_a_locale_and_its_translation_shares_its_key(back_pain, dolor_de_espalda):
    assert back_pain.locale.language_code != "es"
    assert dolor_de_espalda.locale.language_code == "es"
    assert dolor_de_espalda.translation_key == back_pain.translation_key
    assert back_pain.get_translation(dolor_de_espalda.locale) == dolor_de_espalda


def test_a_topic_may_keep_its_name_in_another_language(es_locale):
    fibro = TopicFactory(name="Fibromialgia", slug="fibromialgia")
    copy = fibro.copy_for_translation(es_locale)
    copy.save()  # same name and slug, another language: allowed
    assert Topic.objects.filter(slug="fibromialgia").count() == 2


def test_the_spanish_index_offers_spanish_topics_with_the_english_as_fallback(
    client, spanish_article_index, spanish_articles
):
    response = client.get(spanish_article_index.url)
    assert response.status_code == 200
    assert topic_links(response) == ["Dolor de espalda", "Sleep"]


def test_the_english_index_still_offers_english_topics(client, article_index, spanish_articles):
    assert topic_links(client.get(article_index.url)) == ["Back pain", "Sleep"]


def test_the_spanish_filter_takes_the_spanish_slug_and_finds_articles_filed_in_english(
    client, spanish_article_index, spanish_articles
):
    response = client.get(spanish_article_index.url + "?topic=dolor-de-espalda")
    assert response.status_code == 200
    assert card_titles(response) == ["Ejercicio para el dolor lumbar"]
    active = soup_of(response).select_one(".active-filter").get_text(" ", strip=True)
    assert "Dolor de espalda" in active
    # An untranslated topic is filtered by its English slug.
    response = client.get(spanish_article_index.url + "?topic=sleep")
    assert card_titles(response) == ["El sueño y el dolor"]


def test_the_english_slug_of_a_translated_topic_is_not_a_spanish_filter(
    client, spanish_article_index, spanish_articles
):
    assert client.get(spanish_article_index.url + "?topic=back-pain").status_code == 404


def test_the_spanish_article_shows_its_topics_in_spanish_and_links_the_spanish_filter(
    client, spanish_article_index, spanish_articles
):
    exercise = spanish_articles["exercise"]
    html = soup_of(client.get(exercise.url))
    tags = html.select(".article__topics a")
    assert [tag.get_text() for tag in tags] == ["Dolor de espalda"]
    assert tags[0]["href"] == spanish_article_index.url + "?topic=dolor-de-espalda"


def test_related_articles_stay_in_the_page_language(article, article_index, spanish_articles):
    english_twin = ArticlePageFactory(
        parent=article_index, title="More on back pain", topics=[article.topics.get()]
    )
    spanish_twin = translate(english_twin, title="Más sobre el dolor de espalda")
    exercise = spanish_articles["exercise"]
    assert list(exercise.related_articles) == [spanish_twin]
    assert list(article.related_articles) == [english_twin]


def test_a_translation_is_filed_under_the_spanish_topics(
    article, spanish_article_index, es_locale, dolor_de_espalda
):
    exercise = article.copy_for_translation(es_locale).specific
    assert list(exercise.topics.all()) == [dolor_de_espalda]


def test_the_article_editor_offers_the_topics_of_the_article_language(
    admin_client, article, spanish_articles, dolor_de_espalda, back_pain
):
    exercise = spanish_articles["exercise"]
    page = admin_client.get(f"/admin/pages/{exercise.pk}/edit/")
    labels = [
        label.get_text(strip=True)
        for label in soup_of(page).select("[data-contentpath=topics] label")
        if label.select_one("input")
    ]
    # Spanish topics, and the English one it is still filed under; not English "Sleep".
    assert sorted(labels) == ["Back pain", "Dolor de espalda"]
    assert back_pain.name in labels


def test_the_spanish_feed_names_the_topics_in_spanish(client, spanish_articles):
    feed = ElementTree.fromstring(client.get("/es/educacion/feed/").content)
    categories = {
        item.findtext("title"): [c.text for c in item.findall("category")]
        for item in feed.iter("item")
    }
    assert categories == {
        "Ejercicio para el dolor lumbar": ["Dolor de espalda"],
        "El sueño y el dolor": ["Sleep"],
    }
    english = ElementTree.fromstring(client.get("/education/feed/").content)
    assert {c.text for c in english.iter("category")} == {"Back pain", "Sleep"}


def test_a_spanish_search_that_finds_nothing_suggests_the_spanish_topics(
    client, spanish_article_index, spanish_articles
):
    html = soup_of(client.get("/es/search/", {"q": "xilófono"}))
    links = html.select(".search-suggestions__topics a")
    assert [a.get_text() for a in links] == ["Dolor de espalda", "Sleep"]
    assert links[0]["href"] == spanish_article_index.url + "?topic=dolor-de-espalda"


def test_a_topic_adds_its_words_to_the_vocabulary_of_its_language(dolor_de_espalda):
    assert "espalda" in vocabulary_sources("es")
    assert "espalda" not in vocabulary_sources("en-us")
    assert SpellingTerm.objects.filter(term="espalda", language="es").exists()
