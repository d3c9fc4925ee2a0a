"""A page of the demo reads in one language (issue 27): a Spanish page shows no English word a
patient would meet, unless it is marked with its own `lang` or is a proper name, and an English
page no Spanish one. The lists are short on purpose: the words any sentence, menu or button of
the other language cannot do without, so a stray sentence, link or label is caught."""

import re

import pytest

from tests.helpers import soup_of, visible_text

pytestmark = pytest.mark.django_db

# English function words, and the site's own interface words (menu, footer, filters, cards).
# None of them is also a Spanish word.
ENGLISH = """the and of for with your you our this that these is are was were be been by from at
or not we they their them it its an if can will what which who how when about than to into
after before in on all any some only also would should do does don't here there search menu
skip request consultation office offices articles article clinicians clinician treatments
treatment conditions condition home read reviewed written contact phone email e-mail
directions locations location hours notice notices privacy page next previous minutes minute
closed monday tuesday wednesday thursday friday saturday sunday specialist care chronic pain
education language assistance accessibility statement patients patient new call share print
help speaks"""
# Spanish function words and interface words, none of them also an English word.
SPANISH = """el la los las del para por con una uno que usted su sus está y nuestro nuestra
nuestros nuestras sobre más pero cómo qué este esta estos también puede le lo se sin buscar
inicio menú consulta tratamientos tratamiento afecciones afección artículos artículo equipo
página llámenos horario dolor pacientes paciente cita lunes martes miércoles jueves viernes
sábado domingo habla idiomas"""
# Proper names that hold a word of the other language: said as they are in both.
PROPER_NAMES = (
    "Rubin Pain Management",
    "TRICARE For Life",
    "No Surprises Act",
)
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


# Email and web addresses are not words of either language.
ADDRESS = re.compile(r"\S+@\S+|\S+\.(?:example|gov|org|com)\S*")


def foreign_words(response, language):
    text = ADDRESS.sub(" ", visible_text(response, language))
    for name in PROPER_NAMES:
        text = text.replace(name, " ")
    others = set((ENGLISH if language == "es" else SPANISH).split())
    return sorted({word for word in WORD.findall(text.lower()) if word in others})


def demo_urls(client):
    """Every page of the sitemap, and a search in each language."""
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = re.findall(r"<loc>https?://[^/<]+(/[^<]*)</loc>", sitemap)
    return [*paths, "/search/?q=pain", "/es/search/?q=dolor"]


# Files, not pages: the same in both languages.
FILES = ("/documents/", "/media/", "/static/")


def links_to_the_other_language(response, language):
    """Links to pages of the other language, except those that say so (the language
    switcher, an English page kept in a Spanish list: `hreflang`)."""
    hrefs = [a["href"] for a in soup_of(response).select("a[href^='/']:not([hreflang])")]
    pages = [href for href in hrefs if not href.startswith(FILES)]
    return sorted({href for href in pages if href.startswith("/es/") != (language == "es")})


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_demo_page_reads_and_links_in_its_own_language(client, demo_site, language):
    urls = [url for url in demo_urls(client) if url.startswith("/es/") == (language == "es")]
    assert len(urls) >= 28
    words, links = {}, {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert soup_of(response).html["lang"].lower().startswith(language), url
        if found := foreign_words(response, language):
            words[url] = found
        if found := links_to_the_other_language(response, language):
            links[url] = found
    assert words == {}
    assert links == {}


def test_the_spanish_menu_and_footer_reach_every_place_the_english_ones_do(client, demo_site):
    english, spanish = soup_of(client.get("/about/")), soup_of(client.get("/es/sobre-nosotros/"))
    for selector in (".main-nav--wide a", "footer a[href^='/']"):
        english_links = [a["href"] for a in english.select(selector)]
        spanish_links = [a["href"] for a in spanish.select(selector)]
        assert len(spanish_links) == len(english_links), selector
        assert all(href.startswith("/es/") for href in spanish_links), spanish_links


def test_the_spanish_directory_lists_every_clinician_with_breadcrumbs(client, demo_site):
    english = soup_of(client.get("/clinicians/"))
    spanish = soup_of(client.get("/es/equipo/"))
    assert len(spanish.select("main .card__title a")) == len(english.select("main .card__title a"))
    crumbs = soup_of(client.get("/es/equipo/edward-rubin/")).select(".breadcrumbs a")
    assert [a["href"] for a in crumbs] == ["/es/", "/es/equipo/", "/es/equipo/edward-rubin/"]


def test_the_check_finds_a_stray_english_sentence(client, demo_site):
    """The check itself: an English tagline left on Spanish pages unmarked is found."""
    from practice.models import PracticeSettings

    practice = PracticeSettings.objects.get()
    practice.tagline_es = "Specialist care for chronic pain"
    practice.save()
    assert "care" in foreign_words(client.get("/es/"), "es")
