"""Medical review and search for the demo practice: the review workflow on the article index,
the roles' permissions on both indexes, reading grades, and one search promotion.

New indexes get their workflow and permissions when they are created; this step also covers a
database whose demo content was loaded before medical review existed. The search promotions'
words are in content/search-promotions.yaml.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from education.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianIndexPage,
    ConditionIndexPage,
    TreatmentIndexPage,
)
from education.review import set_up_article_index, set_up_clinician_index

from .loader import load
from .tree import english_pages


def build(log):
    reviewed_sections = (ArticleIndexPage, ConditionIndexPage, TreatmentIndexPage)
    for index in (page for model in reviewed_sections for page in model.objects.all()):
        set_up_article_index(index)
    for index in ClinicianIndexPage.objects.all():
        set_up_clinician_index(index)
    # A score for every article: a grade for an English one, a reading ease for a Spanish one.
    unscored = ArticlePage.objects.filter(reading_grade__isnull=True, reading_ease__isnull=True)
    for article in unscored:
        article.save(update_fields=["reading_grade", "reading_ease"])
        log(f"Worked out the reading grade of {article.title!r}.")
    for spec in load("search-promotions"):
        page = english_pages(ArticlePage).live().filter(slug=spec["article"]).first()
        if page is None:
            continue
        _, created = SearchPromotion.objects.get_or_create(
            query=Query.get(spec["query"]),
            page=page,
            defaults={"description": spec["description"], "sort_order": 0},
        )
        if created:
            log(f"Promoted {page.title!r} for searches for {spec['query']!r}.")
