"""Publishing a page queues a background render of it, which makes every rendition its templates
(and its index's listing) ask for, so the first visitor's request encodes no picture."""

import pytest
from django_tasks import task_backends
from wagtail.images import get_image_model

from education.models import ArticleIndexPage
from home.demo.images import demo_image
from practice.prerender import pages_to_render, render_published_page
from tests.factories.education import ArticlePageFactory


def renditions_of(image):
    return image.renditions.count()


@pytest.fixture
def article(demo_site):
    """A new article in the demo site, with a picture no other page shows."""
    index = ArticleIndexPage.objects.live().first()
    hero = demo_image("A picture for this test", seed=4242)
    return ArticlePageFactory(parent=index, hero_image=hero, hero_image_alt="Shapes")


@pytest.fixture
def queue():
    backend = task_backends["background"]
    backend.clear()
    return backend


def test_publishing_queues_a_render_of_the_page(queue, article):
    queue.clear()
    article.save_revision().publish()
    (result,) = queue.results
    assert result.task.func is render_published_page.func
    assert result.args == [article.pk]


def test_the_render_makes_the_renditions_the_page_and_its_listing_need(client, article):
    hero = get_image_model().objects.get(pk=article.hero_image_id)
    hero.renditions.all().delete()

    statuses = render_published_page.call(article.pk)

    assert statuses == [200] * len(pages_to_render(article)) == [200] * 3  # with index, home
    made = renditions_of(hero)
    assert made >= 6  # AVIF, WebP and JPEG at several widths, for the article and its card
    for url in (article.url, article.get_parent().url):
        assert client.get(url).status_code == 200
    assert renditions_of(hero) == made, "a visitor's request had to make a rendition"


def test_a_page_unpublished_before_the_worker_gets_to_it_is_skipped(article):
    article.unpublish()
    assert render_published_page.call(article.pk) == []
