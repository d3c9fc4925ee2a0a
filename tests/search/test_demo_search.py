"""The demo site's search, as a patient meets it: its synonyms and its spelling vocabulary."""

from bs4 import BeautifulSoup

from home import demo
from home.search.models import SpellingTerm, Synonym


def first_titles(client, query, count=3):
    html = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return [a.get_text(strip=True) for a in html.select(".search-result__title a")][:count]


def test_the_demo_ships_sensible_synonyms_and_a_vocabulary(client, demo_site):
    synonyms = list(Synonym.objects.all())
    assert Synonym.objects.filter(language="en-us").count() >= 30
    for synonym in synonyms:
        assert synonym.clinical_term_list and synonym.lay_term not in synonym.clinical_term_list
    words = set(SpellingTerm.objects.values_list("term", flat=True))
    assert {"sciatica", "fibromyalgia", "hyperalgesia", "radiculopathy"} <= words

    assert "Sciatica" in first_titles(client, "pinched nerve")
    assert "Herniated disc" in first_titles(client, "slipped disc")
    assert "Radiofrequency ablation" in first_titles(client, "nerve burning")
    assert first_titles(client, "fibromyalgya", 1) == ["Fibromyalgia"]

    demo.build(log=lambda message: None)  # a second build changes nothing
    assert Synonym.objects.count() == len(synonyms)


def test_the_spanish_demo_answers_in_spanish(client, demo_site):
    def spanish(query, count=3):
        response = client.get("/es/search/", {"q": query})
        assert response.status_code == 200
        html = BeautifulSoup(response.content, "html.parser")
        links = html.select(".search-result__title a")
        assert all(a["href"].startswith("/es/") for a in links)  # Spanish pages only
        return [a.get_text(strip=True) for a in links][:count]

    assert "Dolor crónico de espalda baja" in spanish("dolor de espalda")
    assert spanish("ciática", 1) == spanish("ciatica", 1) == ["Ciática"]
    assert spanish("lumbar")
    assert "Ciática" not in first_titles(client, "ciatica", 10)
    # The Spanish synonyms serve Spanish searches only.
    assert Synonym.objects.filter(language="es").count() >= 10
    assert "Ciática" in spanish("nervio pinzado")
    assert "Programa de fisioterapia" in spanish("terapia física")
    assert not first_titles(client, "nervio pinzado")
