"""The demo site, built once per test run and copied back for every module that walks it.

`home.demo.build` takes 15-25 s (pages published one by one, their revisions, references and
search entries, the pictures drawn); the smoke tests of about twenty modules each need a fresh
copy, since each module's copy is rolled back or flushed when the module ends. The first build
of a run is real. What it changed, table by table, is then read row by row (tests/db_rows.py),
and every later module gets those rows written back: the same pages, revisions, pictures and
search entries with the same ids, in well under a second. The pictures' files stay in the run's
MEDIA_ROOT (tests/conftest.py empties it when the run ends). The tests of the builder itself
(tests/home/test_demo_content.py) still build it for real.
"""

from tests import db_rows

_built = None


def build_demo():
    """Build the demo site in the database, or copy back the rows of the run's first build."""
    global _built
    if _built is not None:
        db_rows.write(_built)
        return
    from home import demo

    before = db_rows.read()
    demo.build(log=lambda message: None)
    _draw_the_pictures()
    after = db_rows.read()
    _built = {table: rows for table, rows in after.items() if before.get(table) != rows}


def _draw_the_pictures():
    """Ask for every live page once, as the background worker does after each publish in
    production (practice/prerender.py), so the renditions the pages show are drawn by the first
    build and copied with it. Every module that walked the demo drew them all again: half of
    the time of its first visit to each page."""
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    for page in Page.objects.live().filter(depth__gt=1):
        if url := page.get_url():
            client.get(url)
