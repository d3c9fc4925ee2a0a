"""Benchmark: patient education pages with many articles.

Usage (from the project folder, after `make install-dev`):

    .venv/bin/python bench/education_bench.py                 # 1000 articles, 5 s per page
    .venv/bin/python bench/education_bench.py -n 200 -d 3 -c 4

It builds the demo site plus N generated articles in a throwaway SQLite database (in a temporary
folder that is removed afterwards), starts gunicorn (deploy/gunicorn.conf.py) with the production
settings on a free 127.0.0.1 port, and reports for the article index, an article and a small
static file:

- the number of SQL queries a warm request makes (measured in-process on the same database);
- requests per second with C concurrent clients for D seconds each.

The static file shows what the same server manages when Django does almost nothing, so the page
numbers can be read as a fraction of it. Every phase is bounded in time and the server is always
stopped. Only 127.0.0.1 is ever contacted.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from stack import (
    build_demo_site,
    django_script,
    free_port,
    production_env,
    start_gunicorn,
    wait_until_serving,
)

STARTUP_TIMEOUT = 30
STEP_TIMEOUT = 600  # each manage.py step
SCRIPT_TIMEOUT = 900  # each script run in Django


BUILD_ARTICLES = """
import datetime, sys
import django
django.setup()
from django.db import transaction
from django.utils import timezone
from education.models import ArticleAuthor, ArticleIndexPage, ArticlePage, ClinicianPage, Topic
count = int(sys.argv[1])
index = ArticleIndexPage.objects.get(locale__language_code="en-us")  # the English one
template = ArticlePage.objects.live().first()
authors = list(ClinicianPage.objects.live())
topics = list(Topic.objects.all())
now = timezone.now()
with transaction.atomic():
    for n in range(count):
        article = ArticlePage(
            title=f"Generated article {n}", slug=f"generated-{n}", summary=template.summary,
            body=template.body.raw_data, hero_image=template.hero_image,
            hero_image_decorative=True, medical_reviewer=authors[0],
            last_reviewed=datetime.date(2026, 1, 1),
            display_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 2000),
            first_published_at=now, last_published_at=now,
        )
        article.article_authors.add(ArticleAuthor(clinician=authors[n % len(authors)]))
        article.topics = topics[n % len(topics):][:2]
        index.add_child(instance=article)
print(ArticlePage.objects.live().count())
"""

COUNT_QUERIES = """
import sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
for url in sys.argv[1:]:
    client.get(url)  # warm
    with CaptureQueriesContext(connection) as context:
        status = client.get(url).status_code
    print(url, status, len(context.captured_queries))
"""


def load(url, seconds, clients):
    """Requests per second with `clients` threads fetching `url` for `seconds`."""
    done, errors = [0] * clients, [0] * clients
    stop = time.monotonic() + seconds

    def worker(slot):
        while time.monotonic() < stop:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    response.read()
                done[slot] += 1
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                errors[slot] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 15)
    elapsed = time.monotonic() - started
    return sum(done) / elapsed, sum(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=1000, help="articles to generate")
    parser.add_argument("-d", "--duration", type=float, default=5.0, help="seconds per page")
    parser.add_argument("-c", "--clients", type=int, default=4, help="concurrent clients")
    parser.add_argument("-w", "--workers", type=int, default=2, help="gunicorn workers")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="education-bench-"))
    env = production_env(
        f"sqlite:///{workdir / 'bench.sqlite3'}",
        workdir,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        WEB_CONCURRENCY=options.workers,
        # deploy/gunicorn.conf.py recycles a worker after about 1,000 requests; a short run at
        # hundreds of requests a second would time the restart instead of the page.
        GUNICORN_CMD_ARGS="--max-requests 0",
    )
    server = None
    try:
        started = time.monotonic()
        build_demo_site(env, timeout=STEP_TIMEOUT)
        total = django_script(env, BUILD_ARTICLES, options.articles, timeout=SCRIPT_TIMEOUT)
        print(f"Built {total} live articles in {time.monotonic() - started:.0f} s.")

        static_url = django_script(
            env,
            "import django; django.setup(); from django.templatetags.static import static; "
            "print(static('practice/css/site.css'))",
            timeout=SCRIPT_TIMEOUT,
        )
        pages = {
            "article index": "/education/",
            "index, middle page": f"/education/?page={max(1, int(total) // 20)}",
            "article": "/education/opioid-induced-hyperalgesia/",
            "clinician": "/clinicians/edward-rubin/",
        }
        queries = {}
        for line in django_script(
            env, COUNT_QUERIES, *pages.values(), timeout=SCRIPT_TIMEOUT
        ).splitlines():
            url, status, count = line.rsplit(" ", 2)
            queries[url] = (status, count)

        port = free_port()
        server = start_gunicorn(env, port, workdir / "gunicorn.log")
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(server, base + "/robots.txt", workdir / "gunicorn.log", STARTUP_TIMEOUT)

        rows = []
        for name, path in [*pages.items(), ("static file (site.css)", static_url)]:
            try:
                urllib.request.urlopen(base + path, timeout=10).read()  # warm up
            except urllib.error.HTTPError as error:
                raise SystemExit(f"{path} answered {error.code}") from error
            rate, errors = load(base + path, options.duration, options.clients)
            status, count = queries.get(path, ("200", "-"))
            rows.append((name, path, status, count, rate, errors))

        print(
            f"\n{options.articles} generated articles, gunicorn with {options.workers} workers, "
            f"{options.clients} clients, {options.duration:g} s per page\n"
        )
        print(f"{'page':24} {'status':>6} {'queries':>8} {'req/s':>8} {'errors':>7}  path")
        for name, path, status, count, rate, errors in rows:
            print(f"{name:24} {status:>6} {count:>8} {rate:8.1f} {errors:>7}  {path}")
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
