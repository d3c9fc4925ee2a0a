"""A page made private leaves every list at once, and takes its translations with it
(practice/view_restrictions.py); the proxy's side is tests/practice/test_proxy_privacy.py."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry, PageViewRestriction

from practice.view_restrictions import restrictions_of
from tests.helpers import translate

from .helpers import RecordingFrontendCache

pytestmark = pytest.mark.django_db

PASSWORD = PageViewRestriction.PASSWORD


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs the block, then what it left for the commit, as a real transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def restrict(page, restriction_type=PASSWORD):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password="s3cret"
    )


def test_a_page_made_private_leaves_every_list_at_once(client, article, commit):
    """Listed, found, suggested and in the feed and sitemap, with every cache warm; then gone."""
    lists = [
        "/education/",
        "/sitemap.xml",
        "/education/feed/",
        "/search/?q=exercise",
        "/search-suggestions/?q=exercise",
    ]
    for url in lists:
        assert article.url in client.get(url).content.decode(), url
    with commit():
        restrict(article)
    for url in lists:
        assert article.url not in client.get(url).content.decode(), url


def test_a_translation_follows_its_page_into_privacy_and_out(client, article, commit, settings):
    spanish = translate(article, title="Ejercicio para el dolor lumbar")
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.practice.helpers.RecordingFrontendCache"}
    }
    RecordingFrontendCache.purged = []
    with commit():
        restriction = restrict(article)
    assert restrictions_of(spanish) == [(PASSWORD, "s3cret", [])]
    assert 'name="password"' in client.get(spanish.url).content.decode()
    # The proxy in front is told about the Spanish page too.
    assert any(url.endswith(spanish.url) for url in RecordingFrontendCache.purged)

    clinicians = Group.objects.create(name="Clinicians only")
    with commit():
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save()
        restriction.groups.set([clinicians])
    assert restrictions_of(spanish) == [(PageViewRestriction.GROUPS, "s3cret", [clinicians.pk])]

    with commit():
        restriction.delete()
    assert restrictions_of(spanish) == []
    assert client.get(spanish.url).status_code == 200
    # Each change is in the Spanish page's history, as the admin records its own.
    actions = set(PageLogEntry.objects.filter(page=spanish).values_list("action", flat=True))
    assert {"wagtail.view_restriction.create", "wagtail.view_restriction.delete"} <= actions


def test_a_restriction_set_on_the_translation_reaches_the_english_page(article, commit):
    spanish = translate(article, title="Ejercicio para el dolor lumbar")
    with commit():
        restrict(spanish, PageViewRestriction.LOGIN)
    assert restrictions_of(article) == [(PageViewRestriction.LOGIN, "s3cret", [])]


def test_deleting_a_private_page_leaves_its_translation_private(article, commit):
    spanish = translate(article, title="Ejercicio para el dolor lumbar")
    with commit():
        restrict(article)
    with commit():
        article.delete()
    assert restrictions_of(spanish) == [(PASSWORD, "s3cret", [])]
