"""Patient education: topics, clinicians, articles and the article index."""

from .topics import Topic  # noqa: I001 (defined before the models that refer to it)
from .clinicians import ClinicianIndexPage, ClinicianPage
from .articles import ArticleAuthor, ArticlePage
from .article_index import ArticleIndexPage

__all__ = [
    "ArticleAuthor",
    "ArticleIndexPage",
    "ArticlePage",
    "ClinicianIndexPage",
    "ClinicianPage",
    "Topic",
]
