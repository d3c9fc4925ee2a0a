"""Production settings are checked in fresh processes: they read the environment at import time."""

import json
import os
import subprocess
import sys

import pytest

from .helpers import PROJECT_DIR, REQUIRED, production_env, run_python


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_a_required_variable(tmp_path, missing):
    env = production_env(tmp_path, **{missing: None})
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"set the environment variable(s) {missing} " in result.stderr


def test_production_names_every_missing_variable_at_once(tmp_path):
    env = production_env(tmp_path, SECRET_KEY=None, ALLOWED_HOSTS=None, DATABASE_URL=None)
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL" in result.stderr


def test_deploy_checks_report_nothing_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=PROJECT_DIR,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_http_only_and_same_site(tmp_path):
    code = """
        import json, django
        django.setup()
        from django.conf import settings as s
        print(json.dumps({name: getattr(s, name) for name in (
            "DEBUG", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
            "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY", "CSRF_COOKIE_SAMESITE",
            "SECURE_HSTS_SECONDS", "ALLOWED_HOSTS")}))
    """
    result = run_python(code, production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_HSTS_SECONDS": 31_536_000,
        "ALLOWED_HOSTS": ["practice.example", "testserver"],
    }


def test_hashed_static_files_are_compressed_and_cached_for_years(tmp_path):
    code = """
        import json, django
        django.setup()
        from django.core.management import call_command
        from django.templatetags.static import static
        from django.test import Client

        call_command("collectstatic", "--noinput", verbosity=0)
        url = static("practice/css/site.css")
        response = Client().get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip")
        plain = Client().get("/static/practice/css/site.css", secure=True)
        print(json.dumps({
            "url": url,
            "status": response.status_code,
            "cache_control": response["Cache-Control"],
            "encoding": response.get("Content-Encoding"),
            "vary": response.get("Vary"),
            "plain_cache_control": plain["Cache-Control"],
        }))
    """
    result = run_python(code, production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout)
    # site.<12 hex digits>.css: the name changes whenever the content does.
    assert served["url"].startswith("/static/practice/css/site.")
    assert served["url"] != "/static/practice/css/site.css"
    assert served["status"] == 200
    assert served["encoding"] == "gzip"
    assert "Accept-Encoding" in served["vary"]
    max_age = int(served["cache_control"].split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 60 * 60
    assert "immutable" in served["cache_control"]
    # The unhashed name may change content at any deploy, so it is only briefly cacheable.
    assert "immutable" not in served["plain_cache_control"]


def test_our_stylesheets_are_served_without_their_comments(tmp_path):
    """site.css keeps its comments in the source; patients download it without them."""
    code = """
        import json, django
        django.setup()
        from django.contrib.staticfiles import finders
        from django.core.management import call_command
        from django.templatetags.static import static
        from django.test import Client

        call_command("collectstatic", "--noinput", verbosity=0)
        response = Client().get(static("practice/css/site.css"), secure=True)
        with open(finders.find("practice/css/site.css")) as source:
            print(json.dumps({"served": b"".join(response.streaming_content).decode(),
                              "source": source.read()}))
    """
    result = run_python(code, production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    css = json.loads(result.stdout)
    assert "/*" in css["source"]
    assert "/*" not in css["served"] and "*/" not in css["served"]
    # Every rule is still there, fonts at their hashed names.
    assert css["served"].count("{") == css["source"].count("{") > 100
    assert 'url("../fonts/atkinson-hyperlegible-latin-400-normal.' in css["served"]
    assert len(css["served"]) < len(css["source"]) - 1000


def test_gunicorn_config_loads_and_logs_paths_without_query_strings():
    code = """
        import json
        from gunicorn.config import Config
        from gunicorn.app.base import Application

        class Probe(Application):
            def init(self, *args):
                return None
            def load(self):
                return None

        app = Probe.__new__(Probe)
        app.usage, app.prog, app.callable = None, None, None
        app.cfg = Config()
        app.load_config_from_file("deploy/gunicorn.conf.py")
        cfg = app.cfg
        print(json.dumps({
            "wsgi_app": cfg.wsgi_app, "workers": cfg.workers, "timeout": cfg.timeout,
            "access_log_format": cfg.access_log_format, "accesslog": cfg.accesslog,
            "max_requests": cfg.max_requests,
        }))
    """
    env = dict(os.environ, WEB_CONCURRENCY="3")
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    cfg = json.loads(result.stdout)
    assert cfg["wsgi_app"] == "practice.wsgi:application"
    assert cfg["workers"] == 3
    assert 10 <= cfg["timeout"] <= 60
    assert cfg["max_requests"] > 0
    assert cfg["accesslog"] == "-"
    # %(U)s is the path alone; %(r)s, %(q)s and %(f)s (referrer) would carry query strings.
    assert "%(U)s" in cfg["access_log_format"]
    for leaky in ("%(r)s", "%(q)s", "%(f)s"):
        assert leaky not in cfg["access_log_format"]
