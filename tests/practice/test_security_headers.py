import json
import re

import pytest

from practice.security import ADMIN_POLICY, PUBLIC_POLICY, public_policy, style_source

from .helpers import production_env, run_python

pytestmark = pytest.mark.django_db


def directives(policy):
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_public_policy_allows_nothing_inline_and_nothing_foreign():
    policy = directives(PUBLIC_POLICY)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "unsafe-inline" not in PUBLIC_POLICY
    assert "unsafe-eval" not in PUBLIC_POLICY


def test_admin_policy_is_looser_but_still_same_origin_only():
    policy = directives(ADMIN_POLICY)
    # Every source is this site, an inline block, or a data:/blob: URL made by the page.
    allowed = {"'self'", "'unsafe-inline'", "data:", "blob:", "'none'"}
    assert {source for sources in policy.values() for source in sources} <= allowed
    assert "'unsafe-eval'" not in ADMIN_POLICY
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]  # the editor frames its own previews
    assert policy["form-action"] == ["'self'"]


INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def test_public_page_gets_the_strict_policy_and_every_header(client, home_page):
    """The one inline block, the theme's colours, is allowed by its hash; nothing else is."""
    response = client.get("/")
    assert response.status_code == 200
    styles = INLINE_STYLE.findall(response.content.decode())
    assert len(styles) == 1 and "--color-primary" in styles[0]
    assert response["Content-Security-Policy"] == public_policy([style_source(styles[0])])
    assert response["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


def test_the_inline_style_allowance_is_that_text_and_nothing_more():
    policy = directives(public_policy([style_source(":root { --color-primary: #1d5c8a; }")]))
    # printf '%s' ':root { --color-primary: #1d5c8a; }' | openssl dgst -sha256 -binary | base64
    digest = "6bvvJr4iziECK9pNr71AxEaBnJCD8b1ocFF9PNBok7w="
    assert policy["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert "unsafe" not in " ".join(policy["style-src"])
    assert {name: sources for name, sources in policy.items() if name != "style-src"} == {
        name: sources for name, sources in directives(PUBLIC_POLICY).items() if name != "style-src"
    }


def test_missing_page_gets_the_same_headers(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    styles = INLINE_STYLE.findall(response.content.decode())
    assert response["Content-Security-Policy"] == public_policy(map(style_source, styles))
    assert_common_headers(response)


def test_admin_login_gets_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_POLICY
    assert_common_headers(response)


def test_draft_view_in_the_admin_gets_the_admin_policy_not_the_public_one(admin_client, home_page):
    """Wagtail renders drafts through a dummy public request; the admin's policy must win."""
    response = admin_client.get(f"/admin/pages/{home_page.pk}/view_draft/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_POLICY


def test_theme_stylesheet_gets_the_headers_too(client, home_page):
    response = client.get("/theme.css")
    assert response["Content-Security-Policy"] == PUBLIC_POLICY
    assert_common_headers(response)


def test_production_sends_hsts_and_redirects_plain_http(tmp_path):
    code = """
        import json, django
        django.setup()
        from django.core.management import call_command
        from django.templatetags.static import static
        from django.test import Client
        call_command("collectstatic", "--noinput", verbosity=0)
        client = Client()
        url = static("practice/css/site.css")
        plain = client.get(url)
        secure = client.get(url, secure=True)
        print(json.dumps({"plain_status": plain.status_code, "plain_location": plain["Location"],
                          "hsts": secure.get("Strict-Transport-Security")}))
    """
    result = run_python(code, production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout)
    assert served["plain_status"] == 301
    assert served["plain_location"].startswith("https://")
    assert served["hsts"] == "max-age=31536000; includeSubDomains; preload"
