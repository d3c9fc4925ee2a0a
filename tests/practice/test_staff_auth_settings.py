"""The second factor's settings: production never lets staff skip it, `make run` says plainly
that its development account may, and only the admin may use passkeys (Permissions-Policy)."""

from io import StringIO

import pytest
from django.core.management import call_command

from practice.security import ADMIN_PERMISSIONS_POLICY, PERMISSIONS_POLICY

from .helpers import production_env, run_python


@pytest.mark.parametrize(
    "variables", [{"STAFF_MFA_REQUIRED": "false"}, {"STAFF_MFA_SKIP_USERS": "admin"}]
)
def test_production_refuses_to_start_when_asked_to_skip_the_second_factor(tmp_path, variables):
    result = run_python("import django; django.setup()", production_env(tmp_path, **variables))
    assert result.returncode != 0
    assert "staff always sign in with a second factor here" in result.stderr


def test_production_requires_the_second_factor(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.STAFF_MFA_REQUIRED, settings.STAFF_MFA_SKIP_USERS)"
    )
    result = run_python(code, production_env(tmp_path))
    assert result.stdout.strip() == "True []", result.stderr


@pytest.mark.django_db
def test_the_make_run_banner_says_the_development_account_may_skip(settings):
    settings.STAFF_MFA_SKIP_USERS = ["admin"]
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    assert "This development account may skip the second factor; production requires one." in (
        out.getvalue()
    )
    settings.STAFF_MFA_SKIP_USERS = []
    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "may skip" not in again.getvalue()
    assert "set up a second factor" in again.getvalue()


def test_the_development_settings_name_the_printed_account():
    from practice.settings import dev

    assert dev.STAFF_MFA_SKIP_USERS == ["admin"]


def test_only_the_admin_may_use_passkeys():
    assert "publickey-credentials-get=()" in PERMISSIONS_POLICY
    assert "publickey-credentials-get=(self)" in ADMIN_PERMISSIONS_POLICY
    assert "publickey-credentials-create=(self)" in ADMIN_PERMISSIONS_POLICY
    assert "camera=()" in ADMIN_PERMISSIONS_POLICY


@pytest.mark.django_db
def test_the_admin_answers_with_its_own_permissions_policy(client):
    assert client.get("/admin/login/")["Permissions-Policy"] == ADMIN_PERMISSIONS_POLICY
