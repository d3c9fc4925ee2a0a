"""The Promote tab's search appearance panel: the search title and description counted against
what search results show, on every page type's editor (articles' own tabs too)."""

import pytest
from django.urls import reverse

from tests.helpers import soup_of

pytestmark = pytest.mark.django_db


def panel_of(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = soup_of(response)
    assert html.select_one('script[src$="practice/js/search_appearance.js"]') is not None
    return html.select_one("[data-search-appearance]")


def test_a_long_search_title_is_counted_and_warned_about(client, superuser, article):
    article.seo_title = "Exercise for low back pain: where to start, what to expect, how long"
    article.search_description = "Short."
    article.save_revision().publish()
    client.force_login(superuser)
    panel = panel_of(client, article)
    assert panel["data-title-limit"] == "60" and panel["data-description-limit"] == "155"
    assert panel.select_one('[data-count="title"]').get_text() == str(len(article.seo_title))
    assert not panel.select_one('[data-warning="title"]').has_attr("hidden")
    assert panel.select_one('[data-count="description"]').get_text() == "6"
    assert panel.select_one('[data-warning="description"]').has_attr("hidden")


def test_a_page_without_a_search_title_counts_its_title(client, superuser, home_page):
    home_page.seo_title = home_page.search_description = ""
    home_page.save_revision().publish()
    client.force_login(superuser)
    panel = panel_of(client, home_page)
    assert panel.select_one('[data-count="title"]').get_text() == str(len(home_page.title))
    assert panel.select_one('[data-warning="title"]').has_attr("hidden")
    assert not panel.select_one('[data-empty="description"]').has_attr("hidden")
