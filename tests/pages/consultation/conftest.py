import pytest
from django.contrib.auth.models import Group

from pages.consultation.models import ConsultationFormPage


@pytest.fixture
def consultation_page(demo_site):
    return ConsultationFormPage.objects.get(slug="consultation")


@pytest.fixture
def front_desk_user(django_user_model):
    user = django_user_model.objects.create_user("frontdesk", "desk@example.com", "pw")
    user.groups.add(Group.objects.get(name="Front desk"))
    return user
