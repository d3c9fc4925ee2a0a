from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_one_account_and_prints_its_password_once():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    user = get_user_model().objects.get(username="admin")
    password = out.getvalue().split("password:")[1].split()[0]
    assert user.is_superuser and user.check_password(password)

    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "password" not in again.getvalue().split("account")[0]
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
