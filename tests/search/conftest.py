import pytest

from home.search.models import Synonym
from tests.factories import ArticlePageFactory, plain_body


@pytest.fixture
def pain_library(article_index, rubin):
    """Pages about the conditions patients misspell and describe in their own words."""
    pages = {}
    for slug, title, summary, text in [
        (
            "sciatica",
            "Sciatica",
            "Pain that runs from the lower back down one leg.",
            "An irritated nerve root in the lower spine sends pain down the leg.",
        ),
        (
            "herniated-disc",
            "Herniated disc",
            "When the soft center of a spinal disc pushes out.",
            "Most herniated discs settle within weeks with movement and time.",
        ),
        (
            "fibromyalgia",
            "Fibromyalgia",
            "Widespread pain with tiredness and poor sleep.",
            "Regular gentle exercise is the best studied treatment.",
        ),
        (
            "hyperalgesia",
            "Opioid-induced hyperalgesia",
            "When long-term pain medicine makes pain worse.",
            "Hyperalgesia means the body has become more sensitive to pain.",
        ),
        (
            "knee",
            "Knee osteoarthritis",
            "Keeping a worn knee strong and moving.",
            "Strong thigh muscles take load off the knee joint.",
        ),
    ]:
        pages[slug] = ArticlePageFactory(
            parent=article_index,
            slug=slug,
            title=title,
            summary=summary,
            authors=[rubin],
            body=plain_body(text, times=1),
        )
    return pages


@pytest.fixture
def synonyms(db):
    return [
        Synonym.objects.create(lay_term="Pinched nerve", clinical_terms="radiculopathy, sciatica"),
        Synonym.objects.create(lay_term="slipped disc", clinical_terms="herniated disc"),
        Synonym.objects.create(lay_term="pain pills", clinical_terms="opioids, analgesics"),
    ]
