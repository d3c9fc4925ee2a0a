"""Running the project in a fresh process: with production settings (they read the environment
at import time), or a bench/ drill against the test run's own PostgreSQL server."""

import ast
import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parents[2]
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")

postgresql_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the drills need a PostgreSQL server: they run on the PostgreSQL test run",
)


def production_env(tmp_path, **overrides):
    """A plausible production environment, with nothing inherited that could mask a gap."""
    inherited = (*REQUIRED, "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG", "SERVE_MEDIA", "REDIS_URL")
    env = {key: value for key, value in os.environ.items() if key not in inherited}
    env.update(
        DJANGO_SETTINGS_MODULE="practice.settings.production",
        SECRET_KEY="prod-" + "k3y-" * 16,
        ALLOWED_HOSTS="practice.example,testserver",
        SITE_URL="https://practice.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        # Behind deploy/nginx.conf, which appends the client's address (docs/deployment.md).
        TRUST_X_FORWARDED_FOR="true",
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def run_python(code, env):
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def postgresql_server():
    """The PostgreSQL server the tests use, as a URL without a database."""
    settings = connection.settings_dict
    return f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"


def run_drill(script, timeout, built_demo):
    """Run bench/<script> against the server the tests use, copying the run's `built_demo`
    (tests/practice/conftest.py) where it would build one; return what it printed, after
    checking it passed."""
    result = subprocess.run(
        [sys.executable, f"bench/{script}", "--pg", postgresql_server()],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        # The drill's own Django processes run no event loop: they need no async exemption.
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            **built_demo,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED" in result.stdout
    return result.stdout


class RecordingFrontendCache:
    """A frontend-cache backend (settings.WAGTAILFRONTENDCACHE) that keeps the URLs it is asked
    to purge, in the order asked, instead of sending them anywhere."""

    purged = []

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        type(self).purged.extend(urls)


# --- The translation catalog -------------------------------------------------------------------


@dataclasses.dataclass
class CatalogEntry:
    """One message of a gettext .po file (obsolete '#~' entries are left out)."""

    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: str = ""
    plural_msgstrs: list = dataclasses.field(default_factory=list)
    flags: set = dataclasses.field(default_factory=set)
    reference: str = ""

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def is_translated(self):
        strings = self.plural_msgstrs if self.msgid_plural is not None else [self.msgstr]
        return "fuzzy" not in self.flags and bool(strings) and all(strings)

    def describe(self):
        context = f" (context {self.msgctxt!r})" if self.msgctxt else ""
        return f"{self.msgid!r}{context} from {self.reference}"


def catalog_entries(path):
    """The messages of a .po file, the header (msgid "") left out."""
    entries, entry, field = [], CatalogEntry(), None
    for line in [*Path(path).read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if not line:
            if entry.msgid:
                entries.append(entry)
            entry, field = CatalogEntry(), None
        elif line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#:") and not entry.reference:
            entry.reference = line[2:].split()[0]
        elif line.startswith("#"):
            continue  # comments, and obsolete entries ("#~")
        elif line.startswith('"'):
            _append(entry, field, ast.literal_eval(line))
        else:
            keyword, _, value = line.partition(" ")
            field = keyword
            if keyword.startswith("msgstr["):
                entry.plural_msgstrs.append("")
            _append(entry, field, ast.literal_eval(value))
    return entries


def _append(entry, field, text):
    if field.startswith("msgstr["):
        entry.plural_msgstrs[-1] += text
    elif field == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif field == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    else:
        setattr(entry, field, getattr(entry, field) + text)


def get(client, path="/", **extra):
    """A page that must answer 200."""
    response = client.get(path, **extra)
    assert response.status_code == 200, response.status_code
    return response
