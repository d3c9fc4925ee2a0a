"""Requests sent through a translated form stored the label the patient clicked ("Por
teléfono"); they now store the default language's value ("Phone"), as new requests do (see
choices.py). Each label maps to the value at the same position in the default language's field
of the same name. A value that matches nothing is kept as it was and listed, by request and
field, for the front desk to look at. Nothing is undone on the way back: the English values read
correctly in every version of the queue."""

import sys

from django.conf import settings
from django.db import migrations
from wagtail.contrib.forms.forms import _split_by_newline_or_comma
from wagtail.coreutils import get_supported_content_language_variant

CHOICE_FIELD_TYPES = ("radio", "dropdown", "checkboxes")


def _choices(text):
    return [choice for choice in _split_by_newline_or_comma(text or "") if choice]


def _value_maps(apps, page, default_locale_id):
    """{clean_name: {label or value: value}} for a translated page's choice fields; {} for a
    page in the default language or without one."""
    Page = apps.get_model("wagtailcore", "Page")
    Field = apps.get_model("consultation", "ConsultationFormField")
    if page.locale_id == default_locale_id:
        return {}
    source = Page.objects.filter(
        translation_key=page.translation_key, locale_id=default_locale_id
    ).first()
    if source is None:
        return {}
    source_fields = {field.clean_name: field for field in Field.objects.filter(page_id=source.pk)}
    maps = {}
    for field in Field.objects.filter(page_id=page.pk, field_type__in=CHOICE_FIELD_TYPES):
        source_field = source_fields.get(field.clean_name)
        if source_field is None:
            continue
        values = _choices(source_field.choices)
        labels = _choices(field.choices)
        maps[field.clean_name] = {value: value for value in values}
        maps[field.clean_name].update(zip(labels, values))
    return maps


def store_english_values(apps, schema_editor):
    Request = apps.get_model("consultation", "ConsultationRequest")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    default_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    default_locale = Locale.objects.filter(language_code=default_code).first()
    if default_locale is None:
        return
    maps_by_page = {}
    unmatched = []
    for request in Request.objects.exclude(page=None).order_by("pk").iterator():
        if request.page_id not in maps_by_page:
            page = Page.objects.get(pk=request.page_id)
            maps_by_page[request.page_id] = _value_maps(apps, page, default_locale.pk)
        changed = False
        for name, values in maps_by_page[request.page_id].items():
            answer = request.form_data.get(name)
            answers = answer if isinstance(answer, list) else [answer]
            converted = []
            for item in answers:
                if item in (None, ""):
                    converted.append(item)
                elif item in values:
                    converted.append(values[item])
                else:
                    converted.append(item)
                    unmatched.append((request.pk, name, item))
            new = converted if isinstance(answer, list) else converted[0]
            if new != answer:
                request.form_data[name] = new
                changed = True
        if changed:
            request.save(update_fields=["form_data"])
    for pk, name, value in unmatched:
        sys.stdout.write(
            f"\n  Consultation request {pk}: {name} = {value!r} matches no choice; kept as it was."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0007_remove_consultationrequest_regarding"),
    ]

    operations = [
        migrations.RunPython(store_english_values, migrations.RunPython.noop),
    ]
