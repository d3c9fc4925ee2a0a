"""Each request records the language of the form the patient used, and may name a condition or
treatment, a clinician and a location at once (it named one page, `regarding`, before: 0007
moves it to the field for its kind, 0008 removes it).

Three migrations, each its own transaction: on PostgreSQL, rows changed in a transaction hold
deferred foreign-key checks, and the table can then be neither indexed nor altered in it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def regarding_page_field(verbose_name):
    return models.ForeignKey(
        blank=True,
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to=settings.WAGTAIL_PAGE_MODEL,
        verbose_name=f"asked about ({verbose_name})",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0005_insurance_field_type"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="consultationrequest",
            name="language",
            field=models.CharField(blank=True, db_index=True, max_length=16),
        ),
        migrations.AddField(
            model_name="consultationrequest",
            name="regarding_topic",
            field=regarding_page_field("condition or treatment"),
        ),
        migrations.AddField(
            model_name="consultationrequest",
            name="regarding_clinician",
            field=regarding_page_field("clinician"),
        ),
        migrations.AddField(
            model_name="consultationrequest",
            name="regarding_location",
            field=regarding_page_field("location"),
        ),
    ]
