"""Runs bench/db_outage.py: real gunicorn, real PostgreSQL behind a proxy that is cut and restored.

Only on a PostgreSQL test run (the drill needs a server); it never stops the server itself.
"""

from .helpers import postgresql_only, run_drill


@postgresql_only
def test_gunicorn_answers_503_during_a_database_outage_and_recovers_without_restart():
    output = run_drill("db_outage.py", timeout=240)
    assert "statuses while down: [503, 503, 503, 503, 503]" in output
