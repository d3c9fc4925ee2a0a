"""Editors may use the admin's "Translate" action (wagtail.contrib.simple_translation), which
copies a page into the Spanish tree as a draft; the copy then goes through medical review
like any page."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_translate_permission(apps, schema_editor):
    # Django creates model permissions after the last migration; this one is needed now.
    app_config = apps.get_app_config("simple_translation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_spanish_locale"),
        ("education", "0005_editors_manage_languages"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_translate_permission, migrations.RunPython.noop)]
