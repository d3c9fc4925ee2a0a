"""Real Chromium through Playwright, and axe-core for accessibility checks."""

import os
from pathlib import Path

import pytest

from tests.helpers import bench_stack, restore_migration_data

from .helpers import new_page

CHROMIUM = bench_stack().CHROMIUM
CHROMIUM_ARGS = bench_stack().CHROMIUM_ARGS


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (install the 'chromium' package)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " Browser tests may not be skipped in CI.")
        pytest.skip(message)
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions do (helpers.new_page): with both databases' suites
    # side by side on two cores, the editor's preview has taken over the default 5 s to redraw.
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    page = new_page(chromium)
    yield page
    page.context.close()


@pytest.fixture(params=[360, 1280])
def width(request):
    """A small phone's width, then a desktop's: a test that asks for it runs at each."""
    return request.param


@pytest.fixture
def page_at_width(browser_page, width):
    """The browser tab, `width` pixels wide."""
    browser_page.set_viewport_size({"width": width, "height": 800})
    return browser_page


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture(autouse=True)
def _restore_migration_data(migration_data, transactional_db):
    """Live-server tests flush the database after each test: each starts from what migrations
    made."""
    restore_migration_data(migration_data)


@pytest.fixture(scope="module")
def _module_demo_committed(migration_data, django_db_blocker):
    """The demo site built and committed once for a module, so the live server's thread sees
    it, and flushed when the module ends. Between the module's tests the usual flush is held
    back: every test in a browser module that uses the demo uses it (and what one journey
    sends, a comment or a request, changes nothing the next one looks for). Building it takes
    10-25 s; once per test was 19 builds a run."""
    from django.test import TransactionTestCase

    from tests import db_rows
    from tests.demo_snapshot import build_demo

    with django_db_blocker.unblock():
        restore_migration_data(migration_data)
        build_demo()
    flush_after_each_test = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = lambda test_case: None
    try:
        yield
    finally:
        TransactionTestCase._fixture_teardown = flush_after_each_test
        # As a test that commits is flushed (tests/conftest.py): PostgreSQL's sequences go on
        # counting, so the ids put back (the root page is 1) are never handed out again.
        with django_db_blocker.unblock():
            db_rows.empty_to(migration_data)


@pytest.fixture
def demo_site(_module_demo_committed, _restore_migration_data, transactional_db):
    """The demo site, as `make run` shows it, committed for the live server (the rolled-back
    build of tests/conftest.py lives in a transaction the server's thread cannot see)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
