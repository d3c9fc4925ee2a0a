"""Patient education: topics, the section pages, clinicians, articles, conditions and
treatments."""

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
    ConditionArticle,
    ConditionClinician,
    ConditionIndexPage,
    ConditionPage,
    ConditionTreatment,
    Language,
    Topic,
    TreatmentArticle,
    TreatmentClinician,
    TreatmentIndexPage,
    TreatmentPage,
)

from .base import PageFactory, inline_rows
from .home import IndexPageFactory


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))


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
        page.article_authors = inline_rows(ArticleAuthor, authors, "clinician")
        page.topics = list(topics)


# --- Conditions, treatments and languages ---


class LanguageFactory(DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    name = "Spanish"
    code = "es"


class ConditionIndexPageFactory(IndexPageFactory):
    class Meta:
        model = ConditionIndexPage

    title = "Conditions we treat"
    slug = "conditions"
    intro = "What we treat."


class TreatmentIndexPageFactory(IndexPageFactory):
    class Meta:
        model = TreatmentIndexPage

    title = "Treatments"
    slug = "treatments"
    intro = "How we treat it."


def section(text):
    return f"<p>{text}</p>"


class TreatmentPageFactory(PageFactory):
    """A treatment under the treatments section; `clinicians` and `articles` are its links.
    `epidural=True` makes it the epidural steroid injection the tests of conditions talk
    about."""

    class Meta:
        model = TreatmentPage

    parent = factory.LazyFunction(TreatmentIndexPageFactory.existing)
    title = factory.Sequence(lambda n: f"Treatment number {n}")
    slug = factory.Sequence(lambda n: f"treatment-{n}")
    summary = factory.LazyAttribute(lambda t: f"What to expect from {t.title.lower()}.")
    kind = TreatmentPage.Kind.PERCUTANEOUS
    what_it_is = section("A small injection of medicine near the sore nerve.")
    on_the_day = section("You lie on your front. It takes about 20 minutes.")
    clinicians = ()
    articles = ()
    _set_before_save = ("clinicians", "articles")

    class Params:
        epidural = factory.Trait(
            title="Epidural steroid injection",
            slug="epidural-steroid-injection",
            needs_driver=True,
            risks=section("A headache for a day or two."),
            when_to_call=section("Call us if you have a fever."),
        )

    @classmethod
    def before_save(cls, page, clinicians, articles):
        page.clinician_links = inline_rows(TreatmentClinician, clinicians, "clinician")
        page.article_links = inline_rows(TreatmentArticle, articles, "article")


class ConditionPageFactory(PageFactory):
    """A condition under the conditions section; `treatments`, `clinicians` and `articles`
    are its links, in the editor's order. `sciatica=True` makes it the sciatica page the
    tests of conditions talk about."""

    class Meta:
        model = ConditionPage

    parent = factory.LazyFunction(ConditionIndexPageFactory.existing)
    title = factory.Sequence(lambda n: f"Condition number {n}")
    slug = factory.Sequence(lambda n: f"condition-{n}")
    summary = factory.LazyAttribute(lambda c: f"What to know about {c.title.lower()}.")
    overview = section("A common cause of pain that often gets better with time.")
    symptom_list = "Aching pain\nStiffness in the morning"
    treatments = ()
    clinicians = ()
    articles = ()
    _set_before_save = ("treatments", "clinicians", "articles")

    class Params:
        sciatica = factory.Trait(
            title="Sciatica",
            slug="sciatica",
            alternate_names="Lumbar radiculopathy",
            causes=section("A disc pressing on a nerve root."),
            urgent_help=section("Call 911 if you cannot control your bladder."),
        )

    @classmethod
    def before_save(cls, page, treatments, clinicians, articles):
        page.treatment_links = inline_rows(ConditionTreatment, treatments, "treatment")
        page.clinician_links = inline_rows(ConditionClinician, clinicians, "clinician")
        page.article_links = inline_rows(ConditionArticle, articles, "article")
