"""The one page a request asked about now lives in the field for its kind (see 0006)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0006_request_language_and_pages_asked_about"),
    ]

    operations = [
        migrations.RemoveField(model_name="consultationrequest", name="regarding"),
    ]
