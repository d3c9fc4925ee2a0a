import pytest

from tests.factories import UserFactory


@pytest.fixture
def front_desk_user(db):
    """Staff who answer consultation requests (the Front desk group), and nothing more."""
    return UserFactory(username="frontdesk", email="desk@example.com", groups=["Front desk"])
