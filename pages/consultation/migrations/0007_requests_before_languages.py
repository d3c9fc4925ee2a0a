"""Every request stored before 0006 came through the English-only site, so it is marked
English; the one page it asked about moves to the field for its kind (see 0006)."""

from django.db import migrations

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


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0006_request_language_and_pages_asked_about"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
