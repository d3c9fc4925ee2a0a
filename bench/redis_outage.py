"""Redis outage drill: stop Redis under load, start it again; count errors and lost submissions.

    .venv/bin/python bench/redis_outage.py [--pg postgresql://postgres@127.0.0.1:5432]

What it does, all on this machine (the shared Redis is never touched):
1. starts a redis-server of its own on a free port, builds the demo site in a throwaway
   PostgreSQL database and serves it with gunicorn (production settings, page cache on, both
   caches in that Redis);
2. runs client threads that request pages (home, about, the education index, an article, the
   consultation form, a search) and send consultation requests and comments, each with a
   marker of its own, with the Origin and Sec-Fetch-Site headers a browser sends (anonymous
   forms carry no CSRF token: practice/cross_site.py);
3. after a few seconds stops Redis, keeps the load on, starts Redis again (empty, same port)
   and keeps the load on a while longer;
4. counts every answer that is not a 200 page or a 303 after a form (want 0), every
   submission answered 303 whose marker is not in the database (want 0), the outage lines in
   the log (want one per worker at most: once a minute, not once a request), and checks
   the caches are back in Redis. Prints PASSED or FAILED and exits non-zero on failure.
Rate limits are raised for the drill so that they refuse nothing; tests/practice/
test_redis_outage.py shows them falling back to a per-process limiter.
"""

import argparse
import collections
import os
import re
import sys
import threading
import time
import uuid
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from admin_client import Browser  # noqa: E402
from stack import (  # noqa: E402
    RedisServer,
    build_demo_site,
    free_port,
    production_env,
    start_gunicorn,
    throwaway_database,
    wait_until_serving,
)

ARTICLE = "/education/knee-osteoarthritis/"
PAGES = ["/", "/about/", "/education/", ARTICLE, "/consultation/", "/search/?q=pain"]
WORKERS = 2
CONSULTATION = {
    "full_name": "Drill Patient",
    "email": "drill@example.org",
    "phone": "(555) 201-7788",
    "contact_preference": "Phone",
    "best_times": "Mornings",
    "patient_status": "I am a new patient",
    "consent": "on",
}


class Visitor(Browser):
    """One client: keeps its cookies, opens a connection per request (gunicorn's sync workers)."""

    def get(self, path):
        """(status, text) of a GET."""
        status, _headers, text = self.request("GET", path, timeout=30)
        return status, text

    def submit(self, path, form):
        """GET the form as a visitor would, then POST it. The POST's status."""
        status, _html = self.get(path)
        if status != 200:
            return f"form page {status}"
        return self.post(path, form)

    def post(self, path, form):
        return self.request("POST", path, form, timeout=30)[0]


class Load:
    def __init__(self, port, article_id):
        self.port = port
        self.article_id = article_id
        self.phase = "before"
        self.stopping = False
        self.results = collections.Counter()  # (phase, kind, status) -> count
        self.failures = []
        self.accepted = {"consultation": [], "comment": []}
        self.lock = threading.Lock()

    def record(self, kind, status, expected, marker=None):
        with self.lock:
            self.results[(self.phase, kind, status)] += 1
            if status != expected:
                self.failures.append((self.phase, kind, status))
            elif marker:
                self.accepted[kind].append(marker)

    def run(self, number):
        visitor = Visitor(self.port)
        turn = 0
        while not self.stopping:
            turn += 1
            try:
                for path in PAGES:
                    self.record("page", visitor.get(path)[0], 200)
                marker = f"drill-{uuid.uuid4().hex}"
                if turn % 2:
                    form = {**CONSULTATION, "reason": f"Back pain {marker}"}
                    self.record("consultation", visitor.submit("/consultation/", form), 303, marker)
                else:
                    form = {"name": "Drill", "email": "drill@example.org", "body": marker}
                    self.record("comment", self.post_comment(visitor, form), 303, marker)
            except OSError as error:
                self.record("connection", type(error).__name__, None)

    def post_comment(self, visitor, form):
        """The comment form is on the article and posts to /comments/<id>/."""
        path = f"/comments/{self.article_id}/"
        status, _html = visitor.get(ARTICLE)
        if status != 200:
            return f"article {status}"
        return visitor.post(path, form)


def stored_markers(database_url):
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT form_data::text FROM consultation_consultationrequest")
        consultation = {m for (text,) in rows for m in re.findall(r"drill-[0-9a-f]{32}", text)}
        rows = conn.execute("SELECT body FROM comments_comment WHERE body LIKE 'drill-%%'")
        comments = {body for (body,) in rows}
    return {"consultation": consultation, "comment": comments}


def article_id(database_url):
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT id FROM wagtailcore_page WHERE url_path LIKE %s", ("%" + ARTICLE,)
        ).fetchone()
    return row[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--before", type=float, default=4, help="seconds of load before")
    parser.add_argument("--down", type=float, default=8, help="seconds Redis is stopped")
    parser.add_argument("--after", type=float, default=6, help="seconds of load after")
    args = parser.parse_args()
    checks = []

    def check(condition, message):
        print(("ok    " if condition else "FAIL  ") + message, flush=True)
        checks.append(condition)

    cache = RedisServer()
    cache.start()
    gunicorn = None
    try:
        with throwaway_database(args.pg, "practice_redis_outage") as (database_url, work):
            env = production_env(
                database_url,
                work,
                REDIS_URL=cache.url,
                PAGE_CACHE_ENABLED="true",
                WEB_CONCURRENCY=WORKERS,
                CONSULTATION_RATE_LIMIT=1_000_000,
                COMMENTS_RATE_LIMIT=1_000_000,
                LOG_LEVEL="warning",
            )
            print("Building the demo site in a throwaway database...", flush=True)
            build_demo_site(env)
            port = free_port()
            gunicorn = start_gunicorn(env, port, work / "gunicorn.log")
            # The first page draws its pictures: on a busy machine that takes a while.
            wait_until_serving(gunicorn, f"http://127.0.0.1:{port}/", work / "gunicorn.log", 120)

            for path in PAGES:  # the first visits encode the pictures: not part of the drill
                Visitor(port).get(path)
            load = Load(port, article_id(database_url))
            clients = [threading.Thread(target=load.run, args=(n,)) for n in range(args.clients)]
            for client in clients:
                client.start()
            time.sleep(args.before)
            print(f"Stopping Redis under load (keys: {len(cache.keys())})...", flush=True)
            load.phase = "down"
            cache.stop()
            time.sleep(args.down)
            print("Starting Redis again (empty, same port)...", flush=True)
            cache.start()
            load.phase = "after"
            time.sleep(args.after)
            load.stopping = True
            for client in clients:
                client.join()

            seconds = {"before": args.before, "down": args.down, "after": args.after}
            for phase, duration in seconds.items():
                counts = {k[1:]: v for k, v in load.results.items() if k[0] == phase}
                total = sum(counts.values())
                print(f"       {phase:6} {total:5} answers ({total / duration:.0f}/s): {counts}")
            check(not load.failures, f"{len(load.failures)} errors: {load.failures[:5]}")
            down = sum(v for k, v in load.results.items() if k[0] == "down")
            check(down > 20, f"{down} requests answered while Redis was down")
            stored = stored_markers(database_url)
            for kind, markers in load.accepted.items():
                lost = set(markers) - stored[kind]
                check(not lost, f"{len(markers)} {kind} submissions accepted, {len(lost)} lost")
            logged = (work / "gunicorn.log").read_text()
            outage_lines = logged.count("Redis unavailable")
            check(
                1 <= outage_lines <= WORKERS,
                f"the outage logged {outage_lines} time(s) (at most once a minute per worker)",
            )
            check("Redis is back" in logged, "the recovery is logged")
            check("Traceback" not in logged, "no traceback in the logs")
            check(len(cache.keys()) > 0, "the caches are in Redis again")
            visitor = Visitor(port)
            served = [visitor.get("/about/")[0] for _ in range(2)]
            check(served == [200, 200], "pages are served after the outage")
            print(
                f"RESULT requests={sum(load.results.values())} down={down} "
                f"errors={len(load.failures)} "
                f"lost={sum(len(set(m) - stored[k]) for k, m in load.accepted.items())}"
            )
    finally:
        if gunicorn is not None:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
        cache.stop()
    print("PASSED" if all(checks) else "FAILED")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
