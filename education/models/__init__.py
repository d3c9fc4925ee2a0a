"""Patient education: topics, clinicians, articles, conditions and treatments, and the
sections that list them."""

from .topics import Topic  # noqa: I001 (defined before the models that refer to it)
from .languages import Language
from .clinicians import ClinicianPage
from .directory import ClinicianIndexPage
from .articles import ArticlePage
from .article_index import ArticleIndexPage
from .treatments import TreatmentIndexPage, TreatmentPage
from .conditions import ConditionIndexPage, ConditionPage
from .review_task import MedicalReviewTask
from .links import (
    ArticleAuthor,
    ConditionArticle,
    ConditionClinician,
    ConditionTreatment,
    TreatmentArticle,
    TreatmentClinician,
)

__all__ = [
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ClinicianIndexPage",
    "ClinicianPage",
    "ConditionArticle",
    "ConditionClinician",
    "ConditionIndexPage",
    "ConditionPage",
    "ConditionTreatment",
    "Language",
    "MedicalReviewTask",
    "Topic",
    "TreatmentArticle",
    "TreatmentClinician",
    "TreatmentIndexPage",
    "TreatmentPage",
]
