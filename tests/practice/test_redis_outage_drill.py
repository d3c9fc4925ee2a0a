"""Runs bench/redis_outage.py: gunicorn under load while a redis-server of the drill's own is
stopped and started again. Wants 0 errors and 0 lost submissions.

Only on a PostgreSQL test run (the drill needs a server); it never touches the shared Redis.
"""

import os
import shutil

import pytest

from tests.practice.helpers import postgresql_only, run_drill


@postgresql_only
def test_redis_stopping_under_load_costs_no_request_and_no_submission(built_demo):
    if shutil.which("redis-server") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing (apt-get install redis-server)")
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    output = run_drill("redis_outage.py", timeout=300, built_demo=built_demo)
    assert "0 errors" in output
    assert " 0 lost" in output
