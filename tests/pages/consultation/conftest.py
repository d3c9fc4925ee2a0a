import pytest
from wagtail.models import Locale

from tests.factories import UserFactory

from .helpers import SPANISH_FIELDS, SPANISH_PAGE


@pytest.fixture
def front_desk_user(db):
    """Staff who answer consultation requests (the Front desk group), and nothing more."""
    return UserFactory(username="frontdesk", email="desk@example.com", groups=["Front desk"])


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def spanish_consultation_page(consultation_page, spanish):
    """/es/consultation/: the consultation page translated as an editor does it (Wagtail's
    copy_for_translation, then the wording and every question's label in Spanish), published."""
    page = consultation_page.copy_for_translation(spanish, copy_parents=True)
    for name, value in SPANISH_PAGE.items():
        setattr(page, name, value)
    fields = list(page.form_fields.all())
    for field in fields:
        for name, value in SPANISH_FIELDS[field.clean_name].items():
            setattr(field, name, value)
    page.form_fields = fields
    page.save_revision().publish()
    return page
