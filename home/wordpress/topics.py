"""WordPress categories and tags become topics. A category and a tag with the same name, or a
topic the site already has with that name or slug, become one topic."""

from django.utils.text import slugify

from education.models import Topic

from .destinations import wordpress_slug
from .mapping import Kind, remember, target
from .records import plain_text
from .report import Outcome, Skip

TAXONOMIES = {"category": "category", "post_tag": "tag"}
# Every WordPress site has it; posts filed under it simply have no topic here.
DEFAULT_CATEGORY = "uncategorized"


def import_term(term):
    if not term.taxonomy:
        raise Skip("it names no taxonomy (wp:term_taxonomy), so it is neither category nor tag")
    if term.taxonomy not in TAXONOMIES:
        raise Skip(f"terms of the {term.taxonomy} taxonomy are not imported")
    if term.taxonomy == "category" and term.slug == DEFAULT_CATEGORY:
        raise Skip("WordPress's default category; its posts get no topic")
    name = plain_text(term.name)[:80] or term.slug
    slug = wordpress_slug(term.slug, name)[:80] or slugify(name)[:80]
    if not slug:
        raise Skip("it has neither a name nor a slug")
    notes = []
    topic = target(Kind.TERM, term.key)
    action = "unchanged"
    if topic is None:
        topic = (
            Topic.objects.filter(slug=slug).first()
            or Topic.objects.filter(name__iexact=name).first()
        )
        if topic is not None and topic.name != name:
            notes.append(f"joined the existing topic {topic.name!r}")
    if topic is None:
        description = plain_text(term.description)[:500]
        topic = Topic.objects.create(name=name, slug=slug, description=description)
        action = "created"
    remember(Kind.TERM, term.key, topic)
    return Outcome(action, topic, notes)


def label(term):
    kind = TAXONOMIES.get(term.taxonomy, term.taxonomy) or "term"
    return f"{kind} {plain_text(term.name) or term.slug!r}"
