"""Pages cost the same number of queries with 4 articles as with 30, and at most 10 when warm;
in Spanish too, with the topics shown in Spanish, however many there are.
Every article has its own hero image and every author a photo, so responsive renditions
(three formats, several widths) are part of what is counted."""

import datetime

import pytest
from django.core.cache import cache
from django.utils.text import slugify

from education.models import ArticlePage, Topic
from tests.factories import ArticlePageFactory, ClinicianPageFactory, ImageFactory, TopicFactory
from tests.helpers import queries_for, query_counts, translate

pytestmark = pytest.mark.django_db

WARM_BUDGET = 10
# Under /es/, Wagtail finds the page from the site's English root: the root's Spanish
# translation and the tree above it cost two more queries (measured: 12 for a filtered index).
SPANISH_WARM_BUDGET = WARM_BUDGET + 2


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


def test_query_counts_do_not_grow_with_the_number_of_articles(
    client, article_index, clinician_index
):
    # Four, not one: with a single article the "related articles" list is empty and its card
    # images cost nothing, which would hide a per-card query rather than reveal one.
    urls = build(article_index, clinician_index, 4)
    cold_few, warm_few = query_counts(client, urls, refill="/about/")
    authors = [p.specific for p in clinician_index.get_children()]
    add_articles(article_index, authors, list(Topic.objects.all()), 26)  # 30 in all
    cold_many, warm_many = query_counts(client, urls, refill="/about/")
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
        # The sites, home pages, locales and settings (two), the route (two), the menu, footer
        # pages and notices (one), the practice's offices (one; two more for their hours and
        # closures when there are offices), the social links; for the article, its section,
        # the hero's renditions (with the shared picture), the byline, its photos' renditions,
        # the topics, the related cards and their renditions, the conditions and treatments
        # linking to it, the page's other languages and its comments (measured: 19).
        with django_assert_max_num_queries(19):
            client.get(urls[name])


# --- Spanish pages: topics shown in Spanish cost no query per topic or per article ---


def translate_topics(topics, locale):
    """Every topic but the last in Spanish ("Topic 0" is "Tema 0", at ?topic=tema-0); the
    last is shown in English."""
    for topic in topics[:-1]:
        copy = topic.copy_for_translation(locale)
        copy.name = topic.name.replace("Topic", "Tema").replace("topic", "tema")
        copy.slug = slugify(copy.name)
        copy.save()


def translate_articles(article_index, locale):
    done = set(ArticlePage.objects.filter(locale=locale).values_list("translation_key", flat=True))
    for article in ArticlePage.objects.child_of(article_index).live():
        if article.translation_key not in done:
            translate(article)


def spanish_urls(spanish_index):
    first = ArticlePage.objects.child_of(spanish_index).live().first()
    return {
        "es index": spanish_index.url,
        "es filtered index": spanish_index.url + "?topic=tema-0",
        "es index, untranslated topic": spanish_index.url + "?topic=topic-2",
        "es article": first.url,
    }


def test_spanish_query_counts_do_not_grow_with_articles_or_topics(
    client, article_index, clinician_index, spanish_article_index, es_locale
):
    build(article_index, clinician_index, 4)
    translate_topics(list(Topic.objects.all()), es_locale)
    translate_articles(article_index, es_locale)
    urls = spanish_urls(spanish_article_index)
    cold_few, warm_few = query_counts(client, urls, refill="/about/")

    authors = [p.specific for p in clinician_index.get_children()]
    more_topics = [TopicFactory(name=f"Extra topic {n}") for n in range(6)]
    more_topics.append(TopicFactory(name="Untranslated extra"))
    translate_topics(more_topics, es_locale)
    for topic in more_topics:
        add_articles(article_index, authors, [topic], 2)
    add_articles(article_index, authors, list(Topic.objects.filter(name__startswith="Topic")), 12)
    # 30 articles in all, under 10 topics, 9 of them in Spanish
    translate_articles(article_index, es_locale)
    cold_many, warm_many = query_counts(client, urls, refill="/about/")
    assert cold_many == cold_few
    assert warm_many == warm_few
    assert max(warm_many.values()) <= SPANISH_WARM_BUDGET, warm_many


def test_spanish_pages_show_spanish_topics(
    client, article_index, clinician_index, es_locale, spanish_article_index
):
    build(article_index, clinician_index, 4)
    translate_topics(list(Topic.objects.all()), es_locale)
    translate_articles(article_index, es_locale)
    html = client.get(spanish_article_index.url).content.decode()
    assert "Tema 0" in html and "Topic 2" in html and "Topic 0" not in html


# --- Cold: every cache empty (fragments, the kept route and settings) ---

# What each page costs with nothing cached, on this suite's pages (issue 31): before the route was
# found by its address (practice/routing.py) and the settings came with the pages they link to,
# 30 for the home page and 28 for each of the others; then 26 each, and 27 once every page's
# JSON-LD named the practice and its offices (issue 29). Now the sites, home pages, locales and
# settings come in two queries (practice/site_structure.py), the menu, footer pages and notices in
# one (practice/site_links.py), the offices once for the footer, the JSON-LD and the home page's
# list (pages/offices.py), a page's shared picture with the rest of its image's renditions, and
# the home page's featured articles with their images.
COLD = {"home": 16, "article": 18, "condition": 19, "treatment": 19}


def test_pages_stay_within_their_cold_counts(
    client, furnished_home_page, article, sciatica, injection
):
    urls = {
        "home": "/",
        "article": article.url,
        "condition": sciatica.url,
        "treatment": injection.url,
    }
    counts = {}
    for name, url in urls.items():
        client.get(url)  # renditions and the per-process caches (content types)
        cache.clear()
        counts[name] = queries_for(client, url)
    assert counts == COLD
