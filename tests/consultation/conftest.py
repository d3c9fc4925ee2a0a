import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from pages.models import ConsultationFormPage


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters live in the cache: every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consultation_page(demo_site):
    return ConsultationFormPage.objects.get(slug="consultation")


@pytest.fixture
def front_desk_user(django_user_model):
    user = django_user_model.objects.create_user("frontdesk", "desk@example.com", "pw")
    user.groups.add(Group.objects.get(name="Front desk"))
    return user


@pytest.fixture
def editor_user(django_user_model):
    """An editor who writes articles: Wagtail's Editors group can edit every page."""
    user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.com", "pw")
