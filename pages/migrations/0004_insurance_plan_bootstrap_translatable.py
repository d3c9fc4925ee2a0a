"""Insurance plans become translatable, step 1 of Wagtail's three: a locale and a translation
key, empty for now, so the plans already stored survive the change."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_location_services"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="insuranceplan",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
            ),
        ),
        migrations.AddField(
            model_name="insuranceplan",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]
