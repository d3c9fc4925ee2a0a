"""RSS 2.0 feed of the newest patient education articles, one per language: /education/feed/
lists the English articles, /es/educacion/feed/ the Spanish ones, with the feed's own words and
its <language> in that language (Django writes the active language there)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from practice.models import PracticeSettings
from practice.site_url import absolute

from .models import ArticleAuthor, ArticleIndexPage, ArticlePage, Topic

FEED_SIZE = 20


class ArticleFeed(Feed):
    """Every link is absolute on SITE_URL already: Django would otherwise add the request's
    host (the syndication framework leaves a URL with a scheme alone)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # The address's language (i18n_patterns activated it): its articles, its index page.
        self.locale = Locale.get_active()
        return PracticeSettings.for_request(request)

    def title(self, practice):
        return _("%(practice)s: patient education") % {"practice": practice.name}

    def link(self, practice):
        index = ArticleIndexPage.objects.live_public().filter(locale=self.locale).first()
        return absolute(index.url if index else "/")

    def feed_url(self, practice):
        return absolute(self.request.path)

    def description(self, practice):
        return _("New articles for patients from the clinicians of %(practice)s.") % {
            "practice": practice.name
        }

    def items(self, practice):
        authors = ArticleAuthor.objects.select_related("clinician").order_by("sort_order")
        return (
            ArticlePage.objects.live_public()
            .filter(locale=self.locale)
            .defer_streamfields()
            .prefetch_related(
                Prefetch("article_authors", queryset=authors),
                Prefetch("topics", queryset=Topic.objects.named_in(self.locale)),
            )
            .newest_first()[:FEED_SIZE]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return absolute(article.url)

    def item_pubdate(self, article):
        return timezone.make_aware(datetime.combine(article.display_date, time(9)))

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        names = [link.clinician.display_name for link in article.article_authors.all()]
        return ", ".join(names) or None

    def item_categories(self, article):
        """The topics in the feed's language (the English name where there is no translation),
        each once."""
        return list(dict.fromkeys(topic.shown_name for topic in article.topics.all()))
