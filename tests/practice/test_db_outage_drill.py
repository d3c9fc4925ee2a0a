"""Runs bench/db_outage.py: real gunicorn, real PostgreSQL behind a proxy that is cut and restored,
and deploy/nginx.conf in front, through which patients get the app's themed 503, never a bare 502.

Only on a PostgreSQL test run (the drill needs a server); it never stops the server itself. With
CI=true a missing nginx fails the test.
"""

import os

import pytest

from tests.helpers import bench_module

from .helpers import postgresql_only, run_drill


@postgresql_only
def test_gunicorn_answers_503_during_a_database_outage_and_recovers_without_restart(built_demo):
    through_nginx = bench_module("nginx_proxy").nginx_installed()
    if not through_nginx and os.environ.get("CI") == "true":
        pytest.fail("nginx is missing; `make checkers` installs it (apt-get)")
    output = run_drill("db_outage.py", timeout=300, built_demo=built_demo)
    assert "statuses while down: [503, 503, 503, 503, 503]" in output
    if through_nginx:  # the drill checked each count: themed 503s and no bare 502
        assert "RESULT through_nginx" in output
