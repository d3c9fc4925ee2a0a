"""Database queries per public page: cold (every cache empty) and warm (fragments cached).

    .venv/bin/python bench/query_counts.py                     # this checkout
    .venv/bin/python bench/query_counts.py --project ../old    # another checkout, to compare

Builds the demo site in a throwaway SQLite database with the development settings and the
full-page cache off, asks each page once so its images have their renditions (a one-time cost
that is not the page's), then for each page empties every cache and counts the queries of a
first and a second request. Prints one line per page; pages the checkout does not have are
skipped. Run it on two checkouts to compare a change (docs/performance.md).
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PAGES = [
    "/",
    "/about/",
    "/education/",
    "/education/opioid-induced-hyperalgesia/",
    "/clinicians/",
    "/authors/",
    "/consultation/",
    "/search/?q=opioid",
    "/education/feed/",
]


def count(project):
    sys.path.insert(0, str(project))
    import django
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    found = [path for path in PAGES if client.get(path).status_code == 200]
    for path in found:
        counts = []
        for cache in caches:
            caches[cache].clear()
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            counts.append(len(queries))
        print(f"RESULT {path:45} cold {counts[0]:3}  warm {counts[1]:3}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    project = options.project.resolve()
    if options.child:
        return count(project)
    with tempfile.TemporaryDirectory(prefix="query-counts-") as work:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST", "DATABASE_", "REDIS_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="practice.settings.dev",
            DATABASE_URL=f"sqlite:///{work}/db.sqlite3",
            MEDIA_ROOT=f"{work}/media",
            PAGE_CACHE_ENABLED="false",
            SECRET_KEY="bench-only",
        )
        command = [sys.executable, __file__, "--child", "--project", str(project)]
        run = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
        if run.returncode:
            sys.exit(run.stdout + run.stderr)
        print(f"Queries per page of {project}")
        for line in run.stdout.splitlines():
            if line.startswith("RESULT "):
                print("  " + line.removeprefix("RESULT "))


if __name__ == "__main__":
    main()
