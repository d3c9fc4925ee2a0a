import logging

import pytest
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import InterfaceError, OperationalError
from django.test import Client
from wagtail.models import Site

from practice.outage import service_unavailable

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    """Every page lookup fails the way psycopg fails when PostgreSQL is unreachable."""

    def unreachable(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    monkeypatch.setattr(Site, "find_for_request", unreachable)
    return monkeypatch


def assert_themed_503(response):
    assert response.status_code == 503
    body = response.content.decode()
    assert "The website is briefly unavailable" in body
    assert "911" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"


def test_public_page_answers_503_while_the_database_is_down(client, home_page, database_down):
    response = client.get("/")
    assert_themed_503(response)
    assert "Content-Security-Policy" in response  # still behind the security headers


def test_the_site_recovers_on_the_next_request_once_the_database_is_back(
    client, about_page, database_down
):
    assert client.get("/about/").status_code == 503
    database_down.undo()
    assert client.get("/about/").status_code == 200


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_database_error_raised_in_a_middleware_also_gets_the_503(home_page, monkeypatch, error):
    def fail(self, request):
        raise error("connection already closed")

    monkeypatch.setattr(SessionMiddleware, "process_request", fail)
    response = Client(raise_request_exception=False).get("/")
    assert_themed_503(response)


def test_other_errors_still_get_the_500_page(home_page, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a bug, not an outage")

    monkeypatch.setattr(Site, "find_for_request", fail)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_an_outage_is_logged_as_one_line_without_a_traceback(
    client, about_page, database_down, caplog
):
    with caplog.at_level(logging.ERROR, logger="practice.outage"):
        client.get("/about/?q=private")
    (record,) = [r for r in caplog.records if r.name == "practice.outage"]
    assert record.getMessage().startswith("Database unavailable (OperationalError: connection")
    assert record.getMessage().endswith("for GET /about/")
    assert record.exc_info is None


def test_503_page_renders_without_touching_the_database(django_db_blocker):
    with django_db_blocker.block():
        assert_themed_503(service_unavailable())
