"""Insurance plans become translatable, step 3: every plan has a locale and a translation key,
each translation key at most once per locale, and a plan's name is unique per locale (its
Spanish translation may keep the name, "Medicare Part B")."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0005_insurance_plan_bootstrap_locale"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="insuranceplan",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="insuranceplan",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="insuranceplan",
            name="name",
            field=models.CharField(help_text="e.g. 'Medicare Part B'.", max_length=120),
        ),
        migrations.AlterField(
            model_name="insuranceplan",
            name="accepted",
            field=models.BooleanField(
                default=True,
                help_text="Untick when the practice stops taking the plan; it disappears from "
                "the site and the consultation form. The English plan decides, for its "
                "translations too.",
                verbose_name="currently accepted",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="insuranceplan",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="insuranceplan",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="unique_insurance_plan_name_per_locale"
            ),
        ),
    ]
