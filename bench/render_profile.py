"""Where an uncached page's time goes: cProfile over many renders, and the cold queries.

    .venv/bin/python bench/render_profile.py                       # throwaway demo database
    .venv/bin/python bench/render_profile.py --database-url URL --work DIR   # a demo you keep
    .venv/bin/python bench/render_profile.py --queries             # also print each cold query

Runs the site in-process with the production settings on PostgreSQL and the full-page cache
off (as bench/throughput.py's "uncached" server), through Django's test client: the whole
middleware stack, URL routing, Wagtail's serve and the templates, without gunicorn and the
socket. For each page it asks once (renditions, per-process caches), then profiles `--requests`
renders with the fragment caches warm and prints the top functions by their own time and by
cumulative time. Then it empties every cache and counts the page's queries (cold), again
(warm), and cold once more after another page has put back what every page shares. Numbers:
docs/performance.md, "Render cost".
"""

import argparse
import contextlib
import cProfile
import io
import pstats
import sys
import time

from stack import (
    PROJECT_DIR,
    build_demo_site,
    manage,
    pg_option,
    production_env,
    throwaway_database,
)

PAGES = {
    "article": "/education/knee-osteoarthritis/",
    "home": "/",
}
SITE_WIDE_REFILL = "/nondiscrimination/"  # a page of neither kind, with the site-wide parts


def profile(options):
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")

    def clear_caches():
        for alias in caches:
            caches[alias].clear()

    for name, path in PAGES.items():
        if options.only and name not in options.only:
            continue
        assert client.get(path).status_code == 200, path
        for _ in range(5):
            client.get(path)
        started = time.perf_counter()
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(options.requests):
            client.get(path)
        profiler.disable()
        elapsed = (time.perf_counter() - started) / options.requests
        print(f"\n=== {name} {path}: {1000 * elapsed:.2f} ms per request under cProfile")
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats(order).print_stats(options.top)
            print(f"--- top {options.top} by {order}")
            print(_trim(out.getvalue()))
        print(_shares(profiler))
        timings = []
        for _ in range(options.requests):
            started = time.perf_counter()
            client.get(path)
            timings.append(time.perf_counter() - started)
        timings.sort()
        print(f"--- without the profiler: median {1000 * timings[len(timings) // 2]:.2f} ms")

        def recorded(path):
            """[(SQL, who asked)] for one request. The execute wrapper counts; the SQL, with
            its values filled in, is read from the query log at once, from an empty log (a
            request may empty it when it starts, and the log keeps only the newest 9,000)."""
            connection.queries_log.clear()
            origins = []
            with (
                CaptureQueriesContext(connection) as captured,
                connection.execute_wrapper(_recording_origin(origins)),
            ):
                client.get(path)
            sql = [query["sql"] for query in captured.captured_queries]
            if len(sql) != len(origins):
                sql = ["?"] * len(origins)
            return list(zip(sql, origins, strict=True))

        clear_caches()
        cold = recorded(path)
        warm = recorded(path)
        # Cold again, but after another page put back what every page shares (the sites and
        # settings, the menu and footer, the offices): what the first visitor to each page
        # pays after a publish, once anyone has visited any page.
        clear_caches()
        client.get(SITE_WIDE_REFILL)
        after_another = recorded(path)
        print(
            f"--- queries: cold {len(cold)}, cold after another page {len(after_another)}, "
            f"warm {len(warm)}"
        )
        if options.queries:
            for label, queries in (("cold", cold), ("warm", warm)):
                print(f"--- {label} queries")
                for sql, origin in queries:
                    print("   ", sql[: options.width])
                    print("      from", origin)


SHARES = {
    "queries (Django's execute_sql)": [("compiler.py", "execute_sql")],
    "template rendering (queries inside included)": [("response.py", "rendered_content")],
    "routing (finding the site and the page)": [
        ("pages.py", "route_for_request"),  # Wagtail's walk down the tree
        ("routing.py", "_find_by_address"),
        ("routing.py", "_use_kept_route"),
    ],
}


def _shares(profiler):
    """What share of the profiled time went where (cumulative, so the lines overlap)."""
    stats = pstats.Stats(profiler).stats
    total = max(entry[3] for entry in stats.values())
    lines = ["--- shares of the time"]
    for label, functions in SHARES.items():
        spent = sum(
            entry[3]
            for (name, _line, func), entry in stats.items()
            if any(name.endswith(file) and func == function for file, function in functions)
        )
        lines.append(f"    {label}: {100 * spent / total:.0f} %")
    return "\n".join(lines)


def _recording_origin(origins):
    """An execute wrapper noting, for each query, the project's frames that asked for it."""
    import traceback

    def record(execute, sql, params, many, context):
        frames = [
            f"{frame.filename.replace(str(PROJECT_DIR) + '/', '')}:{frame.lineno} {frame.name}"
            for frame in traceback.extract_stack()
            if str(PROJECT_DIR) in frame.filename
            and "/.venv/" not in frame.filename
            and "bench/" not in frame.filename
        ]
        origin = " < ".join(reversed(frames[-3:])) or "Wagtail or Django"
        template = _innermost_template()
        origins.append(f"{origin} (in {template})" if template else origin)
        return execute(sql, params, many, context)

    return record


def _innermost_template():
    """The template and line of the innermost template node being rendered, if any: most
    queries come from a template's variable or tag, which the Python frames above do not name."""
    frame = sys._getframe(2)
    while frame is not None:
        node = frame.f_locals.get("self")
        origin = getattr(node, "origin", None)
        token = getattr(node, "token", None)
        if origin is not None and token is not None:
            return f"{origin.template_name}:{token.lineno}"
        frame = frame.f_back
    return None


def _trim(report):
    """pstats' table without its header lines and with the project's path shortened."""
    lines = report.splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    text = "\n".join(lines[start:])
    return text.replace(str(PROJECT_DIR) + "/", "").replace(sys.prefix + "/lib/", "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a PostgreSQL database with the demo site")
    parser.add_argument("--work", help="its folder (media/, static/), with --database-url")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--queries", action="store_true", help="print each cold query")
    parser.add_argument("--width", type=int, default=220, help="characters of each query")
    parser.add_argument("--only", action="append", choices=sorted(PAGES))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    pg_option(parser)
    options = parser.parse_args()
    if options.child:
        return profile(options)

    import subprocess

    with contextlib.ExitStack() as scratch:
        if options.database_url:
            from pathlib import Path

            if not options.work:
                parser.error("--database-url needs --work, the folder its uploads are in")
            database_url, work = options.database_url, Path(options.work)
        else:
            database_url, work = scratch.enter_context(
                throwaway_database(options.pg, "practice_profile")
            )
        env = production_env(
            database_url,
            work,
            PAGE_CACHE_ENABLED="false",
            ALLOWED_HOSTS="127.0.0.1,testserver",
        )
        if options.database_url:
            manage(env, "collectstatic", "--noinput", "-v0")
        else:
            build_demo_site(env)
        command = [sys.executable, __file__, "--child", *sys.argv[1:]]
        return subprocess.run(command, cwd=PROJECT_DIR, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
