"""The consultation form refuses posts made from another site, without a per-visitor token.

Anonymous visitors are checked by the Origin and Sec-Fetch-Site headers their browser sends
(practice/cross_site.py); signed-in people still need Django's CSRF token. Either way a refusal
is the site's own 403 page, which stores and shows nothing that was typed.
"""

import re

import pytest
from django.test import Client

from pages.consultation.models import ConsultationRequest
from tests.helpers import FROM_THIS_SITE

from .helpers import PERSONAL_VALUES, answers

pytestmark = pytest.mark.django_db
URL = "/consultation/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def assert_themed_refusal(response, heading):
    assert response.status_code == 403
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert "Rubin Pain Management" in html  # the site's own layout, not Django's yellow page
    assert '<a href="tel:5550142290">' in html
    assert "CSRF" not in html and "Origin" not in html
    for value in PERSONAL_VALUES:
        assert value not in html
    assert response["Cache-Control"] == "private, no-store"


def assert_refused_as_cross_site(response):
    assert_themed_refusal(response, "This form must be sent from our website")
    assert not ConsultationRequest.objects.exists()


def test_a_post_with_neither_origin_nor_fetch_site_gets_the_themed_403_page(
    strict_client, consultation_page
):
    assert_refused_as_cross_site(strict_client.post(URL, answers()))


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://forms.testserver"},
        {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://evil.example"},
    ],
    ids=["other-origin", "null-origin", "cross-site", "same-site", "mixed", "mixed-origin"],
)
def test_a_post_from_another_site_gets_the_themed_403_page(
    strict_client, consultation_page, headers
):
    assert_refused_as_cross_site(strict_client.post(URL, answers(), **headers))


def test_the_form_carries_no_token_and_sets_no_cookie_for_anonymous_visitors(
    strict_client, consultation_page
):
    response = strict_client.get(URL)
    assert not TOKEN.search(response.content.decode())
    assert not response.cookies


@pytest.mark.parametrize(
    "headers",
    [
        FROM_THIS_SITE,
        {"HTTP_ORIGIN": "http://testserver"},  # an older browser: Origin only
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_SEC_FETCH_SITE": "none"},  # sent by the person themselves
    ],
    ids=["both", "origin-only", "fetch-site-only", "user-initiated"],
)
def test_a_request_sent_from_the_page_itself_passes(strict_client, consultation_page, headers):
    strict_client.get(URL)
    response = strict_client.post(URL, answers(), **headers)
    assert response.status_code == 303
    assert ConsultationRequest.objects.count() == 1


def test_the_public_address_counts_as_this_site_whatever_host_the_request_used(
    strict_client, consultation_page, settings
):
    settings.SITE_URL = "https://www.rubinpain.example"
    response = strict_client.post(
        URL, answers(), HTTP_ORIGIN="https://www.rubinpain.example", HTTP_HOST="10.0.0.5"
    )
    assert response.status_code == 303


def test_a_signed_in_person_still_needs_the_token(strict_client, consultation_page, editor):
    strict_client.force_login(editor)
    html = strict_client.get(URL).content.decode()
    token = TOKEN.search(html).group(1)  # their own page carries one

    refused = strict_client.post(URL, answers(), **FROM_THIS_SITE)  # the Origin is not enough
    assert_themed_refusal(refused, "Please reload the page and try again")
    forged = strict_client.post(URL, answers(csrfmiddlewaretoken="x" * 64), **FROM_THIS_SITE)
    assert_themed_refusal(forged, "Please reload the page and try again")
    assert not ConsultationRequest.objects.exists()

    accepted = strict_client.post(URL, answers(csrfmiddlewaretoken=token), **FROM_THIS_SITE)
    assert accepted.status_code == 303
    assert ConsultationRequest.objects.count() == 1
