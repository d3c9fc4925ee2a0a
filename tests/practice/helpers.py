"""Running a bench/ drill from the test suite, against the test run's own PostgreSQL server."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parents[2]

postgresql_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the drills need a PostgreSQL server: they run on the PostgreSQL test run",
)


def run_drill(script, timeout):
    """Run bench/<script> against the server the tests use; return what it printed, after
    checking it passed."""
    settings = connection.settings_dict
    server = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    result = subprocess.run(
        [sys.executable, f"bench/{script}", "--pg", server],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        # The drill's own Django processes run no event loop: they need no async exemption.
        env={k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout
    return result.stdout
