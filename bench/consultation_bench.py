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
rate limit is raised for the run (every request comes from 127.0.0.1).

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
import time
import urllib.parse
import uuid
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from stack import (
    DEFAULT_PG,
    build_demo_site,
    free_port,
    http_request,
    manage,
    production_env,
    start_gunicorn,
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
    return parser.parse_args()


def server_environment(database_url, scratch, requests, workers):
    return production_env(
        database_url,
        scratch,
        DATABASE_CONN_MAX_AGE=60,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        WEB_CONCURRENCY=workers,
        GUNICORN_TIMEOUT=60,
        # Every simulated patient comes from 127.0.0.1: lift the per-client limit for the run.
        CONSULTATION_RATE_LIMIT=max(requests * 10, 1000),
    )


# -- A simulated patient ------------------------------------------------------------------


class FormFields(HTMLParser):
    """The consultation form's fields: name -> (kind, first value)."""

    def __init__(self):
        super().__init__()
        self.fields = {}
        self.in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "consultation-form" in (attrs.get("class") or ""):
            self.in_form = True
        elif self.in_form and tag in ("input", "textarea", "select") and attrs.get("name"):
            kind = attrs.get("type", "text") if tag == "input" else tag
            self.fields.setdefault(attrs["name"], (kind, attrs.get("value", "")))

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


# -- Main ---------------------------------------------------------------------------------


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
        engine = "PostgreSQL" if database_url.startswith("postgres") else database_url.split(":")[0]
        env = server_environment(database_url, scratch, args.requests, args.workers)
        log_path = scratch / "gunicorn.log"
        print(f"Preparing {engine} database and demo content...", flush=True)
        build_demo_site(env)
        port = free_port()
        server = start_gunicorn(env, port, log_path)
        try:
            wait_until_serving(server, f"http://127.0.0.1:{port}{FORM_PATH}", log_path, timeout=60)
            run_id = uuid.uuid4().hex[:8]
            print(
                f"Sending {args.requests} requests, {args.concurrency} at a time, to "
                f"gunicorn ({args.workers} workers) on 127.0.0.1:{port}...",
                flush=True,
            )
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
                    except Exception as error:  # a refused or reset connection
                        results.append((f"{type(error).__name__}: {error}", 0.0))
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
        stored = stored_requests(env, run_id)
        server_errors = [line for line in log_path.read_text().splitlines() if "Traceback" in line]

    outcomes = Counter(outcome for outcome, _ in results)
    errors = {outcome: count for outcome, count in outcomes.items() if outcome != "stored"}
    latencies = sorted(seconds * 1000 for outcome, seconds in results if seconds)
    print()
    print(
        f"Consultation bench on {engine}: {args.requests} requests, {args.concurrency} concurrent"
    )
    print(f"  accepted (303):  {outcomes['stored']}")
    print(f"  stored:          {stored['count']} ({stored['distinct']} distinct)")
    print(f"  errors:          {sum(errors.values())} {errors or ''}".rstrip())
    print(f"  server tracebacks: {len(server_errors)}")
    print(f"  elapsed:         {elapsed:.2f} s")
    print(f"  throughput:      {args.requests / elapsed:.1f} requests/s (each: GET form + POST)")
    if latencies:
        p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
        print(
            f"  POST latency:    median {statistics.median(latencies):.0f} ms, "
            f"p95 {p95:.0f} ms, max {latencies[-1]:.0f} ms"
        )
    ok = stored["count"] == stored["distinct"] == args.requests and not errors
    print("  result:          " + ("OK, every request stored once" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
