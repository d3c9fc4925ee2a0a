"""The opening-hours editor's examples say what the 24-hour times mean the way the site
prints them (issue 14): "08:00 for 8:00 a.m.". Help text only: no change to the tables."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("pages", "0006_insurance_plan_translatable")]

    operations = [
        migrations.AlterField(
            model_name="openinghours",
            name="opens",
            field=models.TimeField(help_text="On the 24-hour clock: 08:00 for 8:00 a.m."),
        ),
        migrations.AlterField(
            model_name="openinghours",
            name="closes",
            field=models.TimeField(help_text="On the 24-hour clock: 17:00 for 5:00 p.m."),
        ),
    ]
