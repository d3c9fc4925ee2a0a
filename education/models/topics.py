"""Topics, in each language patients read: the Spanish "Dolor de espalda" is a translation of
"Back pain" (same translation key, another locale).

An article's topics may be in any language: a translation copied from English starts with the
English ones. Public pages show each topic in the page's language where it has been
translated (`TopicQuerySet.in_locale`, `topics_in_locale`) and filter by translation key, so
"Dolor de espalda" lists the Spanish articles filed under either.
"""

from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class TopicQuerySet(models.QuerySet):
    def in_locale(self, locale):
        """These topics as a reader of `locale` sees them: each one's translation into
        `locale`, or the topic itself where it has none. One query (with subqueries),
        whatever the number of topics; still a queryset, so it runs when it is read."""
        keys = self.values("translation_key")
        translated = self.model.objects.filter(locale=locale, translation_key__in=keys)
        untranslated = self.exclude(translation_key__in=translated.values("translation_key"))
        return self.model.objects.filter(
            Q(pk__in=translated.values("pk")) | Q(pk__in=untranslated.values("pk"))
        )

    def named_in(self, locale):
        """Each topic with `shown_name`: its translation's name in `locale`, or its own. A
        subquery of the same query, for a Prefetch (a feed lists its articles' topics
        without a query per topic)."""
        translation = self.model.objects.filter(
            translation_key=OuterRef("translation_key"), locale=locale
        )
        return self.annotate(
            shown_name=Coalesce(Subquery(translation.values("name")[:1]), F("name"))
        )


class Topic(TranslatableMixin, models.Model):
    """What articles are about ("Back pain"): patients browse and filter articles by topic."""

    name = models.CharField(max_length=80, help_text="e.g. 'Back pain'.")
    slug = models.SlugField(
        max_length=80,
        help_text="Used in web addresses (/education/?topic=back-pain): lowercase, hyphens.",
    )
    description = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences shown above the filtered list."
    )

    objects = TopicQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        # Unique within a language: a topic may keep its name in a translation.
        constraints = [
            models.UniqueConstraint(
                fields=["name", "locale"],
                name="unique_topic_name_per_locale",
                violation_error_message="Another topic in this language has this name.",
            ),
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="unique_topic_slug_per_locale",
                violation_error_message="Another topic in this language has this slug.",
            ),
        ]

    def __str__(self):
        return self.name


def topics_in_locale(topics, locale_id):
    """`topics` (a list, in order) as a reader of the locale sees them: each one's
    translation, or the topic itself where it has none; a topic ticked in two languages
    shown once. No query when every topic is already in that locale, one otherwise."""
    keys = {topic.translation_key for topic in topics if topic.locale_id != locale_id}
    translations = {}
    if keys:
        translations = {
            topic.translation_key: topic
            for topic in Topic.objects.filter(locale_id=locale_id, translation_key__in=keys)
        }
    shown = {}
    for topic in topics:
        shown.setdefault(topic.translation_key, translations.get(topic.translation_key, topic))
    return list(shown.values())
