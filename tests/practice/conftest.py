import pytest

from tests.helpers import bench_stack

from .helpers import postgresql_server


@pytest.fixture(scope="session")
def built_demo(django_db_blocker):
    """The demo built once, in a throwaway database on the tests' PostgreSQL server, for every
    drill of the run to copy (bench/stack.py, `load_demo`): each drill migrated and loaded its
    own before, a minute or more each."""
    with django_db_blocker.unblock():
        server = postgresql_server()
    with bench_stack().built_demo(server) as variables:
        yield variables
