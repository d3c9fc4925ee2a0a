import re

import pytest
from django.test import Client

from pages.consultation.models import ConsultationRequest

from .helpers import PERSONAL_VALUES, answers

pytestmark = pytest.mark.django_db
URL = "/consultation/"


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def assert_themed_csrf_page(response):
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Please reload the page and try again</h1>" in html
    assert "Rubin Pain Management" in html  # the site's own layout, not Django's yellow page
    assert '<a href="tel:5550142290">' in html
    assert "CSRF" not in html
    for value in PERSONAL_VALUES:
        assert value not in html
    assert response["Cache-Control"] == "private, no-store"


def test_a_post_without_a_csrf_token_gets_the_themed_403_page(strict_client, consultation_page):
    response = strict_client.post(URL, answers())
    assert_themed_csrf_page(response)
    assert not ConsultationRequest.objects.exists()


def test_a_forged_csrf_token_gets_the_themed_403_page(strict_client, consultation_page):
    strict_client.get(URL)  # a real cookie...
    forged = answers(csrfmiddlewaretoken="x" * 64)  # ...but a token it does not match
    response = strict_client.post(URL, forged)
    assert_themed_csrf_page(response)
    assert not ConsultationRequest.objects.exists()


def test_a_request_sent_from_the_page_itself_passes_the_csrf_check(
    strict_client, consultation_page
):
    html = strict_client.get(URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = strict_client.post(URL, answers(csrfmiddlewaretoken=token))
    assert response.status_code == 303
    assert ConsultationRequest.objects.count() == 1
