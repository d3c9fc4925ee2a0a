import pytest

from home.search.models import Synonym
from tests.factories import ArticlePageFactory, ConditionPageFactory, plain_body


@pytest.fixture
def pain_library(article_index, rubin):
    """Condition pages and an article, about what patients misspell and describe in their own
    words."""
    pages = {}
    for slug, title, summary in [
        ("sciatica", "Sciatica", "Pain that runs from the lower back down one leg."),
        ("herniated-disc", "Herniated disc", "When the soft center of a spinal disc pushes out."),
        ("fibromyalgia", "Fibromyalgia", "Widespread pain with tiredness and poor sleep."),
        ("knee", "Knee osteoarthritis", "Keeping a worn knee strong and moving."),
    ]:
        pages[slug] = ConditionPageFactory(slug=slug, title=title, summary=summary)
    pages["hyperalgesia"] = ArticlePageFactory(
        parent=article_index,
        slug="hyperalgesia",
        title="Opioid-induced hyperalgesia",
        summary="When long-term pain medicine makes pain worse.",
        authors=[rubin],
        body=plain_body("Hyperalgesia means the body has become more sensitive to pain.", 1),
    )
    return pages


@pytest.fixture
def synonyms(db):
    return [
        Synonym.objects.create(lay_term="Pinched nerve", clinical_terms="radiculopathy, sciatica"),
        Synonym.objects.create(lay_term="slipped disc", clinical_terms="herniated disc"),
        Synonym.objects.create(lay_term="pain pills", clinical_terms="opioids, analgesics"),
    ]
