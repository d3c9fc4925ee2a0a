from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_load_demo_content_is_idempotent():
    call_command("load_demo_content", stdout=StringIO())
    count = Page.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert Page.objects.count() == count
    assert HomePage.objects.count() == 1


def test_load_demo_content_if_empty_leaves_a_site_with_content_alone():
    call_command("load_demo_content", stdout=StringIO())
    Page.objects.get(slug="about").delete()
    out = StringIO()
    call_command("load_demo_content", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert not Page.objects.filter(slug="about").exists()


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
