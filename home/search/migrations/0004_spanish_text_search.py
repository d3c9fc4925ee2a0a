"""PostgreSQL only (on SQLite it does nothing: FTS5 ignores accents itself, and spelling is
compared in Python).

- `spanish_unaccent`: PostgreSQL's Spanish stemming and stop words, after unaccent, so that
  "ciatica" and "ciática" are one word. Spanish pages are indexed and searched in it
  (home/search/backend.py).
- `simple_unaccent`: no stemming, accents ignored: the suggestions as you type, in any language.
- The trigram index for "Did you mean" moves to the accent-free form of each word.
"""

from django.db import migrations

OLD_INDEX = "search_spellingterm_trgm"
INDEX = "search_spellingterm_folded_trgm"
# The token types that may carry accents; plain ASCII words need no unaccent.
ACCENTED_TOKENS = "hword, hword_part, word"


def configuration(name, source, dictionary):
    return [
        f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
        f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})",
        f"ALTER TEXT SEARCH CONFIGURATION {name} "
        f"ALTER MAPPING FOR {ACCENTED_TOKENS} WITH unaccent, {dictionary}",
    ]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statements = [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        *configuration("spanish_unaccent", "spanish", "spanish_stem"),
        *configuration("simple_unaccent", "simple", "simple"),
        f"DROP INDEX IF EXISTS {OLD_INDEX}",
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_spellingterm "
        "USING gin (folded gin_trgm_ops)",
    ]
    for statement in statements:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The unaccent extension stays: another part of the database may have come to use it.
    for statement in [
        f"DROP INDEX IF EXISTS {INDEX}",
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON search_spellingterm "
        "USING gin (term gin_trgm_ops)",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS spanish_unaccent",
    ]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_languages")]

    operations = [migrations.RunPython(forwards, backwards)]
