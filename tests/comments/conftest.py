import pytest

from tests.factories import UserFactory


@pytest.fixture
def moderator(db):
    """A member of staff in the Comment moderators group, and in no other."""
    return UserFactory(
        username="moderator", first_name="Mo", last_name="Reyes", groups=["Comment moderators"]
    )
