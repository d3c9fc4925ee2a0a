"""Patient education: topics, the two section pages, clinicians and articles."""

import datetime

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.rich_text import RichText

from education.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    ClinicianPage,
    Topic,
)

from .base import PageFactory
from .home import home_page


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


class IndexPageFactory(PageFactory):
    """A section's front page, under the home page and in the main menu."""

    class Meta:
        abstract = True

    parent = factory.LazyFunction(home_page)
    show_in_menus = True

    @classmethod
    def existing(cls):
        """The site's section (there is one at most), made if there is none yet."""
        return cls._meta.model.objects.first() or cls()


class ArticleIndexPageFactory(IndexPageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Patient education"
    slug = "education"
    intro = "Read up."


class ClinicianIndexPageFactory(IndexPageFactory):
    class Meta:
        model = ClinicianIndexPage

    title = "Our clinicians"
    slug = "clinicians"
    intro = "Meet the team."


def byline_name(clinician):
    """ "Dr. Edward Rubin, MD": the name as bylines show it (the demo's page titles)."""
    name = f"{clinician.honorific_prefix} {clinician.given_name} {clinician.family_name}".strip()
    return f"{name}, {clinician.post_nominals}" if clinician.post_nominals else name


class ClinicianPageFactory(PageFactory):
    """Dr. Edward Rubin, MD, unless told otherwise; under the clinicians' section."""

    class Meta:
        model = ClinicianPage

    parent = factory.LazyFunction(ClinicianIndexPageFactory.existing)
    given_name = "Edward"
    family_name = "Rubin"
    honorific_prefix = "Dr."
    post_nominals = "MD"
    job_title = "Pain medicine physician"
    short_bio = factory.LazyAttribute(lambda c: f"{c.given_name} {c.family_name} treats pain.")
    title = factory.LazyAttribute(lambda clinician: byline_name(clinician))
    slug = factory.LazyAttributeSequence(lambda c, n: f"{c.given_name}-{c.family_name}-{n}".lower())


def plain_body(sentence="Plain words about pain. ", times=40):
    return [
        ("heading", {"text": "What it is", "level": "h2"}),
        ("paragraph", RichText("<p>" + sentence * times + "</p>")),
    ]


class ArticlePageFactory(PageFactory):
    """An article in the education section, a day newer than the one made before it.

    `authors` (clinician pages, in byline order) and `topics` are set before the first save,
    as the editor's form does."""

    class Meta:
        model = ArticlePage

    parent = factory.LazyFunction(ArticleIndexPageFactory.existing)
    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = factory.LazyAttribute(lambda a: f"What patients should know about {a.title.lower()}.")
    display_date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(n))
    body = factory.LazyFunction(plain_body)
    authors = ()
    topics = ()
    _set_before_save = ("authors", "topics")

    @classmethod
    def before_save(cls, page, authors, topics):
        for order, clinician in enumerate(authors):
            page.article_authors.add(ArticleAuthor(clinician=clinician, sort_order=order))
        page.topics = list(topics)
