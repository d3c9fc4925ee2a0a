"""Editors and medical reviewers may add and change the languages clinicians speak (they
already edit clinician profiles, where languages are ticked)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Medical reviewers")
CODENAMES = ["add_language", "change_language"]


def grant_language_permissions(apps, schema_editor):
    # Django creates model permissions after the last migration; these are needed now.
    app_config = apps.get_app_config("education")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="education", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("education", "0004_conditions_treatments_and_clinician_profiles")]

    operations = [migrations.RunPython(grant_language_permissions, migrations.RunPython.noop)]
