"""Two application nodes behind an nginx proxy cache, sharing PostgreSQL, Redis and a media folder.

    .venv/bin/python bench/multinode.py [--pg URL] [--redis URL] [--nginx /usr/sbin/nginx]
                                        [--seconds 8] [--clients 4] [--base-port N] [--wrk PATH]

Starts two gunicorn nodes (production settings) on their own ports and nginx round-robin in
front, with a proxy_cache for public pages and a purge listener for the nodes (as in
deploy/nginx.conf), then shows, printing each step and exiting non-zero on any failure, that:
  1. both nodes serve the same pages through nginx, and each node caches them (X-Page-Cache);
  2. a staff member signed in through nginx stays signed in whichever node answers (sessions
     live in the shared database);
  3. an article unpublished through node A's admin disappears from node B at once, and
     published again through node B's admin reappears on node A (the page-cache generation
     lives in the shared Redis, so invalidation reaches every node);
  4. a new version published in node A's admin is served by the proxy and both nodes within
     1 s (the propagation time is printed): the nodes share the page-cache generation, and
     node A purges the proxy once the publish is committed (practice/frontend_cache.py);
  5. with its cache warm, the proxy serves the article at least 5 times the rate of a node's
     own page cache (both rates printed, same client, same run);
  6. stopping node A while clients keep requesting through nginx loses no request: nginx
     retries a refused connection on node B (proxy_next_upstream).
Needs nginx (Debian package `nginx`), PostgreSQL and Redis on this machine, and measures rates
with wrk (`apt-get install wrk`) when it is installed; the database, Redis keys and temporary
folder it makes are removed at the end.
"""

import argparse
import contextlib
import http.client
import multiprocessing
import re
import shutil
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import redis
from admin_client import Browser
from stack import (
    build_demo_site,
    free_port,
    http_request,
    manage,
    pg_option,
    production_env,
    run_processes,
    start_gunicorn,
    throwaway_database,
    wait_for,
    wait_until_serving,
)

ARTICLE = "/education/knee-osteoarthritis/"

# The proxy cache and purge listener of deploy/nginx.conf, on loopback ports.
NGINX_CONF = (Path(__file__).parent / "multinode-nginx.conf.template").read_text()


def step(message):
    print(f"- {message}", flush=True)


def check(condition, message):
    if not condition:
        raise SystemExit(f"FAILED: {message}")
    print(f"  ok: {message}", flush=True)


def status_of(port, path):
    status, headers, _body = http_request(port, "GET", path)
    return status, headers.get("X-Page-Cache")


def sign_in(browser):
    status, _headers, html = browser.request("GET", "/admin/login/")
    form = {
        "csrfmiddlewaretoken": browser.csrf_token(html),
        "username": "multinode",
        "password": "multinode-password-9",
        "next": "/admin/",
    }
    status, headers, _html = browser.request("POST", "/admin/login/", form=form)
    return status == 302 and headers.get("Location", "").endswith("/admin/")


def confirm(browser, path):
    """Open an admin confirmation page and confirm it; whether the admin redirected."""
    _status, _headers, html = browser.request("GET", path)
    form = {"csrfmiddlewaretoken": browser.csrf_token(html)}
    status, _headers, _html = browser.request("POST", path, form=form)
    return status == 302


def unpublish(browser, page_id):
    return confirm(browser, f"/admin/pages/{page_id}/unpublish/")


def publish(browser, page_id):
    return confirm(browser, f"/admin/bulk/wagtailcore/page/publish/?id={page_id}&next=/admin/")


def index_lists_article(port):
    """Whether the education index, a page the page cache serves, still lists the article."""
    _status, headers, html = http_request(port, "GET", "/education/")
    return f'href="{ARTICLE}"'.encode() in html, headers.get("X-Page-Cache")


def make_draft(env, page_id, title):
    """A new version of the page, saved as a draft (no visitor sees it yet)."""
    code = (
        "from wagtail.models import Page; "
        f"page = Page.objects.get(pk={page_id}).specific; page.title = {title!r}; "
        "page.save_revision()"
    )
    manage(env, "shell", "--no-imports", "-c", code)


def serves(port, title):
    status, headers, body = http_request(port, "GET", ARTICLE)
    return status == 200 and title.encode() in body, headers


def wait_until_all_serve(targets, title, since, limit=5.0):
    """Seconds after `since` at which each of `targets` ({label: port}) first served `title`,
    each asked over and over by a thread of its own."""
    seen = {}

    def watch(label, port):
        while time.monotonic() - since < limit:
            if serves(port, title)[0]:
                seen[label] = time.monotonic() - since
                return

    watchers = [threading.Thread(target=watch, args=item) for item in targets.items()]
    for watcher in watchers:
        watcher.start()
    for watcher in watchers:
        watcher.join()
    return seen


def _rate_client(port, seconds, counter):
    """Requests the article over a kept-open connection where the server keeps it (nginx),
    a new one where it closes it (gunicorn's sync workers)."""
    done = 0
    connection = None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if connection is None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", ARTICLE)
            response = connection.getresponse()
            response.read()
            done += response.status == 200
            if response.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = None
    with counter.get_lock():
        counter.value += done


def article_rate(port, seconds, clients, wrk=None):
    """Requests per second for the article on `port`: with wrk when installed (a Python client
    cannot keep up with nginx), else with `clients` Python processes."""
    if wrk:
        url = f"http://127.0.0.1:{port}{ARTICLE}"
        command = [wrk, "-t", "2", "-c", str(clients), "-d", f"{seconds:g}s", url]
        printed = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        failed = re.search(r"Non-2xx or 3xx responses: (\d+)", printed)
        if failed:
            raise SystemExit(f"FAILED: {failed.group(1)} answers other than 200 from {url}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", printed).group(1))
    counter = multiprocessing.Value("i", 0)
    elapsed = run_processes(clients, _rate_client, port, seconds, counter)
    return counter.value / elapsed


def keep_requesting(port, seconds, results):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, _cache = status_of(port, "/about/")
            results.append(status)
        except OSError:
            results.append("connection error")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pg_option(parser)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--nginx", default=shutil.which("nginx") or "/usr/sbin/nginx")
    parser.add_argument("--seconds", type=float, default=8, help="per rate measurement")
    parser.add_argument("--clients", type=int, default=4, help="concurrent connections")
    parser.add_argument("--wrk", default=shutil.which("wrk"), help="wrk, to measure rates")
    parser.add_argument(
        "--base-port", type=int, help="use this port and the three above it (default: free ones)"
    )
    args = parser.parse_args()
    if not Path(args.nginx).exists():
        raise SystemExit("nginx is not installed (apt-get install nginx).")

    prefix = f"practice-multinode-{uuid.uuid4().hex[:8]}"
    # Closed in the `finally` below: drops the database and the scratch folder.
    scratch = contextlib.ExitStack()
    database_url, work = scratch.enter_context(throwaway_database(args.pg, "practice_multinode"))
    if args.base_port:
        port_a, port_b, port, purge_port = range(args.base_port, args.base_port + 4)
    else:
        port_a, port_b, port, purge_port = (free_port() for _ in range(4))
    env = production_env(
        database_url,
        work,  # MEDIA_ROOT under it is the media folder both nodes share
        REDIS_URL=args.redis,
        CACHE_KEY_PREFIX=prefix,
        PAGE_CACHE_ENABLED="true",
        WEB_CONCURRENCY=2,
        # Visitors reach the site through the proxy; the nodes purge it on publish.
        SITE_URL=f"http://127.0.0.1:{port}",
        FRONTEND_CACHE_HTTP_URL=f"http://127.0.0.1:{purge_port}",
    )
    processes = []
    nginx_started = False
    try:
        step("Building the demo site in a throwaway database")
        build_demo_site(env)
        create_user = (
            "from django.contrib.auth import get_user_model; "
            "get_user_model().objects.create_superuser('multinode', 'm@example.com', "
            "'multinode-password-9')"
        )
        manage(env, "shell", "-c", create_user)
        find_article = (
            "from education.models import ArticlePage; "
            f"print(ArticlePage.objects.get(url_path__endswith='{ARTICLE}').pk)"
        )
        article_id = manage(env, "shell", "--no-imports", "-c", find_article, capture=True)
        article_id = article_id.strip().splitlines()[-1]

        node_a = start_gunicorn(env, port_a, work / "gunicorn-a.log")
        node_b = start_gunicorn(env, port_b, work / "gunicorn-b.log")
        processes += [node_a, node_b]
        for label, node, node_port in (("a", node_a, port_a), ("b", node_b, port_b)):
            url = f"http://127.0.0.1:{node_port}/"
            wait_until_serving(node, url, work / f"gunicorn-{label}.log", timeout=120)
        # nginx's workers (another user when started as root) keep the proxy cache under it.
        work.chmod(0o711)
        (work / "nginx.conf").write_text(
            NGINX_CONF.format(
                work=work, port=port, purge_port=purge_port, port_a=port_a, port_b=port_b
            )
        )
        subprocess.run([args.nginx, "-c", str(work / "nginx.conf"), "-p", str(work)], check=True)
        nginx_started = True
        answers = wait_for(f"http://127.0.0.1:{port}/", timeout=60)
        if not answers:
            print((work / "nginx-error.log").read_text()[-3000:])
        check(answers, f"nginx answers on port {port}")

        # The first render of a page makes its pictures' renditions: seconds on a busy machine.
        for path in ("/", "/about/", "/education/", ARTICLE):
            http_request(port_a, "GET", path, timeout=180)
        step("1. Both nodes serve the site, through nginx and directly, from their cache")
        for _ in range(4):
            status, _cache = status_of(port, ARTICLE)
            check(status == 200, "the article through nginx")
        for node_port in (port_a, port_b):
            status_of(node_port, "/about/")
            check(status_of(node_port, "/about/") == (200, "hit"), f"node :{node_port} cache hit")

        step("2. A signed-in session works on whichever node answers")
        browser = Browser(port)
        check(sign_in(browser), "signed in to the admin through nginx")
        answers = [browser.request("GET", "/admin/")[0] for _ in range(6)]
        check(answers == [200] * 6, f"six admin pages in a row answered 200 ({answers})")

        step("3. Unpublish through node A; node B stops serving at once. Publish through B.")
        for node_port in (port_a, port_b):
            status_of(node_port, ARTICLE)  # warm both caches
            index_lists_article(node_port)
            check(index_lists_article(node_port) == (True, "hit"), f"index cached on :{node_port}")
        on_a = Browser(port_a)
        check(sign_in(on_a) and unpublish(on_a, article_id), "unpublished through node A")
        check(status_of(port_b, ARTICLE)[0] == 404, "node B no longer serves the article")
        check(status_of(port_a, ARTICLE)[0] == 404, "node A no longer serves the article")
        check(not index_lists_article(port_b)[0], "node B's cached index no longer lists it")
        on_b = Browser(port_b)
        check(sign_in(on_b) and publish(on_b, article_id), "published again through node B")
        check(status_of(port_a, ARTICLE)[0] == 200, "node A serves it again")
        check(status_of(port_b, ARTICLE)[0] == 200, "node B serves it again")
        check(index_lists_article(port_a)[0], "node A's index lists it again")

        step("4. A new version published in node A's admin reaches the proxy and both nodes")
        title = f"Knee osteoarthritis, revised {uuid.uuid4().hex[:6]}"
        make_draft(env, article_id, title)
        for _ in range(2):
            _new, headers = serves(port, title)
        check(
            headers.get("X-Proxy-Cache") == "HIT" and not serves(port, title)[0],
            "the proxy serves the published version from its cache; the draft is not shown",
        )
        started = time.monotonic()
        check(publish(on_a, article_id), "published the new version in node A's admin")
        published = time.monotonic()
        seen = wait_until_all_serve(
            {"proxy": port, "node A": port_a, "node B": port_b}, title, published
        )
        propagation = max(seen.values(), default=float("inf"))
        each = ", ".join(f"{label} {seconds * 1000:.0f} ms" for label, seconds in seen.items())
        check(
            len(seen) == 3 and propagation <= 1.0,
            f"proxy and both nodes served the new version {propagation * 1000:.0f} ms after the "
            f"publish ({each}; the publish request itself, purge included, took "
            f"{(published - started) * 1000:.0f} ms; target: within 1 s)",
        )
        check(serves(port, title)[1].get("X-Proxy-Cache") == "HIT", "the proxy caches it again")

        step("5. The article from the warm proxy cache against a node's own page cache")
        check(status_of(port_a, ARTICLE) == (200, "hit"), "node A serves it from its page cache")
        rates = {"node": [], "proxy": []}
        for _round in range(2):
            rates["node"].append(article_rate(port_a, args.seconds, args.clients, args.wrk))
            rates["proxy"].append(article_rate(port, args.seconds, args.clients, args.wrk))
        node_rate, proxy_rate = (max(rates[name]) for name in ("node", "proxy"))
        check(
            proxy_rate >= 5 * node_rate,
            f"proxy cache {proxy_rate:,.0f} req/s against node A's page cache "
            f"{node_rate:,.0f} req/s ({proxy_rate / node_rate:.1f}x; target: at least 5x; "
            f"{'wrk' if args.wrk else 'Python clients'}, {args.clients} connections, "
            f"best of 2 rounds of {args.seconds:g} s each)",
        )

        step("6. Stop node A while clients request through nginx: no request is lost")
        results = []
        clients = [
            threading.Thread(target=keep_requesting, args=(port, 6, results)) for _ in range(4)
        ]
        for client in clients:
            client.start()
        time.sleep(2)
        node_a.send_signal(signal.SIGTERM)
        node_a.wait(timeout=30)
        for client in clients:
            client.join()
        failures = [r for r in results if r != 200]
        check(
            not failures and len(results) > 20,
            f"{len(results)} requests while node A stopped, {len(failures)} failed",
        )
        print("All multi-node checks passed.")
    finally:
        if nginx_started:
            subprocess.run(
                [args.nginx, "-c", str(work / "nginx.conf"), "-p", str(work), "-s", "stop"],
                check=False,
            )
        for process in processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
        client = redis.Redis.from_url(args.redis)
        for key in client.scan_iter(f"*{prefix}*"):
            client.delete(key)
        scratch.close()


if __name__ == "__main__":
    main()
