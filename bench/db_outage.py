"""Database outage drill: gunicorn answers a themed 503 while PostgreSQL is unreachable and
recovers by itself, without a restart, once it is back; nginx passes that 503 on to patients.

    .venv/bin/python bench/db_outage.py [--pg postgresql://postgres@127.0.0.1:5432]
                                        [--nodes 1] [--seconds 3]

What it does, all on this machine:
1. creates a throwaway database on the PostgreSQL server (never stops the server itself:
   others may be using it), migrates it and loads the demo content with production settings;
2. starts a TCP proxy in this process in front of PostgreSQL and gunicorn (deploy/gunicorn.conf.py)
   whose DATABASE_URL points at the proxy;
3. checks the home page is 200, then stops the proxy (closing every open connection, as a
   crashed or restarted server would) and checks that pages answer the 503 page, not a
   traceback; then starts the proxy again and times how long until pages are 200 again,
   checking that the gunicorn workers were not restarted;
4. with nginx installed, runs deploy/nginx.conf in front (bench/nginx_proxy.py) with two
   upstream servers: `--nodes` gunicorns (one, listed twice, by default: nginx sees two nodes
   either way), and counts what 4 clients get through it for `--seconds` while the database
   is down and again from the moment it is back: the app's themed 503s, and nginx's own bare
   502s (no node left to ask), of which there must be none;
5. stops nginx and gunicorn and drops the database. Exits non-zero when any check fails.
"""

import argparse
import contextlib
import itertools
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import psycopg
from nginx_proxy import DeployedNginx, nginx_installed
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


THEMED_503 = "The website is briefly unavailable"
PAGES = ("/", "/about/", "/privacy/")
NEED_THE_DATABASE = ("/search/?q=pain", "/privacy/", "/search/?q=back", "/conditions/", "/privacy/")


def fetch(url, timeout=10):
    """Status and body of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def kind_of(status, body):
    if status == 503 and THEMED_503 in body:
        return "themed 503"
    if status == 502:
        return "bare 502"  # nginx's own page: it had no node left to ask
    return str(status)


def answers_through(port, seconds, clients=4):
    """What `clients` patients asking at once got through nginx for `seconds`: {kind: count}."""
    counts = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def patient():
        for path in itertools.cycle(PAGES):
            if time.monotonic() >= deadline:
                return
            try:
                kind = kind_of(*fetch(f"http://127.0.0.1:{port}{path}"))
            except OSError:
                kind = "no answer"
            with lock:
                counts[kind] += 1

    threads = [threading.Thread(target=patient) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts


def described(counts):
    return ", ".join(f"{count} {kind}" for kind, count in counts.most_common()) or "nothing"


def serving(port, timeout=120):
    """Whether gunicorn on `port` answers the home page with a 200 within `timeout` seconds: one
    request, waited for, once it listens (the first render makes the pictures' renditions; on a
    busy machine, requests given up after a few seconds would each be rendered anyway, behind
    one another, and none would ever answer in time)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            time.sleep(0.2)
            continue
        try:
            return fetch(f"http://127.0.0.1:{port}/", timeout=deadline - time.monotonic())[0] == 200
        except OSError:
            return False
    return False


def worker_pids(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return sorted(children.read_text().split()) if children.exists() else []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pg_option(parser, help="PostgreSQL server (without a database name); it is never stopped")
    parser.add_argument("--nodes", type=int, default=1, help="gunicorns behind nginx")
    parser.add_argument("--seconds", type=float, default=3, help="of requests through nginx")
    args = parser.parse_args()
    server = psycopg.conninfo.conninfo_to_dict(args.pg + "/postgres")
    check = Checks()
    with throwaway_database(args.pg, "practice_outage") as (database_url, workdir):
        proxy = TcpProxy(server.get("host", "127.0.0.1"), int(server.get("port", 5432)))
        proxy.start()
        try:
            user = server.get("user", "postgres")
            return drill(check, proxy, user, database_url, workdir, args)
        finally:
            if proxy.listener is not None:
                proxy.stop()


def drill(check, proxy, user, database_url, workdir, args):
    database = database_url.rsplit("/", 1)[1]
    env = production_env(
        f"postgresql://{user}@127.0.0.1:{proxy.port}/{database}",
        workdir,
        WEB_CONCURRENCY=2,
        GUNICORN_ACCESS_LOG="-",  # in the log with the errors, to read after a failed check
        # Pages from the full-page cache would (rightly) still be served during the outage;
        # this drill is about pages that need the database.
        PAGE_CACHE_ENABLED="false",
    )
    ports = [free_port() for _ in range(args.nodes)]
    log_paths = [workdir / f"gunicorn-{n}.log" for n in range(args.nodes)]
    # Two upstream servers, as nginx sees a practice's two nodes; one node may be listed twice.
    nginx = DeployedNginx([f"127.0.0.1:{port}" for port in (ports * 2)[: max(2, args.nodes)]])
    nodes = []
    base = f"http://127.0.0.1:{ports[0]}"
    try:
        print(f"Preparing {database} (migrate, demo content, collectstatic)...", flush=True)
        build_demo_site(env)
        nodes = [
            start_gunicorn(env, port, path) for port, path in zip(ports, log_paths, strict=True)
        ]
        up = all(serving(port) for port in ports)
        check(up, "gunicorn serves the home page (200) with the database reachable")
        if not up:
            for path in log_paths:
                print(path.read_text()[-3000:])
            return 1
        for port in ports:
            for path in ("/", "/about/"):
                fetch(f"http://127.0.0.1:{port}{path}")  # workers hold a database connection
        workers_before = worker_pids(nodes[0].pid)
        if nginx_installed():
            nginx.start()
        else:
            print("       nginx is not installed: nothing measured through it")

        print("Making the database unreachable (stopping the proxy)...", flush=True)
        down_at = time.monotonic()
        proxy.stop()
        statuses = []
        # Pages a worker has rendered may come from its caches with no query at all (the home
        # page does, practice/routing.py): rightly served while the database is down. Checked
        # here are pages that need it: search results, and pages neither worker has rendered.
        for path in NEED_THE_DATABASE:
            status, body = fetch(base + path)
            statuses.append(status)
            check(
                status == 503 and THEMED_503 in body and "Traceback" not in body,
                f"{path} answers the themed 503 page while the database is down",
            )
        first_503 = time.monotonic() - down_at
        print(f"       statuses while down: {statuses} (all within {first_503:.2f}s)")
        down = through_nginx(nginx, args.seconds)
        check_through_nginx(check, nginx, down, "while the database is down")

        print("Bringing the database back (starting the proxy)...", flush=True)
        back_at = time.monotonic()
        proxy.start()
        after = Counter()
        watcher = threading.Thread(target=lambda: after.update(through_nginx(nginx, args.seconds)))
        watcher.start()  # patients through nginx, while the recovery is timed on the node
        recovered = wait_for(base + "/", timeout=30, interval=0.1)
        recovery = time.monotonic() - back_at
        watcher.join()
        check_through_nginx(check, nginx, after, "from the moment it is back")
        check(recovered, f"the site recovers by itself ({recovery:.2f}s after the database)")
        check(
            all(fetch(base + path)[0] == 200 for path in ("/", "/about/", "/", "/privacy/")),
            "every following request is 200",
        )
        check(all(node.poll() is None for node in nodes), "gunicorn was not restarted")
        check(worker_pids(nodes[0].pid) == workers_before, "no worker was replaced")
        logged = "".join(path.read_text() for path in log_paths)
        check("Traceback" not in logged, "no traceback in the logs")
        check(
            '"message": "Database unavailable (OperationalError' in logged,
            "the outage is logged as one JSON line per failed request",
        )
        print(f"RESULT outage_503_within_s={first_503:.2f} recovery_s={recovery:.2f}")
        if nginx.process is not None:
            print(
                f"RESULT through_nginx nodes={args.nodes} seconds={args.seconds:g} "
                f"down: {described(down)}; back: {described(after)}"
            )
    finally:
        nginx.stop()
        for node in nodes:
            node.send_signal(signal.SIGTERM)
            node.wait(timeout=30)
    return check.exit_status()


def through_nginx(nginx, seconds):
    """What patients got through nginx (when it runs) for `seconds`."""
    return answers_through(nginx.port, seconds) if nginx.process is not None else Counter()


def check_through_nginx(check, nginx, counts, when):
    """Never nginx's bare 502."""
    if nginx.process is not None:
        check(
            counts["bare 502"] == 0 and sum(counts.values()) > 0,
            f"through nginx {when}: {described(counts)}",
        )


if __name__ == "__main__":
    sys.exit(main())
