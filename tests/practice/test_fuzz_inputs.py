"""Whatever a visitor sends, the site answers with a page, never a server error.

One walk over every public URL pattern (the Wagtail page tree once per page type, routable
sub-pages included) with hostile query parameters, and over every field of the public forms
(comments, consultation, page feedback) with hostile values. A new URL pattern without a
sample address here fails the walk, so nothing is left out by accident.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

from education.comments.models import Comment
from education.feedback.models import PageFeedback
from education.models import ArticlePage
from pages.consultation.models import ConsultationFormPage, ConsultationRequest
from tests.pages.consultation.helpers import VALID_ANSWERS

# Every query parameter a view reads, and one no view reads.
PARAMETERS = ["q", "topic", "page", "reviewed_page", "p", "v", "next", "utm_source"]
# Percent-encoded as they travel: NUL, bytes that are not UTF-8 (a lone 0xFF, the overlong
# encoding of "/"), a right-to-left override, the search syntax of SQLite's FTS5 and of
# PostgreSQL's tsquery, and values far longer than any form or page number allows.
HOSTILE_VALUES = [
    "a%00b",
    "%00",
    "%FF",
    "%C0%AF",
    "%E2%80%AE",
    "%27%22%5C%3A%2A%26%7C%21%28%29%3C%3E%2D%5E%7E",
    "x" * 10_000,
    "9" * 10_000,
    "-1",
]
# A value given twice, and given as an array (PHP and Rails style).
SHAPES = ["{name}={value}", "{name}=1&{name}={value}", "{name}%5B%5D={value}&{name}%5B%5D=2"]
# 404 only ever means "no such thing" (a page number past the end, an unknown topic).
ACCEPTED = {200, 301, 302, 303, 400, 404}


def walk_patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def public_patterns():
    return [p for p in walk_patterns(get_resolver().url_patterns) if not p.startswith("admin/")]


@pytest.fixture
def samples(demo_site):
    """{URL pattern: sample addresses}, every public pattern included."""
    pages = Page.objects.live().specific().order_by("path")
    one_per_type = {}
    for page in pages:
        one_per_type.setdefault(type(page), page)
    page_urls = [page.url for page in one_per_type.values()]
    form_page = ConsultationFormPage.objects.live().first()
    page_urls.append(form_page.url + form_page.reverse_subpage("thank_you").lstrip("/"))
    article = ArticlePage.objects.live().first()
    document = Document.objects.create(title="Intake", file=ContentFile(b"x", name="intake.txt"))
    private = one_per_type[type(article)]
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    rendition = article.hero_image.get_rendition("width-400")
    return {
        "documents/^(\\d+)/(.*)$": [document.url],
        "documents/authenticate_with_password/<int:restriction_id>/": [
            "/documents/authenticate_with_password/1/"
        ],
        "theme.css": ["/theme.css"],
        "education/feed/": ["/education/feed/"],
        "es/education/feed/": ["/es/education/feed/"],  # the Spanish feed's old address
        "sitemap.xml": ["/sitemap.xml"],
        "robots.txt": ["/robots.txt"],
        "search/": ["/search/"],
        "search-suggestions/": ["/search-suggestions/"],
        "comments/<int:article_id>/": [f"/comments/{article.pk}/"],
        "feedback/<int:page_id>/": [f"/feedback/{article.pk}/"],
        "^media/(?P<path>.*)$": [rendition.url],
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": [
            f"/_util/authenticate_with_password/{restriction.pk}/{private.pk}/"
        ],
        "_util/login/": ["/_util/login/"],
        "^((?:[\\w\\-]+/)*)$": page_urls,
    }


def assert_answered(response, what):
    assert response.status_code in ACCEPTED, (what, response.status_code)
    if response.status_code == 400:
        text = response.content.decode()
        # In the address's language: a Spanish address answers in Spanish.
        reasons = ("We could not read that address", "There is a problem")
        reasons += ("No pudimos leer esa dirección", "Hay un problema")
        assert any(reason in text for reason in reasons), what


def hostile_queries():
    """Each parameter alone with each value; then, for each value, every parameter at once,
    given twice or as an array (so no early refusal of one hides another)."""
    for name in PARAMETERS:
        for value in HOSTILE_VALUES:
            yield SHAPES[0].format(name=name, value=value)
    for shape in SHAPES[1:]:
        for value in HOSTILE_VALUES:
            yield "&".join(shape.format(name=name, value=value) for name in PARAMETERS)


@pytest.mark.django_db
# The walk sends hundreds of requests from one address: the suggestions' rate limit (tested in
# tests/search/test_suggestions.py) would answer most of them before they reach the code.
@override_settings(SEARCH_SUGGESTIONS_RATE_LIMIT=100_000)
def test_every_public_address_answers_every_query_parameter(client, samples):
    assert set(samples) == set(public_patterns()), "give every new URL pattern a sample"
    queries = list(hostile_queries())
    for urls in samples.values():
        for url in urls:
            for query in queries:
                response = client.get(f"{url}?{query}")
                assert_answered(response, f"GET {url}?{query[:80]}")


def test_a_nul_byte_in_search_is_a_400_that_says_why(client, demo_site):
    response = client.get("/search/?q=a%00b")
    assert response.status_code == 400
    assert "control character" in response.content.decode()
    assert client.get("/search/?q=%C0%AF").status_code == 400
    assert client.get("/search/?q=" + "x" * 10_000).status_code == 200  # "too long", politely


def post_raw(client, url, fields):
    """POST fields already percent-encoded, so bytes that are not UTF-8 reach the server."""
    body = "&".join(f"{name}={value}" for name, value in fields)
    return client.generic(
        "POST", url, body.encode("ascii"), content_type="application/x-www-form-urlencoded"
    )


def hostile_forms(valid):
    """Each field in turn given each hostile value, repeated, and sent as an array."""
    for field in [*valid, "website", "csrfmiddlewaretoken"]:
        others = [(name, value) for name, value in valid.items() if name != field]
        for value in HOSTILE_VALUES:
            yield field, [*others, (field, value)]
            yield field, [*others, (field, "a"), (field, value)]
            yield field, [*others, (field + "%5B%5D", value), (field + "%5B%5D", "2")]


def encoded(answers):
    from urllib.parse import quote_plus

    return {name: quote_plus(value) for name, value in answers.items()}


@pytest.mark.django_db
@override_settings(
    COMMENTS_RATE_LIMIT=10_000, CONSULTATION_RATE_LIMIT=10_000, FEEDBACK_RATE_LIMIT=10_000
)
def test_every_public_form_field_answers_every_value(client, demo_site):
    article = ArticlePage.objects.live().first()
    comment = {"name": "Dana", "email": "dana@example.com", "body": "It helped."}
    form_page = ConsultationFormPage.objects.live().first()
    feedback = {"helpful": "no", "reason": "The dosage table was hard to follow."}
    # (address, valid answers, what a post stores, the status of an answer that was stored)
    forms = [
        (f"/comments/{article.pk}/", encoded(comment), Comment.objects, 303),
        (form_page.url, encoded(VALID_ANSWERS), ConsultationRequest.objects, 303),
        (f"/feedback/{article.pk}/", encoded(feedback), PageFeedback.objects, 200),
    ]
    for url, valid, stored, stored_status in forms:
        for field, fields in hostile_forms(valid):
            before = stored.count()
            response = post_raw(client, url, fields)
            what = f"POST {url} {field}={fields[-1][1][:40]}"
            assert_answered(response, what)
            if response.status_code != stored_status:
                assert stored.count() == before, what  # refused: nothing half-stored
