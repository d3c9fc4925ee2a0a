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
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
from stack import (
    Checks,
    build_demo_site,
    free_port,
    pg_option,
    production_env,
    start_gunicorn,
    throwaway_database,
    wait_for,
)


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


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return sorted(children.read_text().split()) if children.exists() else []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pg_option(parser, help="PostgreSQL server (without a database name); it is never stopped")
    args = parser.parse_args()
    server = psycopg.conninfo.conninfo_to_dict(args.pg + "/postgres")
    check = Checks()
    with throwaway_database(args.pg, "practice_outage") as (database_url, workdir):
        proxy = TcpProxy(server.get("host", "127.0.0.1"), int(server.get("port", 5432)))
        proxy.start()
        try:
            return drill(check, proxy, server.get("user", "postgres"), database_url, workdir)
        finally:
            if proxy.listener is not None:
                proxy.stop()


def drill(check, proxy, user, database_url, workdir):
    database = database_url.rsplit("/", 1)[1]
    port = free_port()
    env = production_env(
        f"postgresql://{user}@127.0.0.1:{proxy.port}/{database}",
        workdir,
        WEB_CONCURRENCY=2,
        GUNICORN_ACCESS_LOG="-",  # in the log with the errors, to read after a failed check
        # Pages from the full-page cache would (rightly) still be served during the outage;
        # this drill is about pages that need the database.
        PAGE_CACHE_ENABLED="false",
    )
    log_path = workdir / "gunicorn.log"
    gunicorn = None
    base = f"http://127.0.0.1:{port}"
    try:
        print(f"Preparing {database} (migrate, demo content, collectstatic)...", flush=True)
        build_demo_site(env)
        gunicorn = start_gunicorn(env, port, log_path)
        up = wait_for(base + "/", timeout=30)
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
        recovered = wait_for(base + "/", timeout=30, interval=0.1)
        recovery = time.monotonic() - back_at
        check(recovered, f"the site recovers by itself ({recovery:.2f}s after the database)")
        check(
            all(fetch(base + path)[0] == 200 for path in ("/", "/about/", "/", "/privacy/")),
            "every following request is 200",
        )
        check(gunicorn.poll() is None, "gunicorn was not restarted")
        check(worker_pids(gunicorn.pid) == workers_before, "no worker was replaced")
        logged = log_path.read_text()
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
    return check.exit_status()


if __name__ == "__main__":
    sys.exit(main())
