import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import RequestFactory, override_settings

from pages.consultation.models import ConsultationRequest
from practice import spam
from tests.helpers import mail_sent

from .helpers import VALID_ANSWERS, answers

URL = "/consultation/"


def request_from(address):
    return RequestFactory().post(URL, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_honeypot_is_hidden_from_people_keyboards_and_screen_readers(client, consultation_page):
    html = client.get(URL).content.decode()
    wrapper = re.search(r'<div class="form-honeypot"[^>]*>(.*?)</div>', html, re.S)
    assert wrapper, "the honeypot is missing"
    assert 'aria-hidden="true"' in wrapper.group(0)
    field = re.search(r"<input[^>]*>", wrapper.group(1)).group(0)
    assert f'name="{spam.HONEYPOT_FIELD}"' in field
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field
    assert "style=" not in wrapper.group(0)


@pytest.mark.django_db
def test_a_bot_that_fills_the_honeypot_gets_the_thank_you_page_and_nothing_is_stored(
    client, consultation_page
):
    with mail_sent():
        response = client.post(URL, answers(**{spam.HONEYPOT_FIELD: "https://cheap-pills.example"}))

    assert response.status_code == 303
    assert response["Location"] == "/consultation/thank-you/"
    assert not ConsultationRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_bot_that_posts_nonsense_gets_no_hint_either(client, consultation_page):
    response = client.post(URL, {"full_name": "x", spam.HONEYPOT_FIELD: "spam"})
    assert response.status_code == 303
    assert not ConsultationRequest.objects.exists()


@pytest.mark.django_db
@override_settings(CONSULTATION_RATE_LIMIT=2)
def test_after_the_limit_a_person_is_told_to_call_and_keeps_what_they_typed(
    client, consultation_page
):
    for _ in range(2):
        assert client.post(URL, answers()).status_code == 303

    response = client.post(URL, answers(full_name="Third Try"))

    assert response.status_code == 429
    assert ConsultationRequest.objects.count() == 2
    html = response.content.decode()
    notice = re.search(
        r'<div class="notice notice--warning" role="alert"[^>]*>(.*?)</div>', html, re.S
    )
    assert "We cannot accept another request right now" in notice.group(1)
    assert '<a href="tel:5550142290">(555) 014-2290</a>' in notice.group(1)
    assert 'value="Third Try"' in html
    assert VALID_ANSWERS["reason"] in html
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
@override_settings(CONSULTATION_RATE_LIMIT=1)
def test_the_limit_is_per_client(client, consultation_page):
    assert client.post(URL, answers(), REMOTE_ADDR="203.0.113.7").status_code == 303
    assert client.post(URL, answers(), REMOTE_ADDR="203.0.113.7").status_code == 429
    assert client.post(URL, answers(), REMOTE_ADDR="198.51.100.4").status_code == 303
    assert ConsultationRequest.objects.count() == 2


@pytest.mark.django_db
@override_settings(CONSULTATION_RATE_LIMIT=1)
def test_mistakes_do_not_use_up_the_limit(client, consultation_page):
    for _ in range(3):
        assert client.post(URL, answers(email="wrong")).status_code == 200
    assert client.post(URL, answers()).status_code == 303


def test_the_rate_limiter_counts_hits_per_client_and_window():
    limiter = spam.RateLimiter("test-scope", limit=2, period=60)
    alice, bob = request_from("192.0.2.1"), request_from("192.0.2.2")
    assert limiter.hit(alice) and limiter.hit(alice)
    assert not limiter.hit(alice)
    assert limiter.is_limited(alice)
    assert limiter.hit(bob)
    # A new window starts with a clean slate.
    with mock.patch("practice.spam.time.time", return_value=time.time() + 61):
        assert limiter.hit(alice)


def test_limits_in_different_scopes_are_counted_apart():
    request = request_from("192.0.2.9")
    comments = spam.RateLimiter("comments", limit=1, period=60)
    consultations = spam.RateLimiter("consultation", limit=1, period=60)
    assert comments.hit(request)
    assert consultations.hit(request)
    assert not comments.hit(request)


def test_client_keys_never_contain_the_ip_address():
    key = spam.client_key(request_from("203.0.113.42"))
    assert "203.0.113.42" not in key
    assert key == spam.client_key(request_from("203.0.113.42"))
    assert key != spam.client_key(request_from("203.0.113.43"))


def test_behind_a_trusted_proxy_each_patient_has_their_own_allowance(settings):
    """nginx connects from 127.0.0.1 for everyone: the address it appends is the patient's."""

    def via_proxy(patient):
        return RequestFactory().post(
            URL, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.9.9.9, {patient}"
        )

    limiter = spam.RateLimiter("comments", limit=1, period=60)
    settings.TRUST_X_FORWARDED_FOR = True
    assert limiter.hit(via_proxy("203.0.113.1"))
    assert limiter.hit(via_proxy("203.0.113.2"))  # someone else: not blocked by the first
    assert not limiter.hit(via_proxy("203.0.113.1"))
    # The forged first entry changes nothing: the proxy's own entry is the one counted.
    forged = RequestFactory().post(
        URL, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.1"
    )
    assert not limiter.hit(forged)


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    limiter = spam.RateLimiter("comments", limit=1, period=60)
    assert limiter.hit(
        RequestFactory().post(URL, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="1.1.1.1")
    )
    assert not limiter.hit(
        RequestFactory().post(URL, REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="2.2.2.2")
    )


def test_a_rate_limiter_needs_a_positive_limit():
    with pytest.raises(ValueError):
        spam.RateLimiter("x", limit=0)


@pytest.mark.parametrize(
    "data, filled",
    [({}, False), ({"website": ""}, False), ({"website": "  "}, False), ({"website": "a"}, True)],
)
def test_is_honeypot_filled(data, filled):
    assert spam.is_honeypot_filled(data) is filled
