"""Patient education: the clinicians, the languages they speak, topics and articles of the
demo practice.

The words are in content/education.yaml, content/topics.yaml, content/clinicians.yaml,
content/languages.yaml and one file per article in content/articles/.
"""

import datetime

from django.utils import timezone

from education.models import (
    ArticleAuthor,
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    ClinicianPage,
    Language,
    Topic,
)
from home.models import FeaturedArticle

from . import illustrations
from .images import illustration, pain_scale_image
from .loader import CONTENT, html, load, stream
from .tree import add_published, english_home, existing_child, section_index

# The pictures that articles' image blocks name, made when an article that shows one is built.
IMAGES = {"pain-scale": pain_scale_image}


def build(log):
    home = english_home()
    if home is None:
        return
    content = load("education")
    topics = _topics()
    languages = _languages()
    article_index = section_index(home, ArticleIndexPage, content["article_index"], log)
    clinician_index = section_index(home, ClinicianIndexPage, content["clinician_index"], log)
    authors = {
        spec["slug"]: _author(clinician_index, number, spec, content, languages, log)
        for number, spec in enumerate(load("clinicians"))
    }
    articles = [
        _article(article_index, number, slug, content, authors, topics, log)
        for number, slug in enumerate(_article_slugs(content))
    ]
    _feature(home, [a for a in articles if a.slug in content["featured"]])


def _article_slugs(content):
    """The articles in education.yaml's order, checked against the files in articles/."""
    slugs = content["articles"]
    files = {path.stem for path in (CONTENT / "articles").glob("*.yaml")}
    if set(slugs) != files:
        raise ValueError(
            "content/education.yaml must list every file in content/articles/ once: "
            f"not listed {sorted(files - set(slugs))}, missing {sorted(set(slugs) - files)}."
        )
    return slugs


def _topics():
    topics = {}
    for spec in load("topics"):
        topics[spec["slug"]], _ = Topic.objects.get_or_create(
            slug=spec["slug"], defaults={"name": spec["name"], "description": spec["description"]}
        )
    return topics


def _languages():
    return {
        spec["code"]: Language.objects.get_or_create(code=spec["code"], defaults=spec)[0]
        for spec in load("languages")
    }


def _author(index, number, spec, content, languages, log):
    existing = existing_child(index, ClinicianPage, spec["slug"])
    if existing:
        return existing
    fields = {k: v for k, v in spec.items() if k not in ("slug", "full_bio", "languages")}
    name = f"{spec['honorific_prefix']} {spec['given_name']} {spec['family_name']}"
    photo = illustration(
        content["portrait_title"].format(name=name),
        f"portrait-{spec['slug']}.png",
        lambda: illustrations.portrait(spec["slug"], number),
    )
    author = ClinicianPage(
        title=f"{name}, {spec['post_nominals']}",
        slug=spec["slug"],
        photo=photo,
        photo_alt=content["portrait_alt"].format(name=name),
        full_bio=html(spec["full_bio"]),
        **fields,
    )
    author.languages = [languages[code] for code in spec["languages"]]
    return add_published(index, author, log, "clinician")


def _article(index, number, slug, content, authors, topics, log):
    existing = existing_child(index, ArticlePage, slug)
    if existing:
        return existing
    spec = load(f"articles/{slug}")
    hero = illustration(
        content["illustration_title"].format(title=spec["title"]),
        f"article-{slug}.png",
        lambda: illustrations.article_hero(spec["icon"], number),
    )
    article = ArticlePage(
        title=spec["title"],
        slug=slug,
        summary=spec["summary"],
        hero_image=hero,
        hero_image_decorative=True,
        body=stream(spec["body"], IMAGES),
        display_date=_days_ago(spec["published_days_ago"]),
        medical_reviewer=authors[spec["reviewer"]],
        last_reviewed=_days_ago(spec["reviewed_days_ago"]),
    )
    for order, author in enumerate(spec["authors"]):
        article.article_authors.add(ArticleAuthor(clinician=authors[author], sort_order=order))
    article.topics = [topics[topic] for topic in spec["topics"]]
    return add_published(index, article, log, "article")


def _days_ago(days):
    """A date relative to the day the demo loads, so its articles never age into "overdue"."""
    return timezone.localdate() - datetime.timedelta(days=days)


def _feature(home, articles):
    if home.featured_articles.exists():
        return
    for order, article in enumerate(articles[:3]):
        FeaturedArticle.objects.create(home_page=home, page=article, sort_order=order)
