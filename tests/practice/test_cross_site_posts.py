"""Anonymous posts are checked by Origin and Sec-Fetch-Site, signed-in ones and the admin by
Django's token (practice/cross_site.py)."""

import pytest
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from education.comments.models import Comment
from practice.cross_site import (
    REASON_CROSS_SITE,
    REASON_FOREIGN_ORIGIN,
    REASON_NO_ORIGIN,
    cross_site_reason,
)
from tests.helpers import FROM_THIS_SITE

COMMENT = {"name": "Dana", "email": "dana@example.com", "body": "This helped me."}
CROSS_SITE = {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"}


def reason_for(**headers):
    return cross_site_reason(RequestFactory().post("/comments/1/", **headers))


@pytest.mark.parametrize(
    "headers, reason",
    [
        (FROM_THIS_SITE, None),
        ({"HTTP_ORIGIN": "http://testserver"}, None),
        ({"HTTP_ORIGIN": "HTTP://TESTSERVER"}, None),
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, None),
        ({"HTTP_SEC_FETCH_SITE": "none"}, None),
        ({}, REASON_NO_ORIGIN),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, REASON_CROSS_SITE),
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, REASON_CROSS_SITE),
        ({"HTTP_ORIGIN": "https://evil.example"}, REASON_FOREIGN_ORIGIN),
        ({"HTTP_ORIGIN": "https://testserver"}, REASON_FOREIGN_ORIGIN),  # another scheme
        ({"HTTP_ORIGIN": "http://testserver.evil.example"}, REASON_FOREIGN_ORIGIN),
        ({"HTTP_ORIGIN": "null"}, REASON_FOREIGN_ORIGIN),
        ({"HTTP_ORIGIN": "http://testserver\x00"}, REASON_FOREIGN_ORIGIN),
        (
            {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "same-origin"},
            REASON_FOREIGN_ORIGIN,
        ),
    ],
)
def test_where_a_post_came_from(headers, reason):
    assert reason_for(**headers) == reason


def test_site_url_and_trusted_origins_count_as_this_site(settings):
    settings.SITE_URL = "https://www.rubinpain.example"
    settings.CSRF_TRUSTED_ORIGINS = ["https://rubinpain.example"]
    assert reason_for(HTTP_ORIGIN="https://www.rubinpain.example") is None
    assert reason_for(HTTP_ORIGIN="https://rubinpain.example") is None
    assert reason_for(HTTP_ORIGIN="http://www.rubinpain.example") == REASON_FOREIGN_ORIGIN


# -- The comment form ------------------------------------------------------------------------


@pytest.fixture
def strict():
    return Client(enforce_csrf_checks=True)


@pytest.mark.django_db
def test_a_comment_posted_from_the_article_is_stored(strict, article):
    response = strict.post(f"/comments/{article.pk}/", COMMENT, **FROM_THIS_SITE)
    assert response.status_code == 303
    assert Comment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("headers", [CROSS_SITE, {}], ids=["cross-site", "neither-header"])
def test_a_comment_from_elsewhere_is_refused_with_the_themed_page(strict, article, headers):
    response = strict.post(f"/comments/{article.pk}/", COMMENT, **headers)
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>This form must be sent from our website</h1>" in html
    assert COMMENT["body"] not in html and COMMENT["email"] not in html
    assert response["Cache-Control"] == "private, no-store"
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_signed_in_person_still_needs_the_token_to_comment(strict, article, editor):
    strict.force_login(editor)
    refused = strict.post(f"/comments/{article.pk}/", COMMENT, **FROM_THIS_SITE)
    assert refused.status_code == 403
    assert "<h1>Please reload the page and try again</h1>" in refused.content.decode()

    page = strict.get(article.url).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    accepted = strict.post(
        f"/comments/{article.pk}/", {**COMMENT, "csrfmiddlewaretoken": token}, **FROM_THIS_SITE
    )
    assert accepted.status_code == 303
    assert Comment.objects.count() == 1


# -- The admin, and Wagtail's page password form ----------------------------------------------


@pytest.mark.django_db
def test_the_admin_sign_in_form_still_needs_the_token(strict, superuser):
    superuser.set_password("pw-for-test-1")
    superuser.save()
    sign_in = {"username": superuser.username, "password": "pw-for-test-1"}
    refused = strict.post("/admin/login/", sign_in, **FROM_THIS_SITE)
    assert refused.status_code == 403

    page = strict.get("/admin/login/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    signed_in = strict.post("/admin/login/", {**sign_in, "csrfmiddlewaretoken": token})
    assert signed_in.status_code == 302


@pytest.mark.django_db
def test_a_page_password_is_accepted_from_the_page_and_refused_from_elsewhere(strict, about_page):
    restriction = PageViewRestriction.objects.create(
        page=about_page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{about_page.pk}/"
    form = {"password": "s3cret", "return_url": "/about/"}
    assert strict.post(url, form, **CROSS_SITE).status_code == 403
    assert strict.post(url, form, **FROM_THIS_SITE).status_code == 302
    assert strict.get("/about/").status_code == 200
