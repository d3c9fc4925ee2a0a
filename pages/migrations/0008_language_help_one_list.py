"""One list of the languages the practice offers help in (issue 27): the taglines each notice
kept as its own rows move to the LanguageHelp snippet, once per language (the English notice's
name for it in `language`, the Spanish notice's in `language_es`), and each notice that had
taglines now shows the one list."""

from django.db import migrations, models


def move_taglines(apps, schema_editor):
    NoticePage = apps.get_model("pages", "NoticePage")
    LanguageTagline = apps.get_model("pages", "LanguageTagline")
    LanguageHelp = apps.get_model("pages", "LanguageHelp")
    Revision = apps.get_model("wagtailcore", "Revision")
    rows = {}
    # English notices first: their order and text decide; Spanish ones add the Spanish names.
    taglines = LanguageTagline.objects.select_related("page__locale").order_by(
        "page__locale__language_code", "page_id", "sort_order", "pk"
    )
    for tagline in taglines:
        spanish = tagline.page.locale.language_code.startswith("es")
        row = rows.setdefault(
            tagline.language_code,
            {"language": "", "language_es": "", "tagline": tagline.text, "order": len(rows)},
        )
        row["language_es" if spanish else "language"] = row[
            "language_es" if spanish else "language"
        ] or tagline.language
    for code, row in rows.items():
        LanguageHelp.objects.create(
            language=row["language"] or row["language_es"],
            language_es=row["language_es"],
            language_code=code,
            tagline=row["tagline"],
            sort_order=row["order"],
        )
    pages = NoticePage.objects.filter(pk__in=taglines.values("page_id"))
    for page in pages:
        page.shows_language_help = True
        page.save(update_fields=["shows_language_help"])
        # A draft published later keeps the list too.
        if page.latest_revision_id:
            revision = Revision.objects.get(pk=page.latest_revision_id)
            revision.content["shows_language_help"] = True
            revision.save(update_fields=["content"])


def move_back(apps, schema_editor):
    NoticePage = apps.get_model("pages", "NoticePage")
    LanguageTagline = apps.get_model("pages", "LanguageTagline")
    LanguageHelp = apps.get_model("pages", "LanguageHelp")
    rows = list(LanguageHelp.objects.order_by("sort_order", "pk"))
    for page in NoticePage.objects.filter(shows_language_help=True).select_related("locale"):
        spanish = page.locale.language_code.startswith("es")
        for n, row in enumerate(rows):
            LanguageTagline.objects.create(
                page=page,
                language=(row.language_es if spanish else "") or row.language,
                language_code=row.language_code,
                text=row.tagline,
                sort_order=n,
            )


class Migration(migrations.Migration):

    dependencies = [
        ("pages", "0007_opening_hours_us_time_examples"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name='noticepage',
            name='shows_language_help',
            field=models.BooleanField(default=False, help_text='The taglines of every language the practice offers help in, kept once under Language help in the admin menu.', verbose_name='show the language taglines'),
        ),
        migrations.CreateModel(
            name='LanguageHelp',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('language', models.CharField(help_text="Its name in English, e.g. 'Spanish'.", max_length=60)),
                ('language_es', models.CharField(blank=True, help_text="e.g. 'español'.", max_length=60, verbose_name='language in Spanish')),
                ('language_code', models.CharField(help_text="e.g. 'es' for Spanish, 'zh-Hant' for traditional Chinese.", max_length=20)),
                ('tagline', models.TextField(help_text='Written in that language: free help in that language, and the phone number with TTY 711.', max_length=600)),
            ],
            options={
                'verbose_name': 'language help tagline',
                'ordering': ['sort_order'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('language_code',), name='one_tagline_per_language')],
            },
        ),
        migrations.RunPython(move_taglines, move_back),
        migrations.DeleteModel(
            name='LanguageTagline',
        ),
    ]
