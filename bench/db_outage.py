"""Database outage drill: gunicorn answers a themed 503 while PostgreSQL is unreachable and
recovers by itself, without a restart, once it is back.

    .venv/bin/python bench/db_outage.py [--pg postgresql://postgres@127.0.0.1:5432]

What it does, all on this machine:
1. creates a throwaway database on the PostgreSQL server (never stops the server itself:
   others may be using it), migrates it and loads the demo content with production settings;
2. starts a TCP proxy in this process in front of PostgreSQL and gunicorn (deploy/gunicorn.conf.py)
   whose DATABASE_URL points at the proxy;
3. checks the home page is 200, then stops the proxy (closing every open connection, as a
   crashed or restarted server would) and checks that pages answer the 503 page, not a
   traceback; then starts the proxy again and times how long until pages are 200 again,
   checking that the gunicorn workers were not restarted;
4. stops gunicorn and drops the database. Exits non-zero when any check fails.
"""

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

PROJECT_DIR = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TcpProxy:
    """Forwards 127.0.0.1:<port> to the database; stop() makes the database unreachable."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.connections = set()
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        listener, self.listener = self.listener, None
        # shutdown() wakes the thread blocked in accept(); close() alone would not on Linux,
        # and the port would keep accepting.
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        with self.lock:
            for conn in list(self.connections):
                self._close(conn)
            self.connections.clear()

    def _close(self, conn):
        with contextlib.suppress(OSError):
            conn.shutdown(socket.SHUT_RDWR)
        conn.close()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.connections.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with self.lock:
                for conn in (source, sink):
                    if conn in self.connections:
                        self.connections.discard(conn)
                        self._close(conn)


def fetch(url, timeout=10):
    """Status and body of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def wait_until(predicate, timeout, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return sorted(children.read_text().split()) if children.exists() else []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pg",
        default=os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432"),
        help="PostgreSQL server (without a database name); it is never stopped",
    )
    args = parser.parse_args()
    server = psycopg.conninfo.conninfo_to_dict(args.pg + "/postgres")
    database = f"practice_outage_{os.getpid()}"
    failures = []

    def check(condition, message):
        print(("ok    " if condition else "FAIL  ") + message, flush=True)
        if not condition:
            failures.append(message)

    admin = psycopg.connect(args.pg + "/postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{database}"')
    workdir = Path(tempfile.mkdtemp(prefix="practice-outage-"))
    proxy = TcpProxy(server.get("host", "127.0.0.1"), int(server.get("port", 5432)))
    proxy.start()
    user = server.get("user", "postgres")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))},
        "DJANGO_SETTINGS_MODULE": "practice.settings.production",
        "SECRET_KEY": "outage-drill-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgresql://{user}@127.0.0.1:{proxy.port}/{database}",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "warning",
        # Pages from the full-page cache would (rightly) still be served during the outage;
        # this drill is about pages that need the database.
        "PAGE_CACHE_ENABLED": "false",
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
    }
    gunicorn = None
    base = f"http://127.0.0.1:{port}"
    try:
        print(f"Preparing {database} (migrate, demo content, collectstatic)...", flush=True)
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["load_demo_content"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=PROJECT_DIR,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process
        gunicorn = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        up = wait_until(lambda: _status(base + "/") == 200, timeout=30)
        check(up, "gunicorn serves the home page (200) with the database reachable")
        if not up:
            return 1
        for path in ("/", "/about/"):
            fetch(base + path)  # every worker holds a database connection now
        workers_before = worker_pids(gunicorn.pid)

        print("Making the database unreachable (stopping the proxy)...", flush=True)
        down_at = time.monotonic()
        proxy.stop()
        statuses = []
        for path in ("/", "/about/", "/", "/privacy/", "/"):
            status, body = fetch(base + path)
            statuses.append(status)
            check(
                status == 503
                and "The website is briefly unavailable" in body
                and "Traceback" not in body,
                f"{path} answers the themed 503 page while the database is down",
            )
        first_503 = time.monotonic() - down_at
        print(f"       statuses while down: {statuses} (all within {first_503:.2f}s)")

        print("Bringing the database back (starting the proxy)...", flush=True)
        back_at = time.monotonic()
        proxy.start()
        recovered = wait_until(lambda: _status(base + "/") == 200, timeout=30, interval=0.1)
        recovery = time.monotonic() - back_at
        check(recovered, f"the site recovers by itself ({recovery:.2f}s after the database)")
        check(
            all(fetch(base + path)[0] == 200 for path in ("/", "/about/", "/", "/privacy/")),
            "every following request is 200",
        )
        check(gunicorn.poll() is None, "gunicorn was not restarted")
        check(worker_pids(gunicorn.pid) == workers_before, "no worker was replaced")
        log.flush()
        logged = (workdir / "gunicorn.log").read_text()
        check("Traceback" not in logged, "no traceback in the logs")
        check(
            '"message": "Database unavailable (OperationalError' in logged,
            "the outage is logged as one JSON line per failed request",
        )
        print(f"RESULT outage_503_within_s={first_503:.2f} recovery_s={recovery:.2f}")
    finally:
        if gunicorn is not None:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        if proxy.listener is not None:
            proxy.stop()
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
        shutil.rmtree(workdir, ignore_errors=True)
    print("PASSED" if not failures else f"FAILED: {len(failures)} check(s)")
    return 1 if failures else 0


def _status(url):
    try:
        return fetch(url, timeout=5)[0]
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
