"""A section's own picture in link previews (issue 29): a page without a picture of its own
shows its section's (the demo's treatments), a page with one keeps it, and a page in a section
without one shows the site-wide share image, in both languages; looking the section up costs
no query of its own."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from education.models import (
    ArticleIndexPage,
    ArticlePage,
    ClinicianPage,
    ConditionPage,
    TreatmentIndexPage,
    TreatmentPage,
)
from pages.models import LocationPage
from practice import sharing
from practice.models import ThemeSettings
from practice.pages import SOCIAL_IMAGE_SPEC
from tests.factories import ImageFactory, TreatmentIndexPageFactory, TreatmentPageFactory
from tests.helpers import queries_for, section_fixture, soup_of

pytestmark = pytest.mark.django_db

LANGUAGES = ["en-us", "es"]

treatment_index = section_fixture(TreatmentIndexPageFactory)


def preview(client, page):
    """(og:image, its alt, width, height) of `page` as served."""
    soup = soup_of(client.get(page.url))

    def meta(prop):
        tag = soup.find("meta", property=prop)
        return tag["content"] if tag else None

    return tuple(meta(f"og:image{part}") for part in ("", ":alt", ":width", ":height"))


def in_language(model, language):
    return model.objects.live().filter(locale=Locale.objects.get(language_code=language))


def shows(found, image, alt):
    """Whether `found` (from `preview`) is `image` cropped to Open Graph's shape, with its
    size, described by `alt`."""
    rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    size = (str(rendition.width), str(rendition.height))
    return found[0].endswith(rendition.url) and found[1:] == (alt, *size)


# --- The demo: the treatments have a picture, in both languages ---


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_treatment_shows_its_sections_picture(client, demo_site, language):
    section = in_language(TreatmentIndexPage, language).get()
    assert section.share_image is not None
    assert section.share_image_alt.startswith("Icons" if language == "en-us" else "Íconos")
    treatments = in_language(TreatmentPage, language)
    assert treatments.exists()
    for page in [section, *treatments]:
        found = preview(client, page)
        assert shows(found, section.share_image, section.share_image_alt), page.url
        assert found[2:] == ("1200", "630")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_with_a_picture_of_their_own_keep_it(client, demo_site, language):
    # The article section has a picture too: the article's own still comes first.
    articles = in_language(ArticleIndexPage, language).get()
    articles.share_image = in_language(TreatmentIndexPage, language).get().share_image
    articles.share_image_alt = "The section's picture"
    articles.save_revision().publish()
    article = in_language(ArticlePage, language).filter(hero_image__isnull=False).first()
    found = preview(client, article)
    # The demo's article pictures are decorative: the preview describes them by their title.
    assert shows(found, article.hero_image, article.hero_image.title)
    profile = in_language(ClinicianPage, language).first()
    assert shows(preview(client, profile), profile.photo, profile.photo_alt)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_in_a_section_without_a_picture_show_the_site_wide_one(client, demo_site, language):
    theme = ThemeSettings.for_site(demo_site)
    for model in (ConditionPage, LocationPage):
        page = in_language(model, language).first()
        assert shows(preview(client, page), theme.share_image, theme.share_image_alt), page.url


# --- What it costs ---


def cold_queries(client, page):
    client.get(page.url)  # renditions and the per-process caches (content types)
    cache.clear()
    return queries_for(client, page.url)


def test_the_section_costs_no_query_without_a_picture_and_one_with(
    client, treatment_index, monkeypatch
):
    treatment = TreatmentPageFactory(parent=treatment_index)
    with_lookup = cold_queries(client, treatment)
    with monkeypatch.context() as patched:
        # As if sections had no pictures: the breadcrumbs read the section themselves.
        patched.setattr(sharing, "section_of", lambda page: None)
        without_lookup = cold_queries(client, treatment)
    assert with_lookup == without_lookup

    picture = ImageFactory(width=1200, height=630)
    treatment_index.share_image, treatment_index.share_image_alt = picture, "Our treatments"
    treatment_index.save_revision().publish()
    # The picture comes with the section's own query: only its rendition is read.
    assert cold_queries(client, treatment) == with_lookup + 1
    found = preview(client, treatment)
    assert shows(found, picture, "Our treatments") and found[2:] == ("1200", "630")


def test_a_section_picture_needs_its_text_alternative(treatment_index):
    treatment_index.share_image = ImageFactory()
    with pytest.raises(ValidationError) as error:
        treatment_index.full_clean()
    assert "share_image_alt" in error.value.message_dict


def test_staff_find_the_section_picture_on_the_promote_tab(admin_client, treatment_index):
    response = admin_client.get(f"/admin/pages/{treatment_index.pk}/edit/")
    soup = soup_of(response)
    promote = soup.find(id="tab-promote")
    assert promote.find(attrs={"name": "share_image"}) is not None
    assert promote.find(attrs={"name": "share_image_alt"}) is not None
    assert "1200 x 630" in promote.get_text()
