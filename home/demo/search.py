"""Site search for the demo practice: the synonyms editors keep (content/search-synonyms.yaml)
and the spelling vocabulary, built once every page of the demo exists."""

from home.search.models import Synonym
from home.search.spelling import rebuild_vocabulary

from .loader import load

# Each language's synonyms serve its own searches (a Spanish lay term is no translation).
SYNONYMS = {"en-us": "search-synonyms", "es": "es/search-synonyms"}


def build(log):
    for language, name in SYNONYMS.items():
        for spec in load(name):
            _, created = Synonym.objects.get_or_create(
                language=language,
                lay_term=spec["lay"],
                defaults={"clinical_terms": ", ".join(spec["clinical"])},
            )
            if created:
                log(f"Search synonym: {spec['lay']!r} finds {', '.join(spec['clinical'])}.")
    count = rebuild_vocabulary()
    log(f"The spelling vocabulary has {count} words.")
