"""A test database's rows copied out and written back as the database stores them.

Two copies are taken once a run and written back many times: what migrations made (Wagtail's
root page, locale and collection, the content types, permissions and staff groups), after
every flush of a test that commits, and the demo site (tests/demo_snapshot.py). Writing rows
back takes milliseconds, where Django's flush re-creates content types and permissions through
the post_migrate signal and its serialized rollback saves every object one by one.

PostgreSQL copies with COPY; SQLite reads every column through an expression, so that Django's
converters (dates, decimals, booleans) leave the values as stored. Tables the database fills
itself are left to it: SQLite's full-text index follows its triggers on
wagtailsearch_indexentry. PostgreSQL's sequences never go back (rollbacks and flushes leave
them), so ids written back are never handed out again.
"""

from django.core.management import call_command
from django.db import connection, transaction


def read(tables=None):
    """{table: rows} for every table, or for each of `tables`."""
    tables = _copied_tables() if tables is None else tables
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return {table: _copy_out(cursor, table) for table in tables}
        return {table: _select(cursor, table) for table in tables}


def read_filled():
    """{table: rows} for the tables that hold rows."""
    return {table: rows for table, rows in read().items() if _holds_rows(rows)}


def write(tables):
    """Replace the rows of each table in `tables` with the ones given."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'DELETE FROM "{table}"')
        for table, rows in tables.items():
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                    copy.write(rows)
            elif rows[1]:
                columns, values = rows
                names = ", ".join(f'"{column}"' for column in columns)
                marks = ", ".join("?" for _ in columns)
                connection.connection.executemany(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values
                )


def empty_to(tables):
    """Empty every table, then write back `tables` (what migrations made): a flush without the
    post_migrate signal, whose content types and permissions would only be replaced."""
    call_command(
        "flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True
    )
    write(tables)


def _holds_rows(rows):
    return bool(rows[1]) if isinstance(rows, tuple) else bool(rows)


def _copied_tables():
    names = connection.introspection.table_names(include_views=False)
    # SQLite's own bookkeeping and the full-text index its triggers keep.
    return [
        name
        for name in names
        if not name.startswith("sqlite_") and not name.startswith("wagtailsearch_indexentry_fts")
    ]


def _copy_out(cursor, table):
    with cursor.cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
        return b"".join(bytes(block) for block in copy)


def _select(cursor, table):
    # PRAGMA, not Django's introspection, which parses the table's SQL for its collations.
    columns = [row[1] for row in connection.connection.execute(f'PRAGMA table_info("{table}")')]
    # coalesce(column, NULL) is the column's value as stored, but no longer a plain column, so
    # sqlite3 applies no converter for its declared type.
    expressions = ", ".join(f'coalesce("{column}", NULL)' for column in columns)
    rows = connection.connection.execute(f'SELECT {expressions} FROM "{table}"').fetchall()
    return columns, rows
