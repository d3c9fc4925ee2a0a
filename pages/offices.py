"""The practice's offices as every page shows them, read once per content version and language.

The footer shows the primary office's address and hours, the home page lists every office, and
every page's JSON-LD describes them all (pages/structured_data.py). All three are the same live,
public Location pages, in tree order, each in the active language where it is translated, with
their hours and closures: three queries (five in Spanish), kept under the content version
(practice/cache.py: saving a page replaces it) and the language, so a cold page reads them
once for all three, and not at all once another page has.
"""

from django.core.cache import cache
from django.utils import translation

from practice.cache import SETTING_SECONDS, content_version
from practice.localized import in_active_language, in_default_language

from .models import LocationPage


def offices():
    """[(office, the id of its English page)] in tree order."""
    key = f"pages:offices:{content_version()}:{translation.get_language()}"
    kept = cache.get(key)
    if kept is None:
        found = LocationPage.objects.live_public().prefetch_related("opening_hours", "closures")
        english = list(in_default_language(found).order_by("path"))
        kept = list(zip(in_active_language(english, found), [e.pk for e in english], strict=True))
        cache.set(key, kept, SETTING_SECONDS)
    return kept


def office_list():
    return [office for office, _english_id in offices()]


def office_for(english_id):
    """The office whose English page has this id, in the active language; None when it is not
    among the live, public offices."""
    return next((office for office, pk in offices() if pk == english_id), None)
