"""The search appearance panel counts as the editor types, in real Chromium."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .helpers import new_page, sign_in, staff_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_counts_follow_the_search_title_and_description_as_staff_type(
    live_server, article, chromium
):
    staff_member("sam", [], is_superuser=True)
    page = new_page(chromium)
    try:
        sign_in(page, live_server.url, "sam")
        page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[article.pk]))
        page.get_by_role("tab", name="Promote").click()
        panel = page.locator("[data-search-appearance]")
        title_warning = panel.locator('[data-warning="title"]')
        page.locator('[name="seo_title"]').fill("Exercise for low back pain")
        expect(panel.locator('[data-count="title"]')).to_have_text("26")
        expect(title_warning).to_be_hidden()
        page.locator('[name="seo_title"]').fill("x" * 61)
        expect(panel.locator('[data-count="title"]')).to_have_text("61")
        expect(title_warning).to_be_visible()
        page.locator('[name="search_description"]').fill("y" * 156)
        expect(panel.locator('[data-count="description"]')).to_have_text("156")
        expect(panel.locator('[data-warning="description"]')).to_be_visible()
        expect(panel.locator('[data-empty="description"]')).to_be_hidden()
    finally:
        page.context.close()
