"""Throughput of the production stack: a static file, an uncached page and a cached page.

    .venv/bin/python bench/throughput.py [--seconds 8] [--rounds 4] [--clients 4] [--redis URL]
    .venv/bin/python bench/throughput.py --bakerydemo ../bakerydemo --seconds 18   # side by side

Builds the demo site in a throwaway PostgreSQL database, runs gunicorn with production
settings (deploy/gunicorn.conf.py), and measures requests per second for
  - the hashed stylesheet served by whitenoise (the yardstick the targets are relative to),
  - pages rendered on every request (page cache off),
  - pages from the full-page cache (Redis when --redis is given, else the file cache),
each with the same number of concurrent clients, in one run. Also prints an article page's
HTML + CSS + JS size gzipped. The database is dropped at the end. Numbers: docs/performance.md.

With --bakerydemo (a wagtail/bakerydemo checkout with its own .venv, see bench/bakerydemo_server.py)
it also serves bakerydemo with its production settings on the same PostgreSQL server and the
same number of gunicorn workers, and adds, in the same interleaved rounds (3 unless --rounds
says otherwise): one article of ours uncached and cached, bakerydemo's blog post and its static
stylesheet. It prints the two ratios issue 31 set targets for: our uncached article against
bakerydemo's, and our cached article against our static file; and the load average, since the
load generator shares the machine.
"""

import argparse
import contextlib
import gzip
import multiprocessing
import os
import re
import signal
import statistics
import time
import urllib.request
import uuid
from pathlib import Path

import bakerydemo_server as bakerydemo
from stack import (
    build_demo_site,
    free_port,
    http_request,
    pg_option,
    production_env,
    run_processes,
    start_gunicorn,
    throwaway_database,
    wait_until_serving,
)

PAGES = ["/", "/about/", "/education/", "/education/knee-osteoarthritis/"]
ARTICLE = "/education/knee-osteoarthritis/"


def _client(port, paths, seconds, counter, errors):
    done = failed = 0
    deadline = time.monotonic() + seconds
    index = 0
    while time.monotonic() < deadline:
        path = paths[index % len(paths)]
        index += 1
        try:
            status, _headers, _body = http_request(port, "GET", path)
            if status == 200:
                done += 1
            else:
                failed += 1
        except OSError:
            failed += 1
    with counter.get_lock():
        counter.value += done
    with errors.get_lock():
        errors.value += failed


def measure(port, paths, seconds, clients):
    counter = multiprocessing.Value("i", 0)
    errors = multiprocessing.Value("i", 0)
    elapsed = run_processes(clients, _client, port, paths, seconds, counter, errors)
    return counter.value / elapsed, errors.value


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    # The first request for a page makes its pictures' renditions: slow on a loaded machine.
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read(), dict(response.headers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--rounds", type=int, help="interleaved rounds (4; 3 with --bakerydemo)")
    pg_option(parser)
    parser.add_argument("--redis", help="e.g. redis://127.0.0.1:6379/0 (own key prefix)")
    parser.add_argument("--bakerydemo", type=Path, help="a wagtail/bakerydemo checkout")
    parser.add_argument("--bakerydemo-python", help="its Python (CHECKOUT/.venv/bin/python)")
    parser.add_argument(
        "--bakerydemo-database", help="a database bakerydemo's content is in (else built)"
    )
    args = parser.parse_args()
    if args.rounds is None:
        args.rounds = 3 if args.bakerydemo else 4
    load_before = os.getloadavg()

    prefix = f"practice-bench-{uuid.uuid4().hex[:8]}"
    # Closed in the `finally` below: drops the database and the scratch folder.
    scratch = contextlib.ExitStack()
    database_url, work = scratch.enter_context(throwaway_database(args.pg, "practice_bench"))
    base_env = production_env(
        database_url, work, WEB_CONCURRENCY=args.workers, CACHE_KEY_PREFIX=prefix
    )
    if args.redis:
        base_env["REDIS_URL"] = args.redis
    results = {}
    try:
        build_demo_site(base_env)
        servers = {}
        for label, cache_on in (("uncached", "false"), ("cached", "true")):
            port = free_port()
            env = {**base_env, "PAGE_CACHE_ENABLED": cache_on}
            servers[label] = (port, start_gunicorn(env, port, work / f"gunicorn-{label}.log"))
        bakery_port = None
        try:
            # Inside the try: if bakerydemo fails to start, our servers are stopped too.
            if args.bakerydemo:
                bakery_port = scratch.enter_context(serve_bakerydemo(args, work))
            for label, (port, server) in servers.items():
                url = f"http://127.0.0.1:{port}/"
                # A loaded machine can take more than the default 30 s to start both.
                wait_until_serving(server, url, work / f"gunicorn-{label}.log", timeout=120)
            port = servers["uncached"][0]
            base = f"http://127.0.0.1:{port}"
            html, _headers = get(base + ARTICLE)
            stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', html).group(1).decode()
            css = get(base + stylesheet)[0]
            # The theme's colours are inline in the page now; a theme.css link, if any, counts.
            theme = re.search(rb'href="(/theme\.css[^"]*)"', html)
            if theme:
                css += get(base + theme.group(1).decode().replace("&amp;", "&"))[0]
            scripts = re.findall(rb'<script[^>]+src="([^"]+)"', html)
            js = b"".join(get(base + src.decode())[0] for src in scripts)
            results["article_html_gzip"] = len(gzip.compress(html, 6))
            results["article_css_gzip"] = len(gzip.compress(css, 6))
            results["article_js_gzip"] = len(gzip.compress(js, 6)) if js else 0

            cached_base = f"http://127.0.0.1:{servers['cached'][0]}"
            for path in PAGES:
                get(cached_base + path)  # warm the cache
            assert get(cached_base + "/")[1].get("X-Page-Cache") == "hit"

            # Interleaved short rounds, so a burst of other work on the machine hits all three
            # alike; the median of the rounds is reported.
            plan = {
                "static": (servers["uncached"][0], [stylesheet]),
                "uncached": (servers["uncached"][0], PAGES),
                "cached": (servers["cached"][0], PAGES),
            }
            if bakery_port:
                bakery_html = get(f"http://127.0.0.1:{bakery_port}{bakerydemo.ARTICLE}")[0]
                bakery_css = re.search(rb'href="(/static/[^"]+\.css)"', bakery_html).group(1)
                plan.update(
                    {
                        "uncached article": (servers["uncached"][0], [ARTICLE]),
                        "cached article": (servers["cached"][0], [ARTICLE]),
                        "bakerydemo article": (bakery_port, [bakerydemo.ARTICLE]),
                        "bakerydemo static": (bakery_port, [bakery_css.decode()]),
                    }
                )
                get(cached_base + ARTICLE)
                assert get(cached_base + ARTICLE)[1].get("X-Page-Cache") == "hit"
            samples = {label: [] for label in plan}
            errors = dict.fromkeys(plan, 0)
            for _round in range(args.rounds):
                for label, (target, paths) in plan.items():
                    rate, failed = measure(target, paths, args.seconds / args.rounds, args.clients)
                    samples[label].append(rate)
                    errors[label] += failed
            for label in plan:
                results[label] = statistics.median(samples[label])
                results[f"{label}_errors"] = errors[label]
            results["samples"] = samples
        finally:
            for _port, server in servers.values():
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=30)
    finally:
        scratch.close()
        if args.redis:
            import redis

            client = redis.Redis.from_url(args.redis)
            keys = list(client.scan_iter(f"{prefix}*"))
            if keys:
                client.delete(*keys)

    static = results["static"]
    print(
        f"gunicorn workers={args.workers}, clients={args.clients}, {args.seconds:.0f}s each in "
        f"{args.rounds} interleaved rounds (medians)"
    )
    print(f"static file (whitenoise)  {static:8.0f} req/s")
    for label in ("uncached", "cached"):
        rate = results[label]
        print(
            f"{label + ' pages':<25} {rate:8.0f} req/s  {100 * rate / static:5.1f} % of static"
            f"  ({results[label + '_errors']} errors)"
        )
    if args.bakerydemo:
        print_side_by_side(results, load_before, os.getloadavg())
    total = sum(results[f"article_{kind}_gzip"] for kind in ("html", "css", "js"))
    print(
        f"article page gzipped: HTML {results['article_html_gzip'] / 1024:.1f} KB + CSS "
        f"{results['article_css_gzip'] / 1024:.1f} KB + JS {results['article_js_gzip'] / 1024:.1f}"
        f" KB = {total / 1024:.1f} KB"
    )


@contextlib.contextmanager
def serve_bakerydemo(args, work):
    python = args.bakerydemo_python or args.bakerydemo / ".venv" / "bin" / "python"
    with contextlib.ExitStack() as stack:
        if args.bakerydemo_database:
            database_url, build_first = args.bakerydemo_database, False
        else:
            database_url, _work = stack.enter_context(
                throwaway_database(args.pg, "bakerydemo_bench")
            )
            build_first = True
        yield stack.enter_context(
            bakerydemo.served(
                args.bakerydemo, python, database_url, work, args.workers, build_first=build_first
            )
        )


def print_side_by_side(results, load_before, load_after):
    print("side by side with bakerydemo (medians of the interleaved rounds):")
    for label in ("uncached article", "cached article", "bakerydemo article", "bakerydemo static"):
        rounds = ", ".join(f"{rate:.0f}" for rate in results["samples"][label])
        print(
            f"  {label:<20} {results[label]:8.0f} req/s  (rounds: {rounds}; "
            f"{results[label + '_errors']} errors)"
        )
    uncached = results["uncached article"] / results["bakerydemo article"]
    cached = results["cached article"] / results["static"]
    print(f"  uncached article / bakerydemo's article: {uncached:.2f}x (target 2.5x)")
    print(f"  cached article / our static file: {100 * cached:.1f} % (target 90 %)")
    print(
        "  load average (1, 5, 15 min) before: "
        + ", ".join(f"{value:.2f}" for value in load_before)
        + "; after: "
        + ", ".join(f"{value:.2f}" for value in load_after)
    )


if __name__ == "__main__":
    main()
