"""How public pages list articles, conditions, treatments and clinicians: live, public, in
the order patients expect, cheap to show as cards."""

from practice.pages import SitePageQuerySet

# Newest first; the publication date is a day, so ties go to the first published.
ARTICLE_ORDER = ("-display_date", "-first_published_at", "-pk")


class LinkedPageQuerySet(SitePageQuerySet):
    """Pages that editors link to from conditions and treatments."""

    def in_order(self, ids):
        """These pages as a list in the order of `ids` (an editor's order of links); ids of
        pages not in this queryset (drafts, private) are skipped. One query."""
        by_pk = {page.pk: page for page in self.filter(pk__in=ids)}
        return [by_pk[pk] for pk in ids if pk in by_pk]

    def linked_to(self, role, page):
        """Pages whose links (`<role>_links`) name `page`: the far side of a link edited on
        the condition or treatment ("clinician", "article", "treatment")."""
        return self.filter(**{f"{role}_links__{role}": page})


class ArticleQuerySet(LinkedPageQuerySet):
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
        """Written by `clinician` in any of the profile's languages."""
        written = self.filter(article_authors__clinician__translation_key=clinician.translation_key)
        return self.filter(pk__in=written.values("pk"))

    def reviewed_by(self, clinician):
        return self.filter(medical_reviewer__translation_key=clinician.translation_key)

    def with_topic(self, topic):
        """Filed under `topic` in any language (a Spanish article may still carry the English
        topic it was translated with)."""
        return self.filed_under([topic.translation_key])

    def filed_under(self, topic_keys):
        """Articles filed under a topic whose translation key is one of `topic_keys`, in any
        of the topic's languages; each once."""
        shared = self.model.topics.through.objects.filter(topic__translation_key__in=topic_keys)
        return self.filter(pk__in=shared.values("articlepage_id"))

    def sharing_a_topic_with(self, article, topic_keys):
        """Articles in `article`'s language sharing a topic (by translation key) with it,
        never `article` itself."""
        return (
            self.filed_under(topic_keys).filter(locale_id=article.locale_id).exclude(pk=article.pk)
        )

    def topics(self, locale=None):
        """The topics these articles are filed under, each once, by name; with `locale`, each
        in that language where it has been translated (see Topic.objects.in_locale)."""
        topic_model = self.model._meta.get_field("topics").related_model
        topics = topic_model.objects.filter(articles__in=self.values("pk"))
        if locale is not None:
            topics = topics.in_locale(locale)
        return topics.distinct().order_by("name")


class MedicalPageQuerySet(LinkedPageQuerySet):
    """How public pages list conditions and treatments: alphabetically."""

    def alphabetical(self):
        return self.order_by("title", "pk")


class ConditionQuerySet(MedicalPageQuerySet):
    def for_listing(self):
        return self.alphabetical()


class TreatmentQuerySet(MedicalPageQuerySet):
    def for_listing(self):
        return self.alphabetical()


class ClinicianQuerySet(LinkedPageQuerySet):
    def by_name(self):
        return self.order_by("family_name", "given_name", "pk")

    def for_listing(self):
        """Ready for cards: photos with their renditions and languages, whatever the number
        of clinicians, in three more queries."""
        return (
            self.select_related("photo")
            .prefetch_related("photo__renditions", "languages")
            .by_name()
        )

    def treating(self, condition):
        return self.filter(condition_links__page=condition)

    def speaking(self, language):
        return self.filter(languages=language)

    def accepting_new_patients(self):
        return self.filter(accepting_new_patients=True)
