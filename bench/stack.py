"""The production stack for benchmarks: a throwaway demo site served by gunicorn.

Shared by bench/throughput.py, bench/multinode.py, bench/lighthouse.py and
bench/image_weight.py, which all need the same thing: the demo content in a fresh database,
the production settings, and gunicorn with deploy/gunicorn.conf.py on a free loopback port.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False


def production_env(database_url, work, **overrides):
    """Environment for manage.py and gunicorn with the production settings on loopback HTTP,
    keeping static files, uploads and the page cache under `work`."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "practice.settings.production",
        "SECRET_KEY": "bench-only-" + "y" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "PAGE_CACHE_DIR": str(work / "page-cache"),
        "GUNICORN_ACCESS_LOG": "off",  # measure the application, not the disk
        "LOG_LEVEL": "warning",
    }
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *arguments, capture=False):
    """Run a manage.py command; with `capture`, return what it printed."""
    output = subprocess.PIPE if capture else subprocess.DEVNULL
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=PROJECT_DIR,
        env=env,
        check=True,
        stdout=output,
        text=True,
    )
    return result.stdout


def build_demo_site(env):
    """Migrate, load the demo content and collect static files into the database in `env`."""
    for arguments in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo_content"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        manage(env, *arguments)


def start_gunicorn(env, port, log_path):
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
        cwd=PROJECT_DIR,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=subprocess.DEVNULL,
        stderr=open(log_path, "w"),  # noqa: SIM115  (the child process owns it)
    )


def start_worker(env, log_path):
    """The background-task worker that runs beside gunicorn in production (docs/deployment.md):
    it renders each published page once, so its pictures exist before the first visitor."""
    return subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--backend", "background", "--no-startup-delay"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(log_path, "w"),  # noqa: SIM115  (the child process owns it)
    )


@contextlib.contextmanager
def throwaway_database(pg_url, prefix):
    """A new PostgreSQL database and a scratch folder, both removed afterwards.
    Yields (database URL, folder)."""
    import psycopg

    database = f"{prefix}_{os.getpid()}"
    work = Path(tempfile.mkdtemp(prefix=f"{prefix}-"))
    admin = psycopg.connect(pg_url + "/postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{database}"')
    try:
        yield f"{pg_url}/{database}", work
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def served_demo_site(pg_url, prefix, **env_overrides):
    """The demo site in a throwaway database, served by one gunicorn with the production
    settings; uploads are served by Django, as nginx would serve them in production.
    Yields the base URL."""
    with throwaway_database(pg_url, prefix) as (database_url, work):
        env = production_env(database_url, work, SERVE_MEDIA="true", **env_overrides)
        build_demo_site(env)
        port = free_port()
        server = start_gunicorn(env, port, work / "gunicorn.log")
        worker = start_worker(env, work / "worker.log")
        try:
            if not wait_for(f"http://127.0.0.1:{port}/"):
                raise SystemExit((work / "gunicorn.log").read_text())
            yield f"http://127.0.0.1:{port}"
        finally:
            for process in (server, worker):
                process.terminate()
                process.wait(timeout=30)
