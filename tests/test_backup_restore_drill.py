"""Backups are only as good as a restore: bench/backup_restore.py proves deploy/backup.sh and
deploy/restore.sh round-trip the database and the uploads into a fresh PostgreSQL database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the backup drill runs on the PostgreSQL test run",
)
def test_a_backup_restores_into_a_fresh_database_that_serves_the_same_site():
    settings = connection.settings_dict
    server = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    result = subprocess.run(
        [sys.executable, "bench/backup_restore.py", "--pg", server],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout


@pytest.mark.parametrize("script", ["deploy/backup.sh", "deploy/restore.sh"])
def test_backup_scripts_say_what_is_missing(script, tmp_path):
    args = ["--yes", str(tmp_path / "x.dump")] if "restore" in script else []
    result = subprocess.run(
        ["bash", script, *args],
        cwd=PROJECT_DIR,
        env={"PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "Set DATABASE_URL" in result.stderr
