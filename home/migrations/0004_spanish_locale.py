"""The site speaks English and Spanish: a Locale for each (settings.LANGUAGES)."""

from django.conf import settings
from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_home_page_sections"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
