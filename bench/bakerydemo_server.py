"""wagtail/bakerydemo served beside this site, for bench/throughput.py's side-by-side run.

A bakerydemo checkout needs its own virtual environment (it pins its own Django and Wagtail):

    git clone https://github.com/wagtail/bakerydemo ../bakerydemo
    python3.12 -m venv ../bakerydemo/.venv
    ../bakerydemo/.venv/bin/pip install -r ../bakerydemo/requirements/base.txt \\
        "psycopg[binary]>=3.3.3,<3.4" "whitenoise>=6.11,<7" gunicorn

It runs with its own production settings (DEBUG off, whitenoise, a per-process memory cache) on
the same PostgreSQL server, under gunicorn with the same number of sync workers as this site.
"""

import contextlib
import subprocess
from pathlib import Path

from stack import clean_environ, free_port, wait_until_serving

ARTICLE = "/blog/wild-yeast/"  # a blog post: its nearest page to one of our articles
HOME = "/"


def bakerydemo_env(checkout, database_url):
    # bakerydemo's settings add django.contrib.postgres only for a postgres:// address.
    database_url = database_url.replace("postgresql://", "postgres://", 1)
    return clean_environ(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY="bench-only-" + "z" * 50,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        DJANGO_LOG_LEVEL="WARNING",
        SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback, as ours in bench/stack.py
        PYTHONPATH=str(checkout),
    )


def build(python, checkout, env, timeout=1800):
    """Migrate, load bakerydemo's own demo content and collect its static files."""
    for arguments in (
        ["migrate", "--noinput", "-v0"],
        ["load_initial_data"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        result = subprocess.run(
            [str(python), "manage.py", *arguments],
            cwd=checkout,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=timeout,
        )
        if result.returncode:
            raise SystemExit(f"bakerydemo {arguments[0]} failed:\n{result.stderr[-4000:]}")


@contextlib.contextmanager
def served(checkout, python, database_url, work, workers, *, build_first=True):
    """bakerydemo under gunicorn on a free port; yields the port."""
    checkout, python = Path(checkout).resolve(), Path(python)
    env = bakerydemo_env(checkout, database_url)
    if build_first:
        build(python, checkout, env)
    port = free_port()
    log_path = work / "gunicorn-bakerydemo.log"
    log = open(log_path, "w")  # noqa: SIM115  (the child process owns it)
    server = subprocess.Popen(
        [
            str(python),
            "-m",
            "gunicorn",
            "bakerydemo.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--worker-class=sync",
            "--log-level=warning",
        ],
        cwd=checkout,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_serving(server, f"http://127.0.0.1:{port}{ARTICLE}", log_path, timeout=120)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
