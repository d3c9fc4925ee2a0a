import pytest

from home.search.models import Synonym
from tests.factories import ArticlePageFactory, ConditionPageFactory, plain_body
from tests.fixture_replay import replayed
from tests.helpers import translate


@pytest.fixture
def pain_library(article_index, rubin):
    """Condition pages and an article, about what patients misspell and describe in their own
    words."""
    return replayed("pain_library", lambda: _pain_library(article_index, rubin))


def _pain_library(article_index, rubin):
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


@pytest.fixture
def spanish_library(pain_library, home_page, rubin):
    """The pain library's Spanish translations (each keeps its English body, as a fresh
    translation does, so a search in one language could find the other's words), and a Spanish
    article about low back pain with no English version."""
    return replayed("spanish_library", lambda: _spanish_library(pain_library, home_page, rubin))


def _spanish_library(pain_library, home_page, rubin):
    home_es = translate(home_page, title="Inicio")
    pages = {"home": home_es}
    for slug, title, summary in [
        ("sciatica", "Ciática", "Dolor que baja desde la zona lumbar por una pierna."),
        ("herniated-disc", "Hernia de disco", "Cuando el centro blando de un disco se sale."),
        ("hyperalgesia", "Hiperalgesia inducida por opioides", "Cuando el analgésico duele."),
    ]:
        pages[slug] = translate(pain_library[slug], title=title, summary=summary)
    pages["back"] = ArticlePageFactory(
        parent=pages["hyperalgesia"].get_parent(),
        slug="dolor-de-espalda",
        title="Dolor de espalda baja: qué ayuda",
        summary="Movimiento suave y calor para los dolores lumbares.",
        authors=[rubin],
        body=plain_body("Caminar un poco cada día alivia la espalda. ", 1),
    )
    return pages
