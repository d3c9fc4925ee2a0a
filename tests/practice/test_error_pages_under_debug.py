"""`make run` (DEBUG on, practice.settings.dev) answers an unknown address and a crash with the
designed 404 and 500 pages, in the language of the address, not Django's technical pages."""

import pytest

from home.models import HomePage
from practice import debug_errors
from practice.settings import dev
from tests.helpers import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_make_run(settings):
    """DEBUG on, with the middleware list of the development settings."""
    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE
    return settings


def test_the_development_settings_answer_with_the_designed_pages():
    assert dev.DEBUG
    assert dev.MIDDLEWARE[-1] == "practice.debug_errors.DesignedErrorPages"


def test_an_unknown_address_gets_the_designed_404_in_each_language(as_make_run, client, home_page):
    translate(home_page, "es")
    english = client.get("/no-such-page/")
    spanish = client.get("/es/no-such-page/")
    assert (english.status_code, spanish.status_code) == (404, 404)
    assert "We can’t find that page" in english.content.decode()
    assert "No encontramos esa página" in spanish.content.decode()
    assert 'lang="es"' in spanish.content.decode()
    for response in (english, spanish):
        assert "Using the URLconf" not in response.content.decode()
        assert "Rubin Pain Management" in response.content.decode()  # inside the site's layout


def test_a_crash_gets_the_designed_500_and_is_logged(as_make_run, client, home_page, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("a bug")

    logged = []
    monkeypatch.setattr(HomePage, "serve", crash)
    monkeypatch.setattr(debug_errors.logger, "error", lambda *args, **kwargs: logged.append(kwargs))
    response = client.get("/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, something went wrong" in body
    assert "Traceback" not in body and "a bug" not in body
    assert [str(entry["exc_info"]) for entry in logged] == ["a bug"]  # on the console


def test_without_the_middleware_debug_shows_the_technical_404(settings, client, home_page):
    # What `make run` showed before: the test above would fail on this page.
    settings.DEBUG = True
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can’t find that page" not in response.content.decode()
