"""Which responses a CDN or proxy cache in front may keep (practice/page_cache.py and
practice/shared_cache.py): anonymous visitors' public pages, and nothing else."""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from practice.shared_cache import SharedCacheMiddleware
from tests.helpers import FROM_THIS_SITE

pytestmark = pytest.mark.django_db

COMMENT = {"name": "Dana", "email": "dana@example.com", "body": "This helped me."}


def assert_shared(response):
    """Public with s-maxage, and nothing that would make it one visitor's copy."""
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=60" in cache_control, cache_control
    assert "max-age=0" in cache_control  # browsers revalidate
    assert not response.cookies  # no csrftoken, no session
    assert "cookie" not in response.get("Vary", "").lower()
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def assert_private(response):
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control and "public" not in cache_control, cache_control


@pytest.fixture(params=["page cache on", "page cache off"])
def either_page_cache(request, settings):
    """A CDN may share public pages whether or not the app keeps its own copy."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = request.param == "page cache on"
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_an_anonymous_visitor_gets_a_shareable_article(article, either_page_cache):
    client = Client(enforce_csrf_checks=True)
    for _ in range(2):  # a miss, then (with the page cache on) a hit
        assert_shared(client.get(article.url))


def test_an_anonymous_visitor_gets_a_shareable_consultation_form(
    consultation_page, either_page_cache
):
    for _ in range(2):
        assert_shared(Client(enforce_csrf_checks=True).get("/consultation/"))


@pytest.mark.parametrize("path", ["/", "/about/"])
def test_other_public_pages_are_shareable(about_page, either_page_cache, path):
    assert_shared(Client().get(path))


def test_a_signed_in_person_gets_a_private_copy_with_their_token(
    client, article, editor, either_page_cache
):
    client.force_login(editor)
    response = client.get(article.url)
    assert_private(response)
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def make_private(page, restriction_type=PageViewRestriction.PASSWORD):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="s3cret"
    )


def test_a_private_page_is_shared_only_as_its_password_form(client, about_page, either_page_cache):
    """The form is the same for everyone and shows nothing of the page, so a proxy may keep it
    in place of the public copy it had (practice/page_cache.py)."""
    about_page.search_description = "Where the staff meet"
    about_page.save_revision().publish()
    make_private(about_page)
    for path in ("/about/", "/about/?utm_source=x"):
        response = Client(enforce_csrf_checks=True).get(path)
        assert_shared(response)
        html = response.content.decode()
        assert 'name="password"' in html and "This page needs a password" in html
        for shown in (about_page.title, about_page.intro, "Where the staff meet", "og:title"):
            assert shown not in html
        assert response.get("Expires") is None  # in the past, it would keep nginx from storing


def test_a_page_behind_a_sign_in_is_shared_only_as_its_redirect(
    client, about_page, either_page_cache
):
    make_private(about_page, PageViewRestriction.LOGIN)
    response = client.get("/about/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/?next=/about/"
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "s-maxage=60" in cache_control
    assert not response.cookies and response.get("Expires") is None


def test_a_private_page_itself_is_never_shared(client, about_page, either_page_cache):
    restriction = make_private(about_page)
    url = f"/_util/authenticate_with_password/{restriction.pk}/{about_page.pk}/"
    form = {"password": "s3cret", "return_url": "/about/"}
    assert client.post(url, form, **FROM_THIS_SITE).status_code == 302
    response = client.get("/about/")  # with the session cookie the password set
    assert about_page.intro in response.content.decode()
    assert_private(response)


def test_a_wrong_page_password_says_so_in_the_visitors_language(about_page, either_page_cache):
    from tests.helpers import translate

    spanish = translate(about_page, title="Sobre nosotros")
    restriction = make_private(spanish)
    url = f"/es/_util/authenticate_with_password/{restriction.pk}/{spanish.pk}/"
    form = {"password": "wrong", "return_url": "/es/sobre-nosotros/"}
    response = Client().post(url, form, **FROM_THIS_SITE)
    html = response.content.decode()
    assert response.status_code == 200 and "Esta página necesita una contraseña" in html
    assert "Esa contraseña no es correcta" in html
    assert "public" not in response.get("Cache-Control", "")


def test_a_preview_is_never_shared(admin_client, article, either_page_cache):
    article.title = "An unpublished draft"
    article.save_revision()
    preview = admin_client.get(f"/admin/pages/{article.pk}/view_draft/")
    assert "An unpublished draft" in preview.content.decode()
    assert "public" not in preview.get("Cache-Control", "")
    assert "private" in preview["Cache-Control"] or "no-cache" in preview["Cache-Control"]


def test_a_comment_form_with_errors_is_never_shared(client, article, either_page_cache):
    response = client.post(f"/comments/{article.pk}/", {**COMMENT, "email": "nope"})
    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"


def test_a_consultation_form_with_errors_is_never_shared(
    client, consultation_page, either_page_cache
):
    response = client.post("/consultation/", {"full_name": ""}, **FROM_THIS_SITE)
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_a_visitor_with_a_message_waiting_gets_a_private_copy(client, article, either_page_cache):
    posted = client.post(f"/comments/{article.pk}/", COMMENT, **FROM_THIS_SITE)
    assert posted.status_code == 303  # "thank you, it awaits review" waits in a cookie
    response = client.get(article.url)
    assert (
        "awaits review" in response.content.decode() or "reviewed it" in response.content.decode()
    )
    assert_private(response)


# -- The middleware's last word ------------------------------------------------------------


def through_middleware(response, cookies=None):
    request = RequestFactory().get("/")
    request.COOKIES.update(cookies or {})
    return SharedCacheMiddleware(lambda _request: response)(request)


def public_response(vary=None):
    response = HttpResponse("page")
    response["Cache-Control"] = "public, max-age=0, s-maxage=60"
    if vary:
        response["Vary"] = vary
    return response


def test_vary_cookie_is_taken_off_public_pages_and_other_vary_kept():
    assert through_middleware(public_response("Accept-Language, Cookie"))["Vary"] == (
        "Accept-Language"
    )
    assert not through_middleware(public_response("Cookie")).has_header("Vary")


def test_a_public_response_that_sets_a_cookie_is_made_private():
    response = public_response()
    response.set_cookie("csrftoken", "abc")
    assert_private(through_middleware(response))


def test_a_public_response_that_read_a_signed_in_session_is_made_private():
    response = through_middleware(public_response("Cookie"), {"sessionid": "abc"})
    assert_private(response)


def test_a_public_response_that_never_read_the_session_stays_public():
    """The theme stylesheet, say: the same for everyone, signed in or not."""
    response = through_middleware(public_response(), {"sessionid": "abc"})
    assert "public" in response["Cache-Control"]


def test_private_responses_are_left_alone():
    response = HttpResponse("mine")
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie"
    response = through_middleware(response)
    assert response["Cache-Control"] == "private, no-store" and response["Vary"] == "Cookie"
