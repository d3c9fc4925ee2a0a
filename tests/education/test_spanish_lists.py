"""Lists never mix languages (issue 27): the directory offers the visitor's language's
conditions, a Spanish condition finds the clinicians linked to its English source, a profile
lists its own language's articles, and a clinician's Spanish title is the one staff chose."""

import pytest
from django.utils import translation

from tests.factories import ArticlePageFactory, ClinicianPageFactory, ConditionPageFactory
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


def condition_options(client, url):
    return [option.text for option in soup_of(client.get(url)).select("#id_condition option")]


def names_listed(client, url):
    return [a.text.strip() for a in soup_of(client.get(url)).select(".card__title a")]


def test_each_directory_offers_the_conditions_of_its_own_language(client, home_page):
    translate(home_page, title="Inicio")
    rubin = ClinicianPageFactory()
    sciatica = ConditionPageFactory(title="Sciatica", clinicians=[rubin])
    ConditionPageFactory(title="Neck pain", clinicians=[rubin])
    translate(sciatica, title="Ciática", slug="ciatica")
    rubin_es = translate(rubin)

    english = condition_options(client, rubin.get_parent().url)
    spanish = condition_options(client, rubin_es.get_parent().url)

    assert "Sciatica" in english and "Neck pain" in english and "Ciática" not in english
    assert "Ciática" in spanish and "Sciatica" not in spanish and "Neck pain" not in spanish


def test_a_spanish_condition_finds_the_clinicians_linked_to_its_english_source(client, home_page):
    translate(home_page, title="Inicio")
    rubin = ClinicianPageFactory()
    chen = ClinicianPageFactory(given_name="Mei", family_name="Chen")
    sciatica = ConditionPageFactory(title="Sciatica", clinicians=[rubin])
    translate(sciatica, title="Ciática", slug="ciatica")
    directory_es = translate(rubin).get_parent()
    translate(chen)

    names = names_listed(client, directory_es.url + "?condition=ciatica")

    assert len(names) == 1 and "Rubin" in names[0]


def test_a_profile_lists_only_the_articles_of_its_own_language(client, home_page):
    translate(home_page, title="Inicio")
    rubin = ClinicianPageFactory()
    article = ArticlePageFactory(title="Opioid-induced hyperalgesia", authors=[rubin])
    # The Spanish article's byline still names the English profile (no Spanish one yet).
    article_es = translate(article, title="Hiperalgesia inducida por opioides")
    rubin_es = translate(rubin)

    english = [a.text for a in soup_of(client.get(rubin.url)).select("main .card__title a")]
    spanish = [a.text for a in soup_of(client.get(rubin_es.url)).select("main .card__title a")]

    assert english == [article.title]
    assert spanish == [article_es.title]


def test_the_spanish_title_is_the_one_staff_chose(home_page):
    okafor = ClinicianPageFactory(
        given_name="Maya", family_name="Okafor", post_nominals="DPT", honorific_prefix_es="Dra."
    )
    with translation.override("es"):
        assert okafor.display_name == "Dra. Maya Okafor, DPT"
    with translation.override("en-us"):
        assert okafor.display_name == "Dr. Maya Okafor, DPT"
    rubin = ClinicianPageFactory()  # no Spanish title chosen yet: the English one stays
    with translation.override("es"):
        assert rubin.name_with_prefix == "Dr. Edward Rubin"
