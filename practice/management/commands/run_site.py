"""`make run`: Django's development server, with how to sign in to the admin as the last thing
printed before the server's own log (ensure_admin's password used to scroll away above
runserver's banner, and was lost)."""

import io
import os

from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django.core.management import call_command

# The auto-reloader runs the server in a child process: the parent creates the account and
# hands what to print down through the environment, which the child inherits.
BANNER_VARIABLE = "PRACTICE_ADMIN_SIGN_IN"


class Command(RunserverCommand):
    help = "Runs the development server; says how to sign in to the admin, last."

    def handle(self, *args, **options):
        if os.environ.get("RUN_MAIN") != "true":  # the parent, or --noreload
            output = io.StringIO()
            call_command("ensure_admin", stdout=output, no_color=True)
            os.environ[BANNER_VARIABLE] = output.getvalue()
        super().handle(*args, **options)

    def on_bind(self, server_port):
        super().on_bind(server_port)
        banner = os.environ.get(BANNER_VARIABLE, "").rstrip()
        if banner:
            self.stdout.write(f"\nAdmin: {self.protocol}://{self.addr}:{server_port}/admin/")
            self.stdout.write(self.style.SUCCESS(banner))
