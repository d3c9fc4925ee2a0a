import os
import shutil

import pytest
from django.conf import settings

from practice import demo


@pytest.fixture(autouse=True, scope="session")
def _isolated_media_root():
    """Uploaded and generated images go to a scratch folder that is emptied after the run."""
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached fragments and lookups never outlive a test: the next one has other content under
    the same primary keys."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def migration_data(django_db_setup, django_db_blocker):
    """What migrations put in the fresh test database, taken before any test runs."""
    from django.db import connection

    with django_db_blocker.unblock():
        if not connection.introspection.table_names():
            return "[]"  # no collected test needs the database, so pytest-django made none
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def demo_site(db):
    """The full demo site, as `make run` shows it."""
    demo.build(log=lambda message: None)
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(demo_site):
    return demo_site.root_page.specific


def pytest_configure(config):
    # Playwright's sync API runs an event loop in the test thread; the ORM calls our
    # fixtures make there are still plain synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
