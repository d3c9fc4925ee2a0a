"""A page rendered again (page cache off) finds its site, route and settings without asking the
database for them, and never shows an old route or an old setting (practice/routing.py,
practice.cache.SettingKeptPerVersion)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from practice.models import ThemeSettings
from tests.factories import change_practice_settings
from tests.helpers import translate

pytestmark = pytest.mark.django_db


def queries(client, url, status=200):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == status, url
    return [query["sql"] for query in captured.captured_queries], response


def test_an_article_rendered_again_reads_only_its_comments(client, article):
    client.get(article.url)
    sql, _response = queries(client, article.url)
    # Its approved comments, which are not cached. No site, locale, section, settings query,
    # nor the article itself: it is kept per content version with its route.
    assert len(sql) == 1, sql
    assert "comments_comment" in sql[0], sql
    assert not any("wagtailcore_site" in query for query in sql)
    assert not any("practice_practicesettings" in query for query in sql)
    assert not any('FROM "wagtailcore_locale"' in query for query in sql)


def test_the_home_page_rendered_again_reads_nothing(client, home_page):
    client.get("/")
    sql, _response = queries(client, "/")
    assert sql == []


def test_a_kept_route_follows_a_new_slug(client, about_page):
    client.get("/about/")
    about_page.slug = "about-us"
    about_page.save_revision().publish()
    assert client.get("/about/").status_code in (301, 404)  # Wagtail's redirect, or gone
    assert client.get("/about-us/").status_code == 200


def test_a_kept_route_is_forgotten_when_the_page_is_unpublished(client, about_page):
    client.get("/about/")
    about_page.unpublish()
    assert client.get("/about/").status_code == 404


def test_a_page_made_private_after_its_route_was_kept_asks_for_sign_in(client, about_page):
    from wagtail.models import PageViewRestriction

    client.get("/about/")
    PageViewRestriction.objects.create(page=about_page, restriction_type="login")
    assert client.get("/about/").status_code == 302


def test_a_kept_route_never_answers_for_another_site(client, home_page, about_page):
    client.get("/about/")
    other_root = home_page.add_child(instance=type(about_page)(title="Other", slug="other-home"))
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)
    response = client.get("/about/", HTTP_HOST="other.example")
    assert response.status_code == 404


def test_settings_saved_show_on_the_next_render(client, home_page):
    assert "Rubin Pain &amp; Spine" not in client.get("/").content.decode()
    change_practice_settings(name="Rubin Pain & Spine")
    assert "Rubin Pain &amp; Spine" in client.get("/").content.decode()


def test_theme_colours_saved_show_on_the_next_render(client, home_page):
    client.get("/")
    theme = ThemeSettings.for_site(Site.objects.get(is_default_site=True))
    theme.primary_colour = "#123456"
    theme.save()
    assert "#123456" in client.get("/").content.decode()


def test_the_settings_editor_reads_the_database_not_the_kept_copy(client, home_page):
    client.get("/")
    site = Site.objects.get(is_default_site=True)
    ThemeSettings.objects.filter(site=site).update(primary_colour="#234567")  # no signal
    assert ThemeSettings.for_site(site).primary_colour == "#234567"


def test_a_cold_route_finds_the_page_by_its_address_not_level_by_level(client, article):
    client.get(article.url)
    cache.clear()
    sql, _response = queries(client, article.url)
    # Wagtail's walk asks for each section by its slug; the address lookup asks for none.
    assert not any('"wagtailcore_page"."slug" =' in query for query in sql), sql


def test_a_spanish_address_finds_the_spanish_page(client, home_page, about_page):
    translate(home_page, title="Inicio")
    sobre = translate(about_page, title="Sobre la práctica")
    cache.clear()
    response = client.get(sobre.url)
    assert response.status_code == 200
    assert "Sobre la práctica" in response.content.decode()
    assert client.get("/about/").status_code == 200


def test_a_routable_pages_own_address_still_answers(client, consultation_page):
    cache.clear()
    assert client.get(consultation_page.url).status_code == 200
    assert client.get(consultation_page.url + "no-such-thing/").status_code == 404


def test_a_kept_page_shows_its_new_title_once_published(client, about_page):
    client.get("/about/")
    about_page.title = "About us, updated"
    about_page.save_revision().publish()
    assert "About us, updated" in client.get("/about/").content.decode()


FORMS = ("components/comment_form.html", "feedback/feedback_form.html")


def test_an_anonymous_visitors_forms_are_rendered_once_per_content_version(client, article):
    first = client.get(article.url)
    assert set(FORMS) <= {template.name for template in first.templates}
    again = client.get(article.url)
    assert not set(FORMS) & {template.name for template in again.templates}
    assert again.content == first.content


def test_a_signed_in_persons_forms_carry_their_own_token(client, article, editor):
    client.get(article.url)  # the anonymous forms are kept
    client.force_login(editor)
    response = client.get(article.url)
    assert set(FORMS) <= {template.name for template in response.templates}
    assert response.content.decode().count('name="csrfmiddlewaretoken"') == 2
