"""deploy/nginx.conf itself, on loopback ports (bench/nginx_proxy.py), in front of the app on a
live server: what patients get through it.

- A page made private is never served public: warm it until nginx answers HIT, set a password
  on it in the admin, and the purge sent once that is committed (practice/frontend_cache.py)
  stores the restriction's own answer, the password form or the redirect to sign in, the same
  for everyone (practice/page_cache.py), in place of the public copy. Someone who entered the
  password gets the page itself, never stored.
- During a database outage every answer is the app's themed 503, never nginx's bare 502, and a
  node that is down is skipped.
- What patients type in a search never reaches the proxy's cache files.

Needs nginx; with CI=true a missing nginx fails the tests.
"""

import http.client
import os
import threading
from urllib.parse import urlencode

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory
from tests.helpers import bench_module

nginx_proxy = bench_module("nginx_proxy")

# Answers counted after each change: every one of them must show it.
REQUESTS = 20
# The Site's host, as the purge sends it (the cache key is host and path).
HOST = "localhost"
PUBLIC_TEXT = "How the practice looks after you"
PASSWORD_FORM = 'name="password"'
THEMED_503 = "The website is briefly unavailable"


def needs_nginx():
    if not nginx_proxy.nginx_installed():
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is missing; `make checkers` installs it (apt-get)")
        pytest.skip("nginx is not installed here (Debian: apt-get install nginx-light)")


@pytest.fixture
def live_node(live_server):
    needs_nginx()
    return live_server.url.removeprefix("http://")


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def app_node():
    """The app served from a thread, for a test that needs no database (a live server would
    make the test commit, and empty the database after it)."""
    needs_nginx()
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(WSGIHandler())
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def nginx(live_node, settings):
    """nginx in front of the live server, whose page cache is on."""
    with nginx_proxy.DeployedNginx([live_node]) as proxy:
        settings.PAGE_CACHE_ENABLED = True
        caches["pages"].clear()
        yield proxy
        caches["pages"].clear()


def purge_through(proxy, settings):
    """The app purges the proxy from now on (not while a test builds its pages: each purge
    renders a page again)."""
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "practice.frontend_cache.ProxyCacheBackend",
            "LOCATION": proxy.purge_url,
        }
    }


def fetch(proxy, path, method="GET", body=None, headers=None):
    """(status, headers, text) of one request to the site through nginx."""
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def answers(proxy, path):
    return [fetch(proxy, path) for _ in range(REQUESTS)]


def public_copies(found):
    return sum(PUBLIC_TEXT in text for _status, _headers, text in found)


def set_privacy(client, page, restriction_type, password=""):
    """What the admin's privacy modal posts."""
    form = {"restriction_type": restriction_type, "password": password}
    response = client.post(f"/admin/pages/{page.pk}/privacy/", form)
    assert response.status_code == 200 and b"set_privacy_done" in response.content


def enter_password(proxy, page, password):
    """The page password typed into the form, through nginx: the session cookie it sets."""
    restriction = PageViewRestriction.objects.get(page=page)
    status, headers, _text = fetch(
        proxy,
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        method="POST",
        body=urlencode({"password": password, "return_url": page.url}),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": f"http://{HOST}",
            "Sec-Fetch-Site": "same-origin",
        },
    )
    assert status == 302, status
    return headers["Set-Cookie"].split(";", 1)[0]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_made_private_in_the_admin_is_never_served_public_by_the_proxy(
    home_page, nginx, client, superuser, settings
):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about", intro=PUBLIC_TEXT)
    team = StandardPageFactory(parent=about, title="Our team", slug="team", intro=PUBLIC_TEXT)
    for page in (about, team):
        fetch(nginx, page.url)
        status, headers, text = fetch(nginx, page.url)
        assert (status, headers["X-Proxy-Cache"]) == (200, "HIT") and PUBLIC_TEXT in text
    purge_through(nginx, settings)
    client.force_login(superuser)

    set_privacy(client, about, PageViewRestriction.PASSWORD, "staff-only-9")
    for page in (about, team):
        found = answers(nginx, page.url)
        assert public_copies(found) == 0, f"{public_copies(found)} of {REQUESTS} public copies"
        assert all(status == 200 and PASSWORD_FORM in text for status, _, text in found)
        # The purge stored the password form: nginx answers it from its cache.
        assert found[0][1]["X-Proxy-Cache"] == "HIT"

    # Someone with the password has a session: the page itself, from the app, kept by no one.
    cookie = enter_password(nginx, about, "staff-only-9")
    status, headers, text = fetch(nginx, about.url, headers={"Cookie": cookie})
    assert status == 200 and PUBLIC_TEXT in text
    assert headers["X-Proxy-Cache"] == "BYPASS" and "private" in headers["Cache-Control"]
    assert public_copies(answers(nginx, about.url)) == 0

    set_privacy(client, about, PageViewRestriction.LOGIN)
    found = answers(nginx, team.url)
    assert public_copies(found) == 0
    assert {(status, headers["Location"]) for status, headers, _ in found} == {
        (302, "/admin/login/?next=/about/team/")
    }

    set_privacy(client, about, "none")
    status, headers, text = fetch(nginx, team.url)
    assert (status, headers["X-Proxy-Cache"]) == (200, "HIT") and PUBLIC_TEXT in text


@pytest.mark.parametrize("nodes", ["two nodes", "one node down"])
def test_a_database_outage_shows_patients_the_apps_503_never_a_bare_502(
    app_node, monkeypatch, nodes
):
    """Every node answers the themed 503 (practice/outage.py): nginx passes it on, rather than
    retrying it and marking every node failed. A node that refuses connections is skipped."""

    def unreachable(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')

    # Every query fails as psycopg fails with PostgreSQL unreachable, wherever the app asks
    # first (the route, since it reads the sites itself: practice/site_structure.py).
    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", unreachable)
    down = f"127.0.0.1:{nginx_proxy.free_port()}"  # nothing listens there
    upstreams = [app_node, app_node] if nodes == "two nodes" else [down, app_node]
    with nginx_proxy.DeployedNginx(upstreams) as proxy:
        found = [fetch(proxy, f"/?visit={n}") for n in range(REQUESTS)]
    kinds = [
        "themed 503" if status == 503 and THEMED_503 in text else f"{status} from nginx"
        for status, _headers, text in found
    ]
    assert kinds == ["themed 503"] * REQUESTS, {kind: kinds.count(kind) for kind in set(kinds)}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_what_patients_type_in_a_search_never_reaches_the_proxys_disk(home_page, nginx):
    typed = "zolpidem"  # a made-up search nobody else would write
    for path in (
        f"/search/?q={typed}",
        f"/es/search/?q={typed}",
        f"/search?q={typed}",  # redirected to /search/
        f"/search-suggestions/?q={typed}",
        f"/es/search-suggestions/?q={typed}",
    ):
        for _ in range(2):
            status, headers, _text = fetch(nginx, path)
            assert status in (200, 301), (path, status)
            assert "X-Proxy-Cache" not in headers, path
    written = [path for path in (nginx.work / "practice").rglob("*") if path.is_file()]
    assert not [path for path in written if typed.encode() in path.read_bytes()]
