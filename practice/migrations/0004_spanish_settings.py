"""The settings patients read get a Spanish counterpart each (issue 15), shown on Spanish
pages; the emergency notice starts with a Spanish text of its own, so no Spanish page shows
it in English."""

import wagtail.fields
from django.db import migrations, models

SPANISH_HELP = "Shown on Spanish pages. Leave empty to show the English there."


class Migration(migrations.Migration):
    dependencies = [("practice", "0003_primary_location")]

    operations = [
        migrations.AddField(
            model_name="practicesettings",
            name="tagline_es",
            field=models.CharField(
                blank=True, help_text=SPANISH_HELP, max_length=200, verbose_name="tagline in Spanish"
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="emergency_notice_es",
            field=models.CharField(
                blank=True,
                default="Si se trata de una emergencia, llame al 911 o vaya a la sala de "
                "emergencias más cercana.",
                help_text=SPANISH_HELP,
                max_length=255,
                verbose_name="emergency notice in Spanish",
            ),
        ),
        migrations.AddField(
            model_name="practicesettings",
            name="disclaimer_es",
            field=wagtail.fields.RichTextField(
                blank=True, help_text=SPANISH_HELP, verbose_name="medical disclaimer in Spanish"
            ),
        ),
    ]
