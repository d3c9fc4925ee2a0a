"""The first request after a publish, against a warm request of the same page.

    .venv/bin/python bench/first_visit.py [--pg URL] [--warm 15]

Builds the demo site in a throwaway PostgreSQL database and serves it with gunicorn (production
settings, 2 workers, page cache on) and the background-task worker beside it
(`manage.py db_worker --backend background`), as docs/deployment.md runs them. Then, twice:

- with the worker running: publishes a new article with a picture no page used before, waits
  for the worker to render it (practice/prerender.py), times the first request for it and then
  the median of --warm further requests;
- with the worker stopped (as before there was one): the same with another new article, so the
  first request encodes the pictures itself.

Prints both, and PASSED when the first request after a publish (with the worker) takes at most
twice the warm request.
"""

import argparse
import http.client
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stack import (  # noqa: E402
    build_demo_site,
    free_port,
    manage,
    production_env,
    start_gunicorn,
    start_worker,
    throwaway_database,
    wait_for,
)

PUBLISH = """
from education.models import ArticleIndexPage, ArticlePage
from home.demo.images import demo_image
index = ArticleIndexPage.objects.live().first()
article = ArticlePage(
    title="Bench article {n}", slug="bench-article-{n}", summary="Published by the bench.",
    hero_image=demo_image("Bench picture {n}", seed={seed}), hero_image_alt="A picture",
    body=[("paragraph", "<p>" + "Plain words about pain. " * 60 + "</p>")],
)
index.add_child(instance=article)
article.save_revision().publish()
print(article.url)
"""


def timed_get(port, path):
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    elapsed = time.perf_counter() - started
    return response.status, response.getheader("X-Page-Cache"), elapsed


def queued_tasks(database_url):
    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status IN ('READY', 'RUNNING')"
        ).fetchone()[0]


def wait_for_worker(database_url, timeout=300):
    started = time.monotonic()
    while queued_tasks(database_url):
        if time.monotonic() - started > timeout:
            raise SystemExit("the worker did not finish its tasks")
        time.sleep(0.1)
    return time.monotonic() - started


def publish(env, n):
    output = manage(
        env, "shell", "--no-imports", "-c", PUBLISH.format(n=n, seed=900 + n), capture=True
    )
    return output.strip().splitlines()[-1]


def measure(port, path, warm):
    status, cache, first = timed_get(port, path)
    if status != 200:
        raise SystemExit(f"{path} answered {status}")
    warm_times = [timed_get(port, path)[2] for _ in range(warm)]
    return first, cache, statistics.median(warm_times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pg", default=os.environ.get("BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--warm", type=int, default=15)
    args = parser.parse_args()

    with throwaway_database(args.pg, "practice_first_visit") as (database_url, work):
        port = free_port()
        env = production_env(
            database_url,
            work,
            SERVE_MEDIA="true",
            PAGE_CACHE_ENABLED="true",
            WEB_CONCURRENCY=2,
            SITE_URL=f"http://127.0.0.1:{port}",
        )
        print("Building the demo site in a throwaway database...", flush=True)
        build_demo_site(env)
        server = start_gunicorn(env, port, work / "gunicorn.log")
        worker = start_worker(env, work / "worker.log")
        try:
            if not wait_for(f"http://127.0.0.1:{port}/"):
                raise SystemExit((work / "gunicorn.log").read_text())
            drained = wait_for_worker(database_url)
            print(f"The worker rendered the demo site's pages in {drained:.1f}s", flush=True)
            for page in ("/", "/about/", "/education/knee-osteoarthritis/") * 10:
                timed_get(port, page)  # both gunicorn workers warm, as on a site in use

            path = publish(env, 1)
            ready = wait_for_worker(database_url)
            with_worker = measure(port, path, args.warm)

            worker.terminate()
            worker.wait(timeout=30)
            path = publish(env, 2)
            without_worker = measure(port, path, args.warm)
        finally:
            for process in (server, worker):
                if process.poll() is None:
                    process.terminate()
                    process.wait(timeout=30)

    print(f"{'':34} {'first request':>14} {'warm (median)':>14} {'ratio':>6}")
    for label, (first, cache, warm) in (
        (f"with the worker (ready {ready:.1f}s after)", with_worker),
        ("without the worker", without_worker),
    ):
        print(f"{label:34} {first * 1000:11.1f} ms {warm * 1000:11.1f} ms {first / warm:6.1f}")
        print(f"{'':34} (first request from the page cache: {cache})")
    ratio = with_worker[0] / with_worker[2]
    print(
        f"RESULT first_ms={with_worker[0] * 1000:.1f} warm_ms={with_worker[2] * 1000:.1f} "
        f"ratio={ratio:.2f} without_worker_first_ms={without_worker[0] * 1000:.1f}"
    )
    print("PASSED" if ratio <= 2 else "FAILED: the first request took more than twice as long")
    return 0 if ratio <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
