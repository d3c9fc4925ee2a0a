"""An image's renditions read together: one query where a page asks for the same picture twice."""

from django.db.models import prefetch_related_objects


def rendition_with_the_rest(image, spec):
    """`image`'s rendition for `spec`, read with every other rendition of it in one query, each
    kept in Wagtail's rendition cache. A page shared with its own hero as its picture (an
    article, the home page) then shows that hero without a query of its own, on this render
    and the next (Wagtail keeps renditions it finds among prefetched ones out of its cache)."""
    prefetch_related_objects([image], "renditions")
    renditions = list(image.renditions.all())
    if renditions:
        cache = image.get_rendition_model().cache_backend
        cache.set_many({rendition.get_cache_key(): rendition for rendition in renditions})
    return image.get_rendition(spec)
