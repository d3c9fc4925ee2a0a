"""Insurance plans become translatable, step 2: every plan stored so far is English (the
default language's locale) with a translation key of its own."""

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import bootstrap_translatable_model


def bootstrap(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    InsurancePlan = apps.get_model("pages", "InsurancePlan")
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    # Wagtail's own migrations make this locale; a database made otherwise may lack it.
    locale, _ = Locale.objects.get_or_create(language_code=language)
    bootstrap_translatable_model(InsurancePlan, locale)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_insurance_plan_bootstrap_translatable"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Backwards, step 1's reversal drops the fields this fills.
    operations = [migrations.RunPython(bootstrap, migrations.RunPython.noop)]
