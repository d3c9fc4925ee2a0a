"""Every existing topic becomes a topic in the site's default language (English), with its own
translation key: step two of Wagtail's three for making a model translatable (0007 added the
fields empty, 0009 makes them required and unique together)."""

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import bootstrap_translatable_model


def default_locale(Locale):
    """The locale of LANGUAGE_CODE; else the first one Wagtail made (its migrations create one
    from the LANGUAGE_CODE of the day, which may have been spelled differently)."""
    try:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        code = settings.LANGUAGE_CODE
    return (
        Locale.objects.filter(language_code=code).first()
        or Locale.objects.order_by("pk").first()
        or Locale.objects.create(language_code=code)
    )


def bootstrap_topics(apps, schema_editor):
    Topic = apps.get_model("education", "Topic")
    if not Topic.objects.filter(translation_key__isnull=True).exists():
        return
    bootstrap_translatable_model(Topic, default_locale(apps.get_model("wagtailcore", "Locale")))


class Migration(migrations.Migration):
    dependencies = [("education", "0007_topics_get_a_locale")]

    # Backwards, 0007's fields are simply dropped.
    operations = [migrations.RunPython(bootstrap_topics, migrations.RunPython.noop)]
