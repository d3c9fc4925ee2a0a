import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


def second_factor_note(username):
    """Says plainly what staff_auth lets this account do here, and what production asks for."""
    if not settings.STAFF_MFA_REQUIRED:
        return "\n  Second factor: off here (STAFF_MFA_REQUIRED=false); production requires one."
    if username in settings.STAFF_MFA_SKIP_USERS:
        return "\n  This development account may skip the second factor; production requires one."
    return "\n  After the password, set up a second factor (passkey or authenticator app)."


class Command(BaseCommand):
    help = "Creates an administrator account when none exists and prints its password once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        existing = list(
            User.objects.filter(is_superuser=True, is_active=True)
            .order_by("pk")
            .values_list(User.USERNAME_FIELD, flat=True)
        )
        if existing:
            names = ", ".join(existing)
            self.stdout.write(
                f"An administrator account already exists ({names}); none was created.\n"
                f"Lost its password? Set a new one with:\n"
                f"  .venv/bin/python manage.py changepassword {existing[0]}\n"
                "  log in at: /admin/login/" + second_factor_note(existing[0])
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username, email=f"{username}@practice.example", password=password
        )
        rule = "=" * 60
        self.stdout.write(
            self.style.SUCCESS(
                f"{rule}\nAdministrator account created (shown only this once):\n"
                f"  user name: {username}\n  password:  {password}\n"
                f"  log in at: /admin/login/{second_factor_note(username)}\n{rule}"
            )
        )
