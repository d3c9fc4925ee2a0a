#!/usr/bin/env python3
"""Concurrent consultation requests against a real gunicorn server: is every one stored?

    .venv/bin/python bench/consultation_bench.py                  # 200 requests, PostgreSQL
    .venv/bin/python bench/consultation_bench.py --requests 500 --concurrency 40 --workers 4
    .venv/bin/python bench/consultation_bench.py --database-url postgresql://u@host:5432/db

Without --database-url it creates a throwaway PostgreSQL database on
postgresql://postgres@127.0.0.1:5432 (override with BENCH_POSTGRES_SERVER) and drops it at the
end. It migrates, loads the demo content, collects static files, starts gunicorn with the
production settings on a free 127.0.0.1 port, and then each simulated patient loads the form
and posts valid answers with the Origin and Sec-Fetch-Site headers a browser sends (anonymous
forms carry no CSRF token: practice/cross_site.py). The per-client
rate limit is raised for the run (every request comes from 127.0.0.1). Before the timed run,
the home page is requested once and each gunicorn worker gets one post (their first answers
include rendering pictures and importing code).

With --hung-mail the office is notified through an SMTP server that accepts connections and
never answers (stack.HungMailServer), with the background worker running beside gunicorn and
gunicorn's production timeout (30 s): each submission must still answer at once and be stored
once, pages must keep answering meanwhile, and the mail's attempts are reported as the worker
recorded them (each should time out after EMAIL_TIMEOUT, --mail-timeout, and be retried).

    .venv/bin/python bench/consultation_bench.py --hung-mail --requests 10 --concurrency 2

Prints how many requests were stored, how many failed, throughput and latency; exits 1 unless
every request was stored exactly once.
"""

import argparse
import concurrent.futures
import contextlib
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from stack import (
    DEFAULT_PG,
    HungMailServer,
    build_demo_site,
    django_script,
    free_port,
    http_request,
    manage,
    production_env,
    start_gunicorn,
    start_worker,
    throwaway_database,
    wait_until_serving,
)

FORM_PATH = "/consultation/"
THANK_YOU_PATH = "/consultation/thank-you/"
HONEYPOT = "website"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="submissions to send (200)")
    parser.add_argument("--concurrency", type=int, default=20, help="at the same time (20)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (4)")
    parser.add_argument(
        "--database-url",
        help="database to use (default: a throwaway PostgreSQL database, dropped afterwards)",
    )
    parser.add_argument(
        "--hung-mail",
        action="store_true",
        help="notify the office through an SMTP server that never answers",
    )
    parser.add_argument(
        "--mail-timeout", type=int, default=10, help="EMAIL_TIMEOUT with --hung-mail (10)"
    )
    return parser.parse_args()


def server_environment(database_url, scratch, args, mail_port=None):
    if mail_port is None:
        mail = {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
        mail["GUNICORN_TIMEOUT"] = 60
    else:  # as production sends it, with gunicorn's production timeout
        mail = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": mail_port,
            "EMAIL_TIMEOUT": args.mail_timeout,
        }
    return production_env(
        database_url,
        scratch,
        DATABASE_CONN_MAX_AGE=60,
        WEB_CONCURRENCY=args.workers,
        # Every simulated patient comes from 127.0.0.1: lift the per-client limit for the run.
        CONSULTATION_RATE_LIMIT=max(args.requests * 10, 1000),
        **mail,
    )


# -- A simulated patient ------------------------------------------------------------------


class FormFields(HTMLParser):
    """The consultation form's fields: name -> (kind, first value)."""

    def __init__(self):
        super().__init__()
        self.fields = {}
        self.in_form = False
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "consultation-form" in (attrs.get("class") or ""):
            self.in_form = True
        elif self.in_form and tag in ("input", "textarea", "select") and attrs.get("name"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            self.fields.setdefault(attrs["name"], (kind, attrs.get("value", "")))
            self.select = attrs["name"] if tag == "select" else None
        elif tag == "option" and self.select and attrs.get("value"):
            # A select's answer is its first real option ("Choose a plan" has no value).
            self.fields[self.select] = ("select", attrs["value"])
            self.select = None

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False


def valid_answers(html, label):
    parser = FormFields()
    parser.feed(html)
    answers = {}
    for name, (kind, value) in parser.fields.items():
        if name == HONEYPOT:
            continue
        answers[name] = {
            "hidden": value,
            "radio": value,
            "select": value,
            "checkbox": "on",
            "email": f"{label.replace(' ', '.')}@example.org",
            "tel": "(555) 010-2030",
            "textarea": f"Benchmark request {label}: aching knees on stairs.",
        }.get(kind, f"{label} {name}")
    return answers


def submit_one(port, label):
    """Load the form like a browser, then post it. Returns (outcome, POST seconds)."""
    status, headers, html = http_request(port, "GET", FORM_PATH, timeout=60)
    if status != 200:
        return f"GET form: HTTP {status}", 0.0
    answers = valid_answers(html.decode(), label)

    started = time.perf_counter()
    try:
        status, headers, _body = http_request(
            port,
            "POST",
            FORM_PATH,
            body=urllib.parse.urlencode(answers),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"http://127.0.0.1:{port}",
                "Sec-Fetch-Site": "same-origin",
            },
            timeout=60,
        )
    except OSError as error:  # the connection dropped (gunicorn killed a stuck worker)
        return f"POST: {type(error).__name__}", time.perf_counter() - started
    elapsed = time.perf_counter() - started
    if status == 303 and headers.get("Location") == THANK_YOU_PATH:
        return "stored", elapsed
    return f"POST: HTTP {status}", elapsed


def stored_requests(env, run_id):
    script = (
        "import json; from pages.consultation.models import ConsultationRequest as R; "
        f"rows = R.objects.filter(form_data__full_name__startswith='Bench {run_id} '); "
        "names = [r.form_data['full_name'] for r in rows]; "
        "print(json.dumps({'count': len(names), 'distinct': len(set(names))}))"
    )
    printed = manage(env, "shell", "-c", script, capture=True)
    return json.loads(printed.strip().splitlines()[-1])


# What the worker recorded of the mail it tried to send: waits (up to argv[2] seconds) until
# argv[1] attempts have finished, if any mail was queued at all.
MAIL_ATTEMPTS = """
import collections, json, sys, time
import django; django.setup()
from django_tasks_db.models import DBTaskResult
wanted, deadline = int(sys.argv[1]), time.monotonic() + float(sys.argv[2])
rows = DBTaskResult.objects.filter(task_path__startswith="practice.mail.")
while rows.exists() and rows.finished().count() < wanted and time.monotonic() < deadline:
    time.sleep(1)
finished = list(rows.finished())
print(json.dumps({
    "queued": rows.count(),
    "finished": len(finished),
    "failed": collections.Counter(r.exception_class_path for r in finished if r.status == "FAILED"),
    "seconds": sorted(round((r.finished_at - r.started_at).total_seconds(), 1) for r in finished),
    "waiting": rows.filter(status="READY").count(),
}))
"""


def mail_attempts(env, wanted, timeout):
    return json.loads(django_script(env, MAIL_ATTEMPTS, wanted, timeout))


class PageProbe(threading.Thread):
    """Times a GET of the home page every half second while the submissions run: do the
    other pages of the node keep answering?"""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.seconds, self.running = port, [], True

    def run(self):
        while self.running:
            started = time.perf_counter()
            with contextlib.suppress(OSError):
                http_request(self.port, "GET", "/", timeout=60)
            self.seconds.append(time.perf_counter() - started)
            time.sleep(0.5)


# -- Main ---------------------------------------------------------------------------------


def send_all(args, port, run_id):
    """Every submission, `args.concurrency` at a time: [(outcome, POST seconds)], seconds."""
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        futures = [
            pool.submit(submit_one, port, f"Bench {run_id} {number}")
            for number in range(args.requests)
        ]
        results = []
        for future in futures:
            try:
                results.append(future.result())
            except Exception as error:  # a refused or reset connection loading the form
                results.append((f"{type(error).__name__}: {error}", 0.0))
    return results, time.perf_counter() - started


def warm_up(port, workers):
    """Not timed: the home page's first render (its pictures: a few tries, as a slow machine can
    take longer than gunicorn's timeout, and each keeps what it made) and each worker's first
    post."""
    for _ in range(5):
        with contextlib.suppress(OSError):
            if http_request(port, "GET", "/", timeout=120)[0] == 200:
                break
    for number in range(workers):
        with contextlib.suppress(OSError):
            submit_one(port, f"Warm-up {number}")


def run(args, database_url, scratch, mail_port):
    """Build the site, serve it, send the submissions. Returns what report() prints."""
    env = server_environment(database_url, scratch, args, mail_port)
    log_path = scratch / "gunicorn.log"
    print("Preparing the database and demo content...", flush=True)
    build_demo_site(env)
    port = free_port()
    server = start_gunicorn(env, port, log_path)
    worker = start_worker(env, scratch / "worker.log") if mail_port else None
    probe = PageProbe(port)
    try:
        wait_until_serving(server, f"http://127.0.0.1:{port}{FORM_PATH}", log_path, timeout=60)
        warm_up(port, args.workers)
        run_id = uuid.uuid4().hex[:8]
        print(
            f"Sending {args.requests} requests, {args.concurrency} at a time, to "
            f"gunicorn ({args.workers} workers) on 127.0.0.1:{port}...",
            flush=True,
        )
        probe.start()
        results, elapsed = send_all(args, port, run_id)
        probe.running = False
        mail = None
        if mail_port:  # the first few attempts, as the worker recorded them
            wanted = min(args.requests, 3)
            mail = mail_attempts(env, wanted, wanted * (args.mail_timeout + 5) + 30)
    finally:
        for process in (server, worker):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    stored = stored_requests(env, run_id)
    tracebacks = [line for line in log_path.read_text().splitlines() if "Traceback" in line]
    return results, elapsed, stored, len(tracebacks), probe.seconds, mail


def report(args, engine, results, elapsed, stored, tracebacks, page_seconds, mail):
    outcomes = Counter(outcome for outcome, _ in results)
    errors = {outcome: count for outcome, count in outcomes.items() if outcome != "stored"}
    latencies = sorted(seconds * 1000 for outcome, seconds in results if seconds)
    print()
    hung = ", mail server hung" if args.hung_mail else ""
    print(
        f"Consultation bench on {engine}: {args.requests} requests, "
        f"{args.concurrency} concurrent{hung}"
    )
    print(f"  accepted (303):  {outcomes['stored']}")
    print(f"  stored:          {stored['count']} ({stored['distinct']} distinct)")
    print(f"  errors:          {sum(errors.values())} {errors or ''}".rstrip())
    print(f"  server tracebacks: {tracebacks}")
    print(f"  elapsed:         {elapsed:.2f} s")
    print(f"  throughput:      {args.requests / elapsed:.1f} requests/s (each: GET form + POST)")
    if latencies:
        p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
        print(
            f"  POST latency:    median {statistics.median(latencies):.0f} ms, "
            f"p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms"
        )
    if page_seconds:
        print(
            f"  home page meanwhile: {len(page_seconds)} GETs, median "
            f"{statistics.median(page_seconds):.2f} s, max {max(page_seconds):.2f} s"
        )
    if mail is not None:
        print(
            f"  mail attempts:   {mail['queued']} queued, {mail['finished']} finished, "
            f"failed {dict(mail['failed'])}, seconds each {mail['seconds']}, "
            f"{mail['waiting']} waiting (retries, and the rest)"
        )
    ok = stored["count"] == stored["distinct"] == args.requests and not errors
    if args.hung_mail and latencies and latencies[-1] >= 1000:
        ok = False  # a patient must never wait on the mail server
    print("  result:          " + ("OK, every request stored once" if ok else "FAILED"))
    return ok


def main():
    args = parse_args()
    database_url = args.database_url
    with contextlib.ExitStack() as scratch_space:
        if database_url:
            scratch = Path(scratch_space.enter_context(tempfile.TemporaryDirectory()))
        else:
            server_url = os.environ.get("BENCH_POSTGRES_SERVER", DEFAULT_PG)
            database_url, scratch = scratch_space.enter_context(
                throwaway_database(server_url, "practice_consultation")
            )
        mail_port = None
        if args.hung_mail:
            mail_server = HungMailServer()
            scratch_space.callback(mail_server.close)
            mail_port = mail_server.port
        engine = "PostgreSQL" if database_url.startswith("postgres") else database_url.split(":")[0]
        outcome = run(args, database_url, scratch, mail_port)
    return 0 if report(args, engine, *outcome) else 1


if __name__ == "__main__":
    sys.exit(main())
