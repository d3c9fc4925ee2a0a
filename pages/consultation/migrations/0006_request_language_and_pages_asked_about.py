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


def forwards(apps, schema_editor):
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
        # Last: on PostgreSQL, rows changed here hold deferred foreign-key checks, and the
        # table cannot be altered again in the same transaction (hence 0007).
        migrations.RunPython(forwards, backwards),
    ]
