"""The Spanish catalog (locale/es/LC_MESSAGES/django.po): every interface string a patient can
see is in it and translated, the compiled django.mo matches it, and Spanish pages use it.

Collecting and compiling the messages needs GNU gettext (xgettext, msgfmt): without it these
tests skip, and fail instead when CI=true (`make checkers` installs it).
"""

import datetime
import gettext
import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import translation

from tests.practice.helpers import catalog_entries

LOCALE = Path(settings.BASE_DIR) / "locale"
CATALOG = LOCALE / "es" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOG.with_suffix(".mo")
# Where makemessages does not look: the same list as `make messages` (Makefile).
NOT_SCANNED = {".venv", "node_modules", "var", "bench", "tests", "locale", "test-artifacts"}
SOURCE_SUFFIXES = {".py", ".html", ".txt"}


@pytest.fixture
def gettext_tools():
    tools = ("xgettext", "msgmerge", "msguniq", "msgfmt")
    missing = [tool for tool in tools if not shutil.which(tool)]
    if missing:
        message = f"GNU gettext is not installed ({', '.join(missing)} missing): make checkers"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


def copy_sources(destination):
    """The files makemessages reads, copied without the committed catalog."""
    root = Path(settings.BASE_DIR)
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [
            name for name in subfolders if name not in NOT_SCANNED and not name.startswith(".")
        ]
        for name in files:
            path = Path(folder, name)
            if path.suffix in SOURCE_SUFFIXES:
                target = destination / path.relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)


def test_every_interface_string_is_in_the_catalog_and_translated(
    gettext_tools, tmp_path, monkeypatch
):
    """makemessages on a copy of the code, never on the repository's catalog: any message it
    finds that the committed catalog lacks, leaves empty or marks fuzzy is listed."""
    copy_sources(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [tmp_path / "locale"])
    call_command("makemessages", locale=["es"], verbosity=0)
    found = catalog_entries(tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po")
    committed = {entry.key: entry for entry in catalog_entries(CATALOG)}

    missing = [entry.describe() for entry in found if entry.key not in committed]
    untranslated = [
        entry.describe()
        for entry in found
        if entry.key in committed and not committed[entry.key].is_translated
    ]
    assert found, "makemessages found no message at all"
    assert missing == [], "Not in the Spanish catalog (make messages, then translate them)"
    assert untranslated == [], "Empty or fuzzy in the Spanish catalog"


def test_the_catalog_has_no_leftover_messages(gettext_tools):
    """Messages nobody uses any more are taken out (makemessages --no-obsolete)."""
    obsolete = [line for line in CATALOG.read_text().splitlines() if line.startswith("#~")]
    assert obsolete == []


def test_the_compiled_catalog_matches_the_po_file(gettext_tools, tmp_path):
    """django.mo is committed so the site runs without gettext: it must be compiled from the
    current django.po (make messages compiles it)."""
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", fresh, CATALOG], check=True)
    with COMPILED.open("rb") as committed, fresh.open("rb") as compiled:
        committed, compiled = gettext.GNUTranslations(committed), gettext.GNUTranslations(compiled)
    assert committed._catalog == compiled._catalog, (
        "locale/es/LC_MESSAGES/django.mo is out of date: run make messages"
    )
    # A fuzzy header would be left out of the .mo, and with it the plural rule.
    assert committed.info()["language"] == "es"
    assert committed.ngettext("%(count)s result.", "%(count)s results.", 2).endswith("resultados.")


# --- Spanish pages speak Spanish -------------------------------------------------------------


def visible_text(html):
    """The page's text pieces, as a reader meets them: between tags, and in the attributes that
    screen readers read."""
    pieces = re.split(r"<[^>]*>", html) + re.findall(r'(?:aria-label|title|alt)="([^"]*)"', html)
    return {" ".join(unescape(piece).split()) for piece in pieces} - {""}


def leftover_english(english, spanish):
    """Messages that make a whole piece of text on the English page and are still in English on
    the Spanish one (those the Spanish catalog writes differently)."""
    english, spanish = visible_text(english), visible_text(spanish)
    return [
        entry.msgid
        for entry in catalog_entries(CATALOG)
        if entry.msgid != entry.msgstr and entry.msgid in english and entry.msgid in spanish
    ]


@pytest.mark.django_db
def test_the_404_page_with_its_header_and_footer_is_in_spanish(client, site):
    english = client.get("/no-such-page/").content.decode()
    response = client.get("/es/no-such-page/")
    assert response.status_code == 404
    spanish = response.content.decode()
    assert "We can’t find that page" in english
    assert "No encontramos esa página" in spanish
    assert "Ir a la página de inicio" in spanish
    assert "Saltar al contenido principal" in spanish  # the skip link
    assert "Buscar en este sitio" in spanish  # the header's search form
    assert "Horario de atención" in spanish or "Llámenos" in spanish  # the footer
    assert leftover_english(english, spanish) == []


@pytest.mark.django_db
def test_the_search_page_is_in_spanish(client, site):
    english = client.get("/search/", {"q": ""}).content.decode()
    spanish = client.get("/es/search/", {"q": ""}).content.decode()
    assert "Escriba una o dos palabras sobre lo que busca" in spanish
    assert "Maneras de encontrar lo que necesita" in spanish
    assert leftover_english(english, spanish) == []


def test_the_error_pages_rendered_without_a_request_are_in_spanish():
    for template, words in (("500.html", "Lo sentimos"), ("503.html", "Vuelva a intentarlo")):
        with translation.override("es"):
            spanish = render_to_string(template)
        with translation.override("en-us"):
            english = render_to_string(template)
        assert words in spanish
        assert "911" in spanish
        assert leftover_english(english, spanish) == []


def test_written_out_dates_read_the_spanish_way():
    """Templates spell dates with a translated format: 'March 3, 2026' in English, '3 de marzo
    de 2026' in Spanish (practice/formats/es keeps the rest as US Spanish reads it)."""
    template = '{% load i18n %}{{ day|date:_("F j, Y") }}'
    day = datetime.date(2026, 3, 3)
    with translation.override("en-us"):
        assert Template(template).render(Context({"day": day})) == "March 3, 2026"
    with translation.override("es"):
        assert Template(template).render(Context({"day": day})) == "3 de marzo de 2026"
