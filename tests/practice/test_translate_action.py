"""Staff translate a page with the admin's Translate action (simple_translation): the copy is
a draft in the Spanish tree, linked to its source, so it goes live only through publishing
(and medical review where its section has the workflow)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale

from tests.helpers import translate

pytestmark = pytest.mark.django_db


def test_editors_may_translate_pages(editor):
    assert editor.has_perm("simple_translation.submit_translation")
    assert Permission.objects.filter(codename="submit_translation", group__name="Editors").exists()


def test_the_translate_action_makes_a_draft_in_the_spanish_tree(client, superuser, about_page):
    translate(about_page.get_parent(), title="Inicio")
    spanish = Locale.objects.get(language_code="es")
    client.force_login(superuser)
    url = reverse("simple_translation:submit_page_translation", args=[about_page.pk])
    response = client.post(url, {"locales": [spanish.pk]})
    assert response.status_code == 302
    copy = about_page.get_translation(spanish)
    assert not copy.live
    assert copy.get_parent().locale == spanish
    assert client.get("/es/" + about_page.slug + "/").status_code == 404


def test_a_clinician_with_an_npi_can_be_translated(client, superuser, rubin):
    """The NPI is unique per language: the Spanish profile is the same clinician."""
    from education.models import ClinicianPage

    rubin.npi = "1234567893"
    rubin.save_revision().publish()
    translate(rubin.get_parent().get_parent(), title="Inicio")
    translate(rubin.get_parent(), title="Nuestro equipo")
    spanish = Locale.objects.get(language_code="es")
    client.force_login(superuser)
    url = reverse("simple_translation:submit_page_translation", args=[rubin.pk])
    assert client.post(url, {"locales": [spanish.pk]}).status_code == 302
    copy = ClinicianPage.objects.get(translation_key=rubin.translation_key, locale=spanish)
    assert copy.npi == "1234567893"
