"""Synonyms and the spelling vocabulary get a language (every row so far is English), and each
vocabulary word its accent-free form, which typed words are compared with."""

import unicodedata

from django.db import migrations, models

LANGUAGES = [("en-us", "English"), ("es", "Español")]


def fold(text):
    # As home.search.words.fold does today (a migration keeps its own copy).
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def fill_folded(apps, schema_editor):
    SpellingTerm = apps.get_model("search", "SpellingTerm")
    terms = list(SpellingTerm.objects.all())
    for term in terms:
        term.folded = fold(term.term)
    SpellingTerm.objects.bulk_update(terms, ["folded"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_trigram_index")]

    operations = [
        migrations.AddField(
            model_name="synonym",
            name="language",
            field=models.CharField(
                choices=LANGUAGES,
                default="en-us",
                help_text="The searches it serves: the English site's or the Spanish one's.",
                max_length=8,
            ),
        ),
        migrations.AlterField(
            model_name="synonym",
            name="lay_term",
            field=models.CharField(
                help_text="What patients type, e.g. 'pinched nerve'. Letters, numbers and spaces.",
                max_length=80,
            ),
        ),
        migrations.AlterModelOptions(
            name="synonym", options={"ordering": ["language", "lay_term"]}
        ),
        migrations.AddConstraint(
            model_name="synonym",
            constraint=models.UniqueConstraint(
                fields=("language", "lay_term"), name="one_lay_term_a_language"
            ),
        ),
        migrations.AddField(
            model_name="spellingterm",
            name="language",
            field=models.CharField(
                choices=LANGUAGES,
                default="en-us",
                help_text="The language of the pages the word comes from.",
                max_length=8,
            ),
        ),
        migrations.AddField(
            model_name="spellingterm",
            name="folded",
            field=models.CharField(default="", editable=False, max_length=60),
            preserve_default=False,
        ),
        migrations.RunPython(fill_folded, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="spellingterm",
            name="term",
            field=models.CharField(max_length=60),
        ),
        migrations.AlterModelOptions(
            name="spellingterm", options={"ordering": ["language", "term"]}
        ),
        migrations.AddConstraint(
            model_name="spellingterm",
            constraint=models.UniqueConstraint(
                fields=("language", "term"), name="one_term_a_language"
            ),
        ),
    ]
