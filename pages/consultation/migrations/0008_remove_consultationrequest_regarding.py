"""The one page a request asked about now lives in the field for its kind (see 0007)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0007_requests_before_languages"),
    ]

    operations = [
        migrations.RemoveField(model_name="consultationrequest", name="regarding"),
    ]
