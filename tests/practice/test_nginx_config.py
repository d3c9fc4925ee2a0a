"""deploy/nginx.conf loads on the distribution's nginx (`nginx -t`).

The example points at Let's Encrypt's certificates, /var/log/nginx and /var/cache/nginx; a copy
is pointed at a throwaway self-signed certificate and a temporary folder instead, and included
in a minimal main configuration, as Debian's /etc/nginx/nginx.conf includes sites-enabled/ in
its http block.
`make checkers` installs nginx where it can; with CI=true a missing nginx fails the test.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY_CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
CERT_DIR = "/etc/letsencrypt/live/practice.example/"


def tool(name):
    found = shutil.which(name) or (
        f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None
    )
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing; `make checkers` installs it (apt-get)")
        pytest.skip(f"{name} is not installed here (Debian: apt-get install nginx-light openssl)")
    return found


@pytest.fixture
def config(tmp_path):
    """A main configuration including a copy of deploy/nginx.conf with a throwaway cert."""
    subprocess.run(
        [tool("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=practice.example"]
        + ["-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
        check=True,
        capture_output=True,
    )
    site = DEPLOY_CONF.read_text()
    assert CERT_DIR in site and "/var/log/nginx/" in site and "/var/cache/nginx/" in site
    for path in (CERT_DIR, "/var/log/nginx/", "/var/cache/nginx/"):
        site = site.replace(path, f"{tmp_path}/")
    (tmp_path / "practice.conf").write_text(site)
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{ include {tmp_path}/practice.conf; }}\n"
    )
    return main


def test_the_example_nginx_config_passes_nginx_t(config):
    nginx = tool("nginx")
    result = subprocess.run(
        [nginx, "-t", "-e", "stderr", "-p", f"{config.parent}/", "-c", str(config)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "[warn]" not in result.stderr, result.stderr


def test_the_example_nginx_config_hides_the_version():
    lines = [line.strip() for line in DEPLOY_CONF.read_text().splitlines()]
    assert "server_tokens off;" in lines
