"""Small helpers the tests of several apps share."""

import contextlib
import importlib.util
import json
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache as fragment_cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django_tasks import task_backends
from wagtail.models import Locale, Page, PageViewRestriction


def section_fixture(factory):
    """A fixture that makes the section `factory` makes (an index page) under the home page."""

    @pytest.fixture
    def section(home_page):
        from tests.fixture_replay import replayed

        return replayed(f"section {factory.__name__}", lambda: factory(parent=home_page))

    return section


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def json_ld_graph(response):
    """{@id: node} of the page's one JSON-LD graph (nodes without an @id under their index)."""
    scripts = soup_of(response).select('script[type="application/ld+json"]')
    assert len(scripts) == 1, f"{len(scripts)} JSON-LD scripts"
    nodes = json.loads(scripts[0].string)["@graph"]
    return {node.get("@id", index): node for index, node in enumerate(nodes)}


def make_private(page, restriction_type=PageViewRestriction.PASSWORD):
    """Put `page` (and everything under it) behind a password or a login."""
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="x")


def translate(page, language="es", publish=True, **fields):
    """A copy of `page` in `language`'s tree, with `fields` set, published. Parents with no
    translation yet are translated first, as real (published) copies: Wagtail would make them
    aliases, which show the English page."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    parent = page.get_parent()
    if parent.depth > 1 and not parent.has_translation(locale):
        translate(parent, language)
    translation = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    translation.refresh_from_db()
    return translation


def queries_for(client, url):
    """How many queries `url` costs; it must be found."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200, url
    return len(context.captured_queries)


def query_counts(client, urls, refill=None):
    """What each of `urls` (addresses by name) costs cold, then warm, as two dicts by name.

    Each page is fetched once first, for the per-process caches (content types, site root
    paths, renditions); then the cache is emptied, and `refill` (an address), if given, puts
    back only the site-wide parts (menu, footer), so "cold" counts the page's own fragments."""
    cold, warm = {}, {}
    for name, url in urls.items():
        client.get(url)
        fragment_cache.clear()
        if refill:
            client.get(refill)
        cold[name] = queries_for(client, url)
        warm[name] = queries_for(client, url)
    return cold, warm


def one_live_page_per_type():
    """The first live public page of every page type in every language, in tree order."""
    seen, pages = set(), []
    for page in Page.objects.live().public().filter(depth__gt=1).order_by("path"):
        if (page.content_type_id, page.locale_id) not in seen:
            seen.add((page.content_type_id, page.locale_id))
            pages.append(page)
    return pages


@cache
def bench_module(name):
    """bench/<name>.py, whose servers and settings the tests use too (bench/ is a folder of
    scripts, not a package)."""
    path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_stack():
    """bench/stack.py: servers and browser settings."""
    return bench_module("stack")


# What a browser sends with a form posted from one of the site's own pages (the test client's
# host is "testserver"); anonymous posts are checked by these, not by a token.
FROM_THIS_SITE = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def send_queued_mail():
    """Send the email the site queued (practice/mail.py) as the background worker would, into
    django.core.mail.outbox; returns the tasks run. A message that fails queues its retry."""
    from practice.mail import send_message

    queue = task_backends["background"]
    queued = [result for result in queue.results if result.task.func is send_message.func]
    for result in queued:
        queue.results.remove(result)
        with contextlib.suppress(Exception):  # a failure is the worker's to record
            result.task.call(*result.args, **result.kwargs)
    return queued


@contextlib.contextmanager
def mail_sent():
    """Run the block as a request runs (its on-commit callbacks queue the mail), then the
    worker: every email the block sent is in django.core.mail.outbox afterwards."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield
    send_queued_mail()


# settings.TASKS with the "background" tasks in django-tasks' database backend, as in
# production (the tests' own settings keep them in memory).
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


def run_like_the_worker(row):
    """Run one task row of the database backend as `manage.py db_worker` does: claimed, run,
    and recorded as successful or failed with its error. Returns the row, reloaded."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=[row.queue_name],
        interval=0,
        batch=True,
        backend_name=row.backend_name,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    row.claim(worker.worker_id)
    worker.run_task(row)
    row.refresh_from_db()
    return row


def staff_authenticator(user):
    """The staff member's authenticator app in tests (practice/staff_auth/), made once."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Test authenticator", defaults={"confirmed": True}
    )
    return device


def verify_session(session, user):
    """Mark a signed-in test session as verified by the user's second factor, as the real
    verification step does (django_otp.login)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session[DEVICE_ID_SESSION_KEY] = staff_authenticator(user).persistent_id
    session.save()


def current_code(device, steps_ahead=0):
    """The code the authenticator app shows now (RFC 6238, worked out here as an app does), or
    `steps_ahead` periods of 30 seconds later."""
    from django_otp.oath import totp

    code = totp(device.bin_key, step=device.step, digits=device.digits, drift=steps_ahead)
    return f"{code:0{device.digits}d}"


def restore_migration_data(migration_data):
    """Put back what migrations created (Wagtail's root page, locale and collection, the
    content types, permissions and staff groups) when a flush has taken it: `migration_data`
    is their rows (tests/db_rows.py), written back with the ids they had."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale

    from tests import db_rows

    if not Locale.objects.exists():
        db_rows.empty_to(migration_data)
        ContentType.objects.clear_cache()


def visible_text(response, language):
    """The words a reader of `language` ('en', 'es') sees on the page: the body's text
    without scripts and without anything marked with another `lang` (a tagline in Arabic, an
    English reference on a Spanish page)."""
    html = soup_of(response)
    for tag in html(["script", "style", "noscript", "template"]):
        tag.decompose()
    for tag in html.body.select("[lang]"):
        if not tag["lang"].lower().startswith(language):
            tag.decompose()
    title = html.title.get_text(" ") if html.title else ""
    return title + " " + html.body.get_text(" ")
