import os
import shutil

import pytest
from django.conf import settings

from home import demo


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


@pytest.fixture
def editor(django_user_model):
    """An editor who writes articles (Wagtail's Editors group) and has no other role."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("editor", "editor@practice.example", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@practice.example", "pw")


def pytest_configure(config):
    # Playwright's sync API runs an event loop in the test thread; the ORM calls our
    # fixtures make there are still plain synchronous calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True, scope="session")
def _rendition_files_made_once():
    """Every test rebuilds the demo site and throws its renditions away with the transaction, so
    the same picture would be resized and encoded as AVIF, WebP and JPEG again for each test.
    The first encoding of each (image content, filter) is real; later tests reuse its bytes."""
    from django.core.files.base import ContentFile
    from wagtail.images.models import AbstractImage

    original = AbstractImage.generate_rendition_file
    made = {}

    def generate_rendition_file(image, filter, *, source=None):
        if not image.file_hash:
            return original(image, filter, source=source)
        key = (image.file_hash, filter.spec, filter.get_cache_key(image))
        if key not in made:
            file = original(image, filter, source=source)
            file.seek(0)
            made[key] = (file.read(), file.name)
        content, name = made[key]
        return ContentFile(content, name=name)

    AbstractImage.generate_rendition_file = generate_rendition_file
    yield
    AbstractImage.generate_rendition_file = original
