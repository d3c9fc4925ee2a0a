"""What happens when a page or topic of patient education is copied into another language
(`page.copy_for_translation(locale)`, or "Translate" in the admin).

- A medically reviewed page (article, condition, treatment) starts as a draft that nobody has
  reviewed in that language: its reviewer, review dates and "minor edit" are cleared, so it
  goes through "Medical review" like a new page and its approval records its own review. It
  remembers when it was checked against its English source (`source_checked_at`): now.
- An article's topics become their translations into the new language where those exist.

The new section pages of the translated tree get the "Medical review" workflow and the staff
permissions as any new section does (review.set_up_new_section), since Wagtail creates them
as ordinary pages; a translation made under a section that existed before is checked too.
"""

from django.utils import timezone

from .models.topics import topics_in_locale
from .models.translated import TranslatedPageMixin
from .review import REVIEWED_SECTION_TYPES, set_up_article_index

# Reset on a new translation: its medical review is its own.
REVIEW_FIELDS = {
    "medical_reviewer": None,
    "last_reviewed": None,
    "next_review_due": None,
    "minor_edit": False,
}


def start_translation(page, topics=None):
    """Set `page` (a new, unsaved-to-revision translation) up as described above."""
    for field, value in REVIEW_FIELDS.items():
        setattr(page, field, value)
    page.source_checked_at = timezone.now()
    if topics is not None:
        page.topics = topics


def translation_made(sender, source_obj, target_obj, **kwargs):
    """copy_for_translation_done receiver (connected in apps.py)."""
    page = getattr(target_obj, "specific", target_obj)
    if not isinstance(page, TranslatedPageMixin) or page.pk is None or page.alias_of_id:
        return  # a topic (saved by the caller), another page type, or an alias of the source
    topics = None
    if hasattr(page, "topics"):
        topics = topics_in_locale(list(page.topics.all()), page.locale_id)
    start_translation(page, topics)
    section = page.get_parent().specific
    if isinstance(section, REVIEWED_SECTION_TYPES):
        set_up_article_index(section)  # does nothing where the workflow is already attached
    page.save(clean=False)
    revision = page.latest_revision
    if revision is not None:
        # The editor opens the latest revision: it must say the same.
        revision.content = page.serializable_data()
        revision.save(update_fields=["content"])
