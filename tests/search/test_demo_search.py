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


def test_the_demo_is_indexed_as_it_was_left(demo_site):
    """The build indexes each object once, at its end (home/demo/indexing.py): the search and
    reference indexes hold what indexing every object afresh gives. Indexed on every save, the
    Spanish articles kept the English topics they were copied with and later lost."""
    from modelsearch import index
    from wagtail.models import Page, ReferenceIndex
    from wagtail.search.models import IndexEntry

    def indexes():
        entries = IndexEntry.objects.values_list("content_type", "object_id", "title", "body")
        references = ReferenceIndex.objects.values_list(
            "content_type", "object_id", "to_content_type", "to_object_id", "content_path"
        )
        return set(entries), set(references)

    built = indexes()
    assert built[0] and built[1]
    # Each object as itself: a page as its own type, as its signals would have it (the root
    # page, which migrations make, is never indexed).
    objects = list(Page.objects.specific().filter(depth__gt=1))
    for model in {*index.get_indexed_models(), *ReferenceIndex.indexed_models}:
        if not issubclass(model, Page):
            objects += model.objects.all()
    for instance in objects:
        if type(instance) in index.get_indexed_models():
            index.insert_or_update_object(instance)
        if ReferenceIndex.is_indexed(type(instance)):
            ReferenceIndex.create_or_update_for_object(instance)
    assert indexes() == built
