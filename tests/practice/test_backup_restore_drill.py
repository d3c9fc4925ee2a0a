"""Backups are only as good as a restore: bench/backup_restore.py proves deploy/backup.sh and
deploy/restore.sh round-trip the database and the uploads into a fresh PostgreSQL database."""

import os
import subprocess

import pytest

from .helpers import PROJECT_DIR, postgresql_only, run_drill


@postgresql_only
def test_a_backup_restores_into_a_fresh_database_that_serves_the_same_site(built_demo):
    run_drill("backup_restore.py", timeout=300, built_demo=built_demo)


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
