"""How public pages list articles: live, public, newest first, cheap to show as cards."""

from practice.pages import SitePageQuerySet

# Newest first; the publication date is a day, so ties go to the first published.
ARTICLE_ORDER = ("-display_date", "-first_published_at", "-pk")


class ArticleQuerySet(SitePageQuerySet):
    def newest_first(self):
        return self.order_by(*ARTICLE_ORDER)

    def for_listing(self):
        """Ready for cards: no StreamField loaded, and the hero images with their renditions
        in two more queries whatever the number of articles."""
        return (
            self.defer_streamfields()
            .select_related("hero_image")
            .prefetch_related("hero_image__renditions")
            .newest_first()
        )

    def written_by(self, clinician):
        return self.filter(article_authors__clinician=clinician)

    def reviewed_by(self, clinician):
        return self.filter(medical_reviewer=clinician)

    def with_topic(self, topic):
        return self.filter(topics=topic)

    def sharing_a_topic_with(self, article, topic_ids):
        """Articles that share one of `topic_ids` with `article`, never `article` itself."""
        shared = self.model.topics.through.objects.filter(topic_id__in=topic_ids)
        return self.filter(pk__in=shared.values("articlepage_id")).exclude(pk=article.pk)

    def topics(self):
        """The topics these articles are filed under, each once, by name."""
        topic_model = self.model._meta.get_field("topics").related_model
        return topic_model.objects.filter(articles__in=self.values("pk")).distinct()
