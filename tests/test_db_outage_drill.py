"""Runs bench/db_outage.py: real gunicorn, real PostgreSQL behind a proxy that is cut and restored.

Only on a PostgreSQL test run (the drill needs a server); it never stops the server itself.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the outage drill runs on the PostgreSQL test run",
)
def test_gunicorn_answers_503_during_a_database_outage_and_recovers_without_restart():
    settings = connection.settings_dict
    server = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    result = subprocess.run(
        [sys.executable, "bench/db_outage.py", "--pg", server],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=240,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout
    assert "statuses while down: [503, 503, 503, 503, 503]" in result.stdout
