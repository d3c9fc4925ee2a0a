"""The settings patients read (tagline, emergency notice, medical disclaimer) in Spanish on
Spanish pages, English where staff left the Spanish empty; edited under a "Spanish" tab; and
every example of a time in the editors' help in the site's own US style."""

import re

import pytest
from django.apps import apps
from django.utils import translation

from practice.models import PracticeSettings
from tests.factories.home import change_practice_settings
from tests.helpers import soup_of, translate

pytestmark = pytest.mark.django_db


def test_spanish_pages_read_the_spanish_words_and_english_ones_the_english(site):
    practice = change_practice_settings(
        tagline="Specialist care for chronic pain",
        tagline_es="Atención especializada para el dolor crónico",
        emergency_notice_es="Si es una emergencia, llame al 911.",
    )
    with translation.override("es"):
        assert practice.translated.tagline == "Atención especializada para el dolor crónico"
        assert practice.translated.emergency_notice == "Si es una emergencia, llame al 911."
    with translation.override("en-us"):
        assert practice.translated.tagline == "Specialist care for chronic pain"
        assert practice.translated.emergency_notice == practice.emergency_notice


@pytest.mark.parametrize("empty", ["", "<p></p>", "<p> </p>"])
def test_an_empty_spanish_field_shows_the_english(site, empty):
    practice = change_practice_settings(
        disclaimer="<p>General education, not a diagnosis.</p>", disclaimer_es=empty
    )
    with translation.override("es"):
        assert practice.translated.disclaimer == "<p>General education, not a diagnosis.</p>"


def test_new_settings_have_a_spanish_emergency_notice(site):
    assert "911" in PracticeSettings().emergency_notice_es
    assert "emergencia" in PracticeSettings().emergency_notice_es


def test_a_field_that_is_not_translated_is_an_error_not_english(site):
    practice = change_practice_settings()
    with pytest.raises(AttributeError):
        practice.translated.emergency_notic  # noqa: B018 (the typo is the test)
    with pytest.raises(AttributeError):
        practice.translated.phone  # noqa: B018


def test_the_spanish_words_are_edited_under_their_own_tab(admin_client, site):
    response = admin_client.get(f"/admin/settings/practice/practicesettings/{site.pk}/")
    html = soup_of(response)
    tabs = [tab.get_text(strip=True) for tab in html.select("[role=tab]")]
    assert any(tab.startswith("Spanish") for tab in tabs), tabs
    for field in ("tagline_es", "emergency_notice_es", "disclaimer_es"):
        assert html.select_one(f"[name={field}]"), field


def test_the_spanish_words_are_saved_from_the_editor(admin_client, site):
    url = f"/admin/settings/practice/practicesettings/{site.pk}/"
    form = soup_of(admin_client.get(url)).select_one("form[method=post]")
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("input[name]")
        if field.get("type") not in ("checkbox", "submit")
    }
    data.update({textarea["name"]: textarea.get_text() for textarea in form.select("textarea")})
    data["emergency_notice_es"] = "Si es una emergencia, llame al 911 ahora."
    admin_client.post(url, data)
    saved = PracticeSettings.for_site(site)
    assert saved.emergency_notice_es == "Si es una emergencia, llame al 911 ahora."


# "8am", "5 pm", "8:00am", "17:00" standing alone, "Mon–Thu": the styles issue 14 removed.
NOT_US_STYLE = re.compile(
    r"\b\d{1,2}(:\d{2})? ?(am|pm)\b|\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", re.IGNORECASE
)
BARE_24_HOUR = re.compile(r"\b([01]\d|2[0-3]):[0-5]\d\b")


def help_texts():
    for app in ("practice", "pages"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                text = str(getattr(field, "help_text", "") or "")
                if text:
                    yield f"{model.__name__}.{field.name}", text


def test_every_time_in_the_editors_help_reads_as_the_site_prints_it():
    texts = dict(help_texts())
    assert texts, "no help text found"
    for name, text in texts.items():
        assert not NOT_US_STYLE.search(text), (name, text)
        if BARE_24_HOUR.search(text):
            # A time field's example may show what to type, with the time as patients read it.
            assert re.search(r"\d{1,2}:\d{2} [ap]\.m\.", text), (name, text)


def test_spanish_pages_show_the_spanish_notice_disclaimer_and_tagline(client, home_page):
    change_practice_settings(
        tagline="Specialist care for chronic pain",
        tagline_es="Atención especializada para el dolor crónico",
        emergency_notice="If this is an emergency, call 911.",
        emergency_notice_es="Si es una emergencia, llame al 911.",
        disclaimer="<p>General education, not a diagnosis.</p>",
        disclaimer_es="<p>Información general, no un diagnóstico.</p>",
    )
    # No search title of its own: the home page's title is then the name and the tagline.
    translate(home_page, title="Inicio", seo_title="")
    spanish, english = soup_of(client.get("/es/")), soup_of(client.get("/"))
    assert spanish.select_one(".emergency-notice").get_text() == (
        "Si es una emergencia, llame al 911."
    )
    assert english.select_one(".emergency-notice").get_text() == (
        "If this is an emergency, call 911."
    )
    assert "Información general" in spanish.select_one(".site-footer__disclaimer").get_text()
    assert "General education" in english.select_one(".site-footer__disclaimer").get_text()
    assert spanish.select_one(".site-header__tagline").get_text() == (
        "Atención especializada para el dolor crónico"
    )
    assert "Atención especializada" in spanish.title.get_text()


def test_a_spanish_page_without_a_spanish_disclaimer_shows_the_english(client, home_page):
    change_practice_settings(disclaimer="<p>General education, not a diagnosis.</p>")
    translate(home_page, title="Inicio")
    footer = soup_of(client.get("/es/")).select_one(".site-footer__disclaimer")
    assert "General education" in footer.get_text()
