"""The demo site, built once per test run and copied back for every module that walks it.

`home.demo.build` takes 15-25 s (pages published one by one, their revisions, references and
search entries, the pictures drawn); the smoke tests of about twenty modules each need a fresh
copy, since each module's copy is rolled back or flushed when the module ends. The first build
of a run is real. What it changed, table by table, is then read row by row, and every later
module gets those rows written back: the same pages, revisions, pictures and search entries
with the same ids, in well under a second. The pictures' files stay in the run's MEDIA_ROOT
(tests/conftest.py empties it when the run ends). The tests of the builder itself
(tests/home/test_demo_content.py) still build it for real.

Rows are copied as the database stores them: PostgreSQL's COPY, and on SQLite every column
read through an expression, so that Django's converters (dates, decimals, booleans) leave the
values as stored. Tables the database fills itself are left to it: SQLite's full-text index
follows its triggers on wagtailsearch_indexentry. PostgreSQL's sequences never go back
(rollbacks and flushes leave them), so the ids copied back are never handed out again.
"""

from django.db import connection, transaction

_built = None


def build_demo():
    """Build the demo site in the database, or copy back the rows of the run's first build."""
    global _built
    if _built is not None:
        _write(_built)
        return
    from home import demo

    before = _read()
    demo.build(log=lambda message: None)
    after = _read()
    _built = {table: rows for table, rows in after.items() if before.get(table) != rows}


def _copied_tables():
    names = connection.introspection.table_names(include_views=False)
    # SQLite's own bookkeeping and the full-text index its triggers keep.
    return [
        name
        for name in names
        if not name.startswith("sqlite_") and not name.startswith("wagtailsearch_indexentry_fts")
    ]


def _read():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return {table: _copy_out(cursor, table) for table in _copied_tables()}
        return {table: _select(cursor, table) for table in _copied_tables()}


def _write(tables):
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


def _copy_out(cursor, table):
    with cursor.cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
        return b"".join(bytes(block) for block in copy)


def _select(cursor, table):
    columns = [
        column.name for column in connection.introspection.get_table_description(cursor, table)
    ]
    # coalesce(column, NULL) is the column's value as stored, but no longer a plain column, so
    # sqlite3 applies no converter for its declared type.
    expressions = ", ".join(f'coalesce("{column}", NULL)' for column in columns)
    rows = connection.connection.execute(f'SELECT {expressions} FROM "{table}"').fetchall()
    return columns, rows
