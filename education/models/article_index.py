"""The article index: every live article, by topic, a page of cards at a time. A Spanish index
shows and filters by the Spanish topics (`?topic=dolor-de-espalda`), or the English one where a
topic has not been translated."""

from django.http import Http404

from practice.pages import IndexPage
from practice.pagination import paginate, requested_page

from ..publishing import SectionOfReviewedPages
from .articles import ArticlePage

ARTICLES_PER_PAGE = 10


class ArticleIndexPage(SectionOfReviewedPages, IndexPage):
    subpage_types = ["education.ArticlePage"]

    class Meta:
        verbose_name = "article index page"

    @property
    def articles(self):
        return ArticlePage.objects.child_of(self).live_public()

    def get_context(self, request, *args, **kwargs):
        # The list of topics and the page of articles run when the template reads them, inside
        # its cached fragments: a request for an unchanged list runs neither.
        context = super().get_context(request, *args, **kwargs)
        page_number = requested_page(request)
        topic_slug = request.GET.get("topic")
        articles = self.articles
        topics = articles.topics(self.locale_id)
        active_topic = None
        if topic_slug is not None:
            active_topic = topics.filter(slug=topic_slug).first()
            if active_topic is None:
                raise Http404("No such topic.")
            articles = articles.with_topic(active_topic)
        if topic_slug is not None or page_number > 1:
            context["canonical_url"] = self.get_full_url(request) + "?" + request.GET.urlencode()
        context.update(
            topics=topics,
            topic_slug=topic_slug,
            active_topic=active_topic,
            page_number=page_number,
            articles=paginate(articles.for_listing(), page_number, ARTICLES_PER_PAGE),
        )
        return context
