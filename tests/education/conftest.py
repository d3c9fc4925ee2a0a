"""Builders for education pages: an index, clinicians and articles under the demo home page."""

import datetime
import itertools

import pytest
from wagtail.models import Page
from wagtail.rich_text import RichText

from education.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    ClinicianPage,
    Topic,
)
from home.demo.images import demo_image

_numbers = itertools.count(1)


def add_page(parent, page, publish=True):
    """Add `page` under `parent`, published, or as a draft that has never been live."""
    page.live = publish
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_topic(name, slug=None, description=""):
    return Topic.objects.create(name=name, slug=slug or name.lower().replace(" ", "-"))


def make_clinician(index, given="Edward", family="Rubin", publish=True, **fields):
    n = next(_numbers)
    fields.setdefault("honorific_prefix", "Dr.")
    fields.setdefault("post_nominals", "MD")
    fields.setdefault("job_title", "Pain medicine physician")
    fields.setdefault("short_bio", f"{given} {family} treats long-lasting pain.")
    author = ClinicianPage(
        title=f"{fields['honorific_prefix']} {given} {family}".strip(),
        slug=f"{given}-{family}-{n}".lower(),
        given_name=given,
        family_name=family,
        **fields,
    )
    return add_page(index, author, publish=publish)


def make_article(
    index,
    title=None,
    authors=(),
    topics=(),
    publish=True,
    display_date=None,
    body=None,
    **fields,
):
    n = next(_numbers)
    title = title or f"Article number {n}"
    fields.setdefault("summary", f"What patients should know about {title.lower()}.")
    article = ArticlePage(
        title=title,
        slug=f"article-{n}",
        display_date=display_date or datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
        body=body
        if body is not None
        else [
            ("heading", {"text": "What it is", "level": "h2"}),
            ("paragraph", RichText("<p>" + "Plain words about pain. " * 40 + "</p>")),
        ],
        **fields,
    )
    for order, author in enumerate(authors):
        article.article_authors.add(ArticleAuthor(clinician=author, sort_order=order))
    article.topics = list(topics)
    return add_page(index, article, publish=publish)


@pytest.fixture
def home_page(db):
    """The demo practice without its education content, so each test builds exactly the
    articles it talks about."""
    from home.demo import site

    return site.build(log=lambda message: None)


@pytest.fixture
def article_index(home_page):
    index = ArticleIndexPage(title="Patient education", slug="education", intro="Read up.")
    return add_page(home_page, index)


@pytest.fixture
def clinician_index(home_page):
    index = ClinicianIndexPage(title="Our clinicians", slug="clinicians", intro="Meet the team.")
    return add_page(home_page, index)


@pytest.fixture
def rubin(clinician_index):
    photo = demo_image("Test photo of Dr. Rubin", seed=7)
    return make_clinician(clinician_index, photo=photo, photo_alt="Dr. Rubin in the clinic")


@pytest.fixture
def back_pain():
    return make_topic("Back pain")


@pytest.fixture
def article(article_index, rubin, back_pain):
    hero = demo_image("Test hero", seed=3)
    return make_article(
        article_index,
        title="Exercise for low back pain",
        authors=[rubin],
        topics=[back_pain],
        hero_image=hero,
        hero_image_alt="A person stretching",
        medical_reviewer=rubin,
        last_reviewed=datetime.date(2026, 2, 1),
        display_date=datetime.date(2026, 1, 20),
    )


__all__ = ["Page", "add_page", "make_article", "make_clinician", "make_topic"]
