"""The author and medical reviewer choosers open at the clinicians index of the edited page's
language, not at the root of the tree (where Wagtail opens a chooser for a page type once
that type has pages in two languages), and offer only clinicians."""

import json

import pytest
from django.urls import reverse

from tests.factories import ArticlePageFactory, ClinicianPageFactory
from tests.helpers import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinicians_in_two_languages(rubin):
    """An English and a Spanish clinician: their common ancestor is the root of the tree."""
    rubin_es = translate(rubin, title="Dra. Rubin")
    return rubin, rubin_es


def editor_form(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.context["form"], response.content.decode()


def chooser_urls(form):
    authors = form.formsets["article_authors"]
    return {
        "medical reviewer": form.fields["medical_reviewer"].widget.get_chooser_modal_url(),
        "author": authors.forms[0].fields["clinician"].widget.get_chooser_modal_url(),
        # The form "Add author" copies.
        "new author": authors.empty_form.fields["clinician"].widget.get_chooser_modal_url(),
    }


def test_an_english_article_opens_its_choosers_at_the_english_clinicians(
    client, superuser, article_index, clinician_index, clinicians_in_two_languages
):
    rubin, _ = clinicians_in_two_languages
    article = ArticlePageFactory(parent=article_index, authors=[rubin], publish=False)
    form, html = editor_form(client, superuser, article)
    start = reverse("education_choose_clinician", args=[clinician_index.pk])
    assert chooser_urls(form) == {
        "medical reviewer": start,
        "author": start,
        "new author": start,
    }
    assert json.dumps(start)[1:-1] in html  # what the widgets' scripts are given


def test_a_spanish_article_opens_its_choosers_at_the_spanish_clinicians(
    client, superuser, article_index, clinician_index, clinicians_in_two_languages
):
    rubin, rubin_es = clinicians_in_two_languages
    article = ArticlePageFactory(parent=article_index, authors=[rubin], publish=False)
    article_es = translate(article, title="Dormir y el dolor", publish=False)
    spanish_index = rubin_es.get_parent()
    assert spanish_index.pk != clinician_index.pk
    form, _ = editor_form(client, superuser, article_es)
    start = reverse("education_choose_clinician", args=[spanish_index.pk])
    assert set(chooser_urls(form).values()) == {start}


def test_the_chooser_opens_at_the_index_and_offers_only_clinicians(
    client, superuser, clinician_index, clinicians_in_two_languages
):
    rubin, _ = clinicians_in_two_languages
    ClinicianPageFactory(parent=clinician_index, title="Dr. Okafor")
    client.force_login(superuser)
    # What Wagtail alone does: the root of the tree, once clinicians exist in two languages.
    response = client.get(
        reverse("wagtailadmin_choose_page"), {"page_type": "education.clinicianpage"}
    )
    assert json.loads(response.content)["parent_page_id"] == 1

    start = reverse("education_choose_clinician", args=[clinician_index.pk])
    response = client.get(start, {"page_type": "education.clinicianpage"}, follow=True)
    assert response.redirect_chain[0][0] == (
        reverse("wagtailadmin_choose_page_child", args=[clinician_index.pk])
        + "?page_type=education.clinicianpage"
    )
    data = json.loads(response.content)
    assert data["parent_page_id"] == clinician_index.pk
    assert rubin.title in data["html"] and "Dr. Okafor" in data["html"]


def test_the_chooser_reopens_where_the_editor_last_was(client, superuser, clinician_index, rubin):
    # The widget appends the parent of the page last chosen to the address it opens.
    client.force_login(superuser)
    url = reverse("education_choose_clinician_child", args=[clinician_index.pk, 1])
    response = client.get(url, {"page_type": "education.clinicianpage"})
    assert response.url == (
        reverse("wagtailadmin_choose_page_child", args=[1]) + "?page_type=education.clinicianpage"
    )
    assert url == reverse("education_choose_clinician", args=[clinician_index.pk]) + "1/"
