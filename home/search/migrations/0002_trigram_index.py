"""PostgreSQL only: the pg_trgm extension and a trigram index on the spelling vocabulary, for
"Did you mean" (home/search/spelling.py). On SQLite it does nothing: there the closest words
are found in Python."""

from django.db import migrations

INDEX = "search_spellingterm_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_spellingterm USING gin (term gin_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: another part of the database may have come to use it.
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
