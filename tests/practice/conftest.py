import contextlib

import psycopg
import pytest

from tests.helpers import bench_stack

from .helpers import postgresql_server


@pytest.fixture(scope="session")
def built_demo(django_db_blocker, migration_data):
    """The demo built once, in a throwaway database on the tests' PostgreSQL server, for every
    drill of the run to copy (bench/stack.py, `load_demo`): each drill migrated and loaded its
    own before, a minute or more each."""
    from django.db import connection

    with django_db_blocker.unblock():
        server = postgresql_server()
    # Between tests the tests' own database holds what migrations made and nothing else: the
    # demo's database starts as a copy of it rather than migrating again (a minute of CPU).
    # PostgreSQL copies a database only while no one is connected to it: this process's
    # connection is closed (Django opens it again when next needed), and if anyone else is
    # still connected the demo's database is migrated after all.
    stack = bench_stack()
    name = connection.settings_dict["NAME"]
    # No copy when no collected test needed the tests' database (none was made), or inside a
    # transaction (its connection cannot be closed).
    can_copy = bool(migration_data) and not connection.in_atomic_block
    with contextlib.ExitStack() as demo:
        variables = None
        if can_copy:
            connection.close()
            with contextlib.suppress(psycopg.errors.ObjectInUse):
                variables = demo.enter_context(stack.built_demo(server, migrated=name))
        if variables is None:
            variables = demo.enter_context(stack.built_demo(server))
        yield variables
