"""Each request records the language of the form the patient used, and may name a condition or
treatment, a clinician and a location at once (it named one page, `regarding`, before; 0007
removes it).

Every request stored before this migration came through the English-only site, so it is
marked English; its one page moves to the field for its kind.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The page models (content types are named by app label and model) and the field each fills.
FIELD_FOR_PAGE_TYPE = {
    ("education", "conditionpage"): "regarding_topic",
    ("education", "treatmentpage"): "regarding_topic",
    ("education", "clinicianpage"): "regarding_clinician",
    ("pages", "locationpage"): "regarding_location",
}


def checks_now(schema_editor):
    """On PostgreSQL, foreign keys are checked at commit: rows changed here would leave checks
    pending, and this migration's indexes (created at its end) or 0007's column drop could not
    be made in the same transaction ("pending trigger events"). Checked at once, none pend."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def forwards(apps, schema_editor):
    checks_now(schema_editor)
    ConsultationRequest = apps.get_model("consultation", "ConsultationRequest")
    ConsultationRequest.objects.update(language="en-us")
    asked = ConsultationRequest.objects.exclude(regarding=None).select_related(
        "regarding__content_type"
    )
    for item in asked.iterator():
        content_type = item.regarding.content_type
        field = FIELD_FOR_PAGE_TYPE.get((content_type.app_label, content_type.model))
        if field:
            setattr(item, field, item.regarding)
            item.save(update_fields=[field])


def backwards(apps, schema_editor):
    checks_now(schema_editor)
    ConsultationRequest = apps.get_model("consultation", "ConsultationRequest")
    for item in ConsultationRequest.objects.iterator():
        page_id = (
            item.regarding_topic_id or item.regarding_clinician_id or item.regarding_location_id
        )
        if page_id:
            item.regarding_id = page_id
            item.save(update_fields=["regarding"])


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
        ("contenttypes", "0002_remove_content_type_name"),
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
        # Last, so that going back removes the fields only after their pages went back to
        # `regarding`. 0007 drops `regarding` in a transaction of its own.
        migrations.RunPython(forwards, backwards),
    ]
