"""What every script in bench/ needs to run the site: one place, so the scripts stay short.

- environments: `clean_environ` (no stray DJANGO_*, PYTEST* or REDIS_URL from the caller's
  shell) and `production_env` (production settings on loopback HTTP, scratch folders);
- commands: `run_python`, `django_script`, `manage` and `build_demo_site` (migrate, demo
  content, static files), each failing with the command's own error output, not a traceback;
- servers: `free_port`, `start_gunicorn` (deploy/gunicorn.conf.py), `wait_for` a URL,
  `wait_until_serving` (or exit with gunicorn's log), `http_request` on loopback;
- databases: `pg_option` (the --pg style option), `throwaway_database` (PostgreSQL database
  and scratch folder, removed afterwards) and `served_demo_site` (all of the above at once);
- load: `run_processes`, client processes started together, timed until the last is done;
- drills: `Checks`, the ok/FAIL lines and the exit status; `HungMailServer`, `RedisServer`
  (bench/admin_client.py: `Browser`, the admin's client with its cookies).
"""

import contextlib
import http.client
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432"


# -- Load ---------------------------------------------------------------------------------


def run_processes(count, target, *args):
    """Runs `count` processes of `target(*args)` at once and waits for them all: the seconds
    from the first start to the last end."""
    workers = [multiprocessing.Process(target=target, args=args) for _ in range(count)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return time.monotonic() - started


# -- Ports and URLs -----------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=30, interval=0.2):
    """Whether `url` answers 200 within `timeout` seconds, asking every `interval` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:  # refused, timed out, or an HTTP error status
            pass
        time.sleep(interval)
    return False


def http_request(port, method, path, body=None, headers=None, timeout=10):
    """One request to 127.0.0.1:`port` on a connection of its own (gunicorn's sync workers close
    every connection anyway, as they would behind nginx). Returns (status, headers, body bytes)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


# -- Environments -------------------------------------------------------------------------


def clean_environ(**values):
    """This process's environment without the settings a developer's shell may carry (DJANGO_*,
    PYTEST*, REDIS_URL: Redis only where a script asks for it), plus `values`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST")) and key != "REDIS_URL"
    }
    env.update({key: str(value) for key, value in values.items()})
    return env


def production_env(database_url, work, **overrides):
    """Environment for manage.py and gunicorn with the production settings on loopback HTTP,
    keeping static files, uploads and the page cache under `work`."""
    return clean_environ(
        **{
            "DJANGO_SETTINGS_MODULE": "practice.settings.production",
            "SECRET_KEY": "bench-only-" + "y" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": work / "static",
            "MEDIA_ROOT": work / "media",
            "PAGE_CACHE_DIR": work / "page-cache",
            "GUNICORN_ACCESS_LOG": "off",  # measure the application, not the disk
            "LOG_LEVEL": "warning",
            **overrides,
        }
    )


# -- Commands -----------------------------------------------------------------------------


def run_python(env, *arguments, capture=False, timeout=None):
    """Run this Python in the project folder; with `capture`, return what it printed. A failure
    or a timeout exits with the end of its error output."""
    command = [PYTHON, *map(str, arguments)]
    name = " ".join(command[1:])[:80]
    try:
        result = subprocess.run(
            command,
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as error:
        raise SystemExit(f"{name}: did not finish within {timeout} s") from error
    if result.returncode:
        raise SystemExit(
            f"{name}: failed with exit code {result.returncode}\n{result.stderr[-4000:]}"
        )
    return result.stdout


def django_script(env, code, *arguments, timeout=None):
    """What the Python `code` printed (stripped), run in the project folder with `arguments` as
    sys.argv[1:]; the code calls django.setup() itself."""
    return run_python(env, "-c", code, *arguments, capture=True, timeout=timeout).strip()


def manage(env, *arguments, capture=False, timeout=None):
    """Run a manage.py command; with `capture`, return what it printed."""
    return run_python(env, "manage.py", *arguments, capture=capture, timeout=timeout)


# A demo already built (tests/practice/conftest.py builds one for the drills of a test run):
# the name of its PostgreSQL database and its scratch folder (media/, static/). A script run
# with these copies it instead of building its own: CREATE DATABASE ... TEMPLATE takes about a
# second, where migrating and loading the demo take a minute or more.
DEMO_DATABASE = "BENCH_DEMO_DATABASE"
DEMO_FOLDER = "BENCH_DEMO_FOLDER"


def load_demo(env, timeout=None):
    """Migrate and load the demo content into the database in `env`, or copy the built demo
    and its uploads when this process was given one."""
    if not os.environ.get(DEMO_DATABASE):
        manage(env, "migrate", "--noinput", "-v0", timeout=timeout)
        manage(env, "load_demo_content", timeout=timeout)
        return
    import psycopg

    server, database = env["DATABASE_URL"].rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{database}" TEMPLATE "{os.environ[DEMO_DATABASE]}"')
    built = Path(os.environ[DEMO_FOLDER])
    shutil.copytree(built / "media", env["MEDIA_ROOT"], dirs_exist_ok=True)


def build_demo_site(env, timeout=None):
    """Migrate, load the demo content and collect static files into the database in `env`,
    each step within `timeout` seconds when given (`load_demo`: or copy a built one)."""
    load_demo(env, timeout=timeout)
    if os.environ.get(DEMO_DATABASE):
        built = Path(os.environ[DEMO_FOLDER]) / "static"
        shutil.copytree(built, env["STATIC_ROOT"], dirs_exist_ok=True)
    else:
        manage(env, "collectstatic", "--noinput", "-v0", timeout=timeout)


@contextlib.contextmanager
def built_demo(pg_url, prefix="practice_demo_built", migrated=None):
    """The demo built once in a throwaway database, for scripts to copy (`load_demo`): yields
    the environment variables that hand it to them. `migrated`: a database holding only what
    migrations made (the tests' own), copied instead of migrating again."""
    with throwaway_database(pg_url, prefix, template=migrated) as (database_url, work):
        env = production_env(database_url, work)
        if migrated is None:
            manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content")
        manage(env, "collectstatic", "--noinput", "-v0")
        yield {DEMO_DATABASE: database_url.rsplit("/", 1)[1], DEMO_FOLDER: str(work)}


# -- gunicorn -----------------------------------------------------------------------------


def start_gunicorn(env, port, log_path):
    """gunicorn with deploy/gunicorn.conf.py on 127.0.0.1:`port` (workers from WEB_CONCURRENCY,
    and so on, in `env`); what it prints goes to `log_path`."""
    log = open(log_path, "w")  # noqa: SIM115  (the child process owns it)
    return subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
        cwd=PROJECT_DIR,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_until_serving(server, url, log_path, timeout=30):
    """Wait until `url` answers 200; exit with gunicorn's log if it stops or does not answer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        if wait_for(url, timeout=min(1, deadline - time.monotonic())):
            return
    if server.poll() is None:
        server.terminate()
        server.wait(timeout=30)
    if server.returncode:
        reason = f"exited with {server.returncode} before {url} answered"
    else:
        reason = f"did not answer {url} within {timeout} s"
    raise SystemExit(f"gunicorn {reason}:\n{Path(log_path).read_text()}")


# -- Databases ----------------------------------------------------------------------------


def pg_option(parser, flag="--pg", variable="BENCH_PG", help="PostgreSQL server (no database)"):
    """The option naming the PostgreSQL server, defaulting to $`variable`, else the local one."""
    parser.add_argument(flag, default=os.environ.get(variable, DEFAULT_PG), help=help)


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
def throwaway_database(pg_url, prefix, keep=False, template=None):
    """A new PostgreSQL database (a copy of `template` when given) and a scratch folder, both
    removed afterwards (the database stays with `keep`). Yields (database URL, folder)."""
    import psycopg

    pg_url = pg_url.rstrip("/")
    database = f"{prefix}_{os.getpid()}"
    copy_of = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(pg_url + "/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"{copy_of}')
    work = Path(tempfile.mkdtemp(prefix=f"{prefix}-"))
    try:
        yield f"{pg_url}/{database}", work
    finally:
        if not keep:
            with psycopg.connect(pg_url + "/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
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
            wait_until_serving(server, f"http://127.0.0.1:{port}/", work / "gunicorn.log")
            yield f"http://127.0.0.1:{port}"
        finally:
            for process in (server, worker):
                if process.poll() is None:
                    process.terminate()
                    process.wait(timeout=30)


# -- Drills -------------------------------------------------------------------------------


class Checks:
    """The checks of a drill, each printed as it is made: `check(condition, message)`."""

    def __init__(self):
        self.failures = []

    def __call__(self, condition, message):
        print(("ok    " if condition else "FAIL  ") + message, flush=True)
        if not condition:
            self.failures.append(message)
        return condition

    def exit_status(self):
        """Print the verdict; 0 when every check passed, else 1."""
        print("PASSED" if not self.failures else f"FAILED: {len(self.failures)} check(s)")
        return 1 if self.failures else 0


# -- Services the drills stop and start, and the browser ----------------------------------

# Headless Chromium as every bench script and the browser tests launch it.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]


class RedisServer:
    """A redis-server of our own on a free port (never the shared one), to stop and start."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        import redis

        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def keys(self):
        import redis

        return redis.Redis.from_url(self.url).keys("*")


class HungMailServer:
    """An SMTP server that accepts every connection and never says a word (not even its
    greeting): a mail server that hangs. Listens on a free 127.0.0.1 port until closed."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.connections = []  # held open, never answered
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.connections.append(self.listener.accept()[0])
            except OSError:  # closed
                return

    def close(self):
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        self.listener.close()
        for connection in self.connections:
            connection.close()
