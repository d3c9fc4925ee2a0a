"""Fixtures every folder uses. Tests build what they need with tests/factories; the full demo
site (`demo_site`) is for the few smoke tests that walk it as `make run` shows it."""

import datetime
import os
import shutil
import time

import pytest
from django.conf import settings

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ClinicianIndexPageFactory,
    ClinicianPageFactory,
    ConsultationFormPageFactory,
    FeaturedArticleFactory,
    FooterLinkFactory,
    ImageFactory,
    SiteFactory,
    SocialLinkFactory,
    StandardPageFactory,
    SuperuserFactory,
    TopicFactory,
    UserFactory,
    change_practice_settings,
)
from tests.fixture_replay import replayed
from tests.helpers import section_fixture


def pytest_configure(config):
    # Playwright's sync API runs an event loop in the test thread; the ORM calls our
    # fixtures make there are still plain synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True, scope="session")
def _isolated_media_root():
    """Uploaded and generated images go to a scratch folder that is emptied after the run."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached fragments, lookups and rate-limit or sign-in counters never outlive a test: the
    next one has other content under the same primary keys, and its own visitors."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def _mail_is_queued(django_test_environment):
    """Django's test set-up sends mail straight to the outbox (its locmem EMAIL_BACKEND); the
    site queues every message for the background worker (practice/mail.py), and so do the tests:
    tests.helpers.mail_sent runs the queue."""
    replaced = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "practice.mail.QueuedEmailBackend"
    yield
    settings.EMAIL_BACKEND = replaced


@pytest.fixture(autouse=True)
def _empty_task_queue():
    """Nothing one test queued for the background worker (renders, email) reaches the next."""
    from django_tasks import task_backends

    task_backends["background"].clear()


@pytest.fixture(autouse=True)
def _rate_limit_window_held(monkeypatch):
    """Rate limits count in fixed windows of wall-clock time, so a test that sends 100 requests
    could see a window end half-way and its counts start again (CI did: 100 of 100 answered
    with a limit of 60). The limiter's clock stands still for the test; a test that wants the
    next window moves it on itself."""
    from types import SimpleNamespace

    from practice import spam

    held = time.time()
    monkeypatch.setattr(spam, "time", SimpleNamespace(time=lambda: held))


@pytest.fixture(autouse=True)
def _signed_in_staff_are_verified(request, monkeypatch):
    """Staff signed in by a test (`client.force_login`, `client.login`, `admin_client`) get a
    session a second factor has verified, as the real sign-in gives after the code
    (practice/staff_auth/): the test client signs in without the form, so it has no code to
    type. Each gets an authenticator app ("Test authenticator") to be verified by.

    The tests of the second factor itself ask for `password_only_sign_in`, and their sessions
    then hold the password alone. Browser tests sign in through the forms (helpers.sign_in)."""
    if "password_only_sign_in" in request.fixturenames:
        return
    from django.test import Client

    from tests.helpers import verify_session

    sign_in = Client._login

    def sign_in_verified(client, user, backend=None):
        sign_in(client, user, backend)
        verify_session(client.session, user)

    monkeypatch.setattr(Client, "_login", sign_in_verified)


@pytest.fixture
def password_only_sign_in():
    """The test client's sign-ins hold the password alone, as before the second factor."""


@pytest.fixture(scope="session", autouse=True)
def migration_data(django_db_setup, django_db_blocker):
    """What migrations put in the fresh test database, taken before any test runs: the rows of
    each table that has any (tests/db_rows.py)."""
    from django.db import connection

    from tests import db_rows

    with django_db_blocker.unblock():
        if not connection.introspection.table_names():
            return {}  # no collected test needs the database, so pytest-django made none
        return db_rows.read_filled()


@pytest.fixture(scope="session", autouse=True)
def _flush_puts_migration_data_back(migration_data):
    """After a test that commits, Django flushes every table and re-creates the content types
    and permissions through post_migrate, one query at a time; the next test then needed the
    rest of what migrations made put back as well. Instead the flush leaves post_migrate out and
    writes back the rows migrations made, with the same ids, in one statement per table."""
    from django.test import TransactionTestCase

    from tests import db_rows

    flush = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = lambda test_case: db_rows.empty_to(migration_data)
    yield
    TransactionTestCase._fixture_teardown = flush


@pytest.fixture(scope="session", autouse=True)
def _deferred_indexing(migration_data):
    """Index updates wait until something reads an index (tests/deferred_indexing.py); after
    the migrations, whose index rows are part of what every flush puts back."""
    from tests import deferred_indexing

    with pytest.MonkeyPatch.context() as patch:
        yield deferred_indexing.install(patch)


@pytest.fixture(autouse=True)
def _index_updates_of_one_test(_deferred_indexing, django_db_blocker):
    """What module-scoped fixtures saved is indexed before the module's first test; what a test
    saved and nothing read goes with its rollback."""
    with django_db_blocker.unblock():
        _deferred_indexing.run()
    yield
    _deferred_indexing.drop()


@pytest.fixture(autouse=True)
def _migration_data_restored(request, migration_data):
    """A test that commits (live server, transaction=True) starts from what migrations made,
    whatever an earlier test left: the flush after it puts those rows back
    (`_flush_puts_migration_data_back`), and this checks they are there."""
    marker = request.node.get_closest_marker("django_db")
    commits = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    if commits:
        from tests.helpers import restore_migration_data

        request.getfixturevalue("transactional_db")
        restore_migration_data(migration_data)


def pytest_collection_modifyitems(config, items):
    """Within each module, the tests on the demo site run last. The demo is built once per
    module (`_module_demo`) and stays until the module ends, where a test that builds its own
    small site would otherwise meet it. pytest-django has already put the tests that commit
    (live server, transaction=True) after the rest; that order is kept."""

    def group(item):
        commits = {"transactional_db", "live_server"} & set(item.fixturenames)
        return item.nodeid.split("::")[0], bool(commits)

    first_seen = {}
    for index, item in enumerate(items):
        first_seen.setdefault(group(item), index)
    order = {id(item): index for index, item in enumerate(items)}
    items.sort(
        key=lambda item: (
            first_seen[group(item)],
            "demo_site" in item.fixturenames,
            order[id(item)],
        )
    )


@pytest.fixture(scope="module")
def _module_demo(django_db_setup, django_db_blocker):
    """The demo site built once for a module's smoke tests, in a transaction that is rolled back
    when the module ends. Each test runs in a savepoint inside it (pytest-django's `db`), so
    what one test changes the next never sees. Building it takes 10-20 s; once per test was a
    third of the suite's time, and it is built for real once a run (tests/demo_snapshot.py)."""
    from django.db import transaction

    from tests.demo_snapshot import build_demo

    with django_db_blocker.unblock(), transaction.atomic():
        build_demo()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(_module_demo, db):
    """The full demo site, as `make run` shows it: only for the smoke tests that walk it."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


# --- A minimal site ------------------------------------------------------------------------


@pytest.fixture
def site(db):
    """The default site: a home page and the practice's details and theme, nothing else."""
    return replayed("site", SiteFactory)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def about_page(home_page):
    return replayed(
        "about_page",
        lambda: StandardPageFactory(
            parent=home_page, title="About the practice", slug="about", show_in_menus=True
        ),
    )


@pytest.fixture
def page_cache_on(settings):
    """The full-page cache switched on, empty before and after the test."""
    from django.core.cache import caches

    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()  # locmem in tests; never call clear() on a shared Redis
    yield
    caches["pages"].clear()


# --- People --------------------------------------------------------------------------------


@pytest.fixture
def editor(db):
    """An editor who writes articles (Wagtail's Editors group) and has no other role."""
    return UserFactory(username="editor", groups=["Editors"])


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="boss")


# --- Patient education: used by the education, comments, cache and browser tests ----------


article_index = section_fixture(ArticleIndexPageFactory)
clinician_index = section_fixture(ClinicianIndexPageFactory)


@pytest.fixture
def rubin(clinician_index):
    return replayed(
        "rubin",
        lambda: ClinicianPageFactory(
            parent=clinician_index,
            photo=ImageFactory(title="Test photo of Dr. Rubin"),
            photo_alt="Dr. Rubin in the clinic",
        ),
    )


@pytest.fixture
def back_pain(db):
    return replayed("back_pain", lambda: TopicFactory(name="Back pain"))


@pytest.fixture
def article(article_index, rubin, back_pain):
    return replayed(
        "article",
        lambda: ArticlePageFactory(
            parent=article_index,
            title="Exercise for low back pain",
            authors=[rubin],
            topics=[back_pain],
            hero_image=ImageFactory(title="Test hero"),
            hero_image_alt="A person stretching",
            medical_reviewer=rubin,
            last_reviewed=datetime.date(2026, 2, 1),
            display_date=datetime.date(2026, 1, 20),
        ),
    )


# --- The consultation form: used by its own tests, the cache and browser tests -------------


@pytest.fixture
def privacy_page(home_page):
    return replayed(
        "privacy_page",
        lambda: StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy"),
    )


@pytest.fixture
def consultation_page(home_page, privacy_page):
    """/consultation/, linked from every "Request a consultation" button."""

    def make():
        page = ConsultationFormPageFactory(parent=home_page, privacy_page=privacy_page)
        change_practice_settings(consultation_page=page)
        return page

    return replayed("consultation_page", make)


# --- The home page as a practice has it --------------------------------------------------


@pytest.fixture
def furnished_home_page(
    home_page, about_page, privacy_page, article_index, clinician_index, consultation_page
):
    """The home page with what the demo's has: a hero picture, three featured articles, the
    sections and About in the menu, three footer links, a social link, and the consultation
    form behind every "Request a consultation" button (the hero's included)."""
    home_page.hero_image = ImageFactory(title="Home page hero")
    home_page.save_revision().publish()
    accessibility = StandardPageFactory(
        parent=home_page, title="Accessibility statement", slug="accessibility"
    )
    for page in (about_page, privacy_page, accessibility):
        FooterLinkFactory(page=page)
    SocialLinkFactory()
    for _ in range(3):
        article = ArticlePageFactory(
            parent=article_index, hero_image=ImageFactory(), hero_image_decorative=True
        )
        FeaturedArticleFactory(home_page=home_page, page=article)
    return home_page
