"""deploy/nginx.conf itself, on loopback ports in front of app nodes, for drills and tests.

    with DeployedNginx(["127.0.0.1:8001", "127.0.0.1:8002"]) as nginx:
        nginx.port          # the site, plain HTTP
        nginx.purge_url     # the purge listener (FRONTEND_CACHE_HTTP_URL)

The copy differs from the deploy file only in what ties it to a machine: the site listens on
a free loopback port over plain HTTP instead of 443 with Let's Encrypt's certificate (the
port-80 server, which only redirects to HTTPS, is left out), the purge listener on another
free port, the app nodes are the ones given (with the deploy file's parameters), and logs,
cache and pid go to a scratch folder. Each of those lines must be found, so a change to
deploy/nginx.conf they no longer fit fails here loudly instead of testing something else.

A module of its own (no import from stack.py), so tests load it too (tests/helpers.py).
"""

import contextlib
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

DEPLOY_CONF = Path(__file__).resolve().parents[1] / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIRECT_SERVER = re.compile(r"\nserver \{\n    listen 80;\n.*?\n\}\n", re.DOTALL)
CERTIFICATE = re.compile(r"^ *ssl_certificate(_key)? .*\n", re.MULTILINE)
UPSTREAM_NODE = re.compile(r"^( *)server 127\.0\.0\.1:8000\b([^;]*);", re.MULTILINE)


def nginx_installed():
    return Path(NGINX).exists()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def replace_once(text, old, new):
    if text.count(old) != 1:
        raise ValueError(f"deploy/nginx.conf no longer has {old!r} once")
    return text.replace(old, new)


def substitute_once(pattern, replacement, text, times=1):
    text, found = pattern.subn(replacement, text)
    if found != times:
        raise ValueError(f"deploy/nginx.conf: {pattern.pattern!r} found {found} times")
    return text


def loopback_site(work, port, purge_port, upstreams):
    """deploy/nginx.conf with only its machine-specific lines replaced (see above)."""
    site = DEPLOY_CONF.read_text()
    site = substitute_once(REDIRECT_SERVER, "\n", site)
    site = substitute_once(CERTIFICATE, "", site, times=2)
    site = replace_once(site, "listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = replace_once(site, "listen [::]:443 ssl http2;", "")
    site = replace_once(site, "listen 127.0.0.1:8080;", f"listen 127.0.0.1:{purge_port};")
    nodes = "\n".join(rf"\1server {upstream}\2;" for upstream in upstreams)
    site = substitute_once(UPSTREAM_NODE, nodes, site)
    for folder in ("/var/cache/nginx/", "/var/log/nginx/"):
        if folder not in site:
            raise ValueError(f"deploy/nginx.conf no longer mentions {folder}")
        site = site.replace(folder, f"{work}/")
    return site


def main_config(work):
    """What Debian's /etc/nginx/nginx.conf does around the site: an http block including it."""
    temp = " ".join(
        f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    return (
        f"pid {work}/nginx.pid;\n"
        f"error_log {work}/error.log warn;\n"
        "worker_processes 1;\n"
        "events { worker_connections 512; }\n"
        f"http {{ {temp} uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;\n"
        f"       include {work}/practice.conf; }}\n"
    )


class DeployedNginx:
    """nginx running deploy/nginx.conf in front of `upstreams` ("host:port" each)."""

    def __init__(self, upstreams, port=None, purge_port=None):
        self.upstreams = list(upstreams)
        self.port = port or free_port()
        self.purge_port = purge_port or free_port()
        self.work = None
        self.process = None

    @property
    def purge_url(self):
        return f"http://127.0.0.1:{self.purge_port}"

    def start(self, timeout=10):
        self.work = Path(tempfile.mkdtemp(prefix="practice-nginx-"))
        # nginx's workers run as another user when started as root: they keep the cache here.
        self.work.chmod(0o711)
        site = loopback_site(self.work, self.port, self.purge_port, self.upstreams)
        (self.work / "practice.conf").write_text(site)
        (self.work / "nginx.conf").write_text(main_config(self.work))
        command = [NGINX, "-p", f"{self.work}/", "-c", str(self.work / "nginx.conf")]
        self.process = subprocess.Popen(
            [*command, "-g", "daemon off;"],
            stderr=open(self.work / "stderr.log", "w"),  # noqa: SIM115
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx did not start:\n{self.log()}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1),
            ):
                return self
            time.sleep(0.02)
        raise RuntimeError(f"nginx did not answer on port {self.port}:\n{self.log()}")

    def log(self):
        found = [self.work / name for name in ("stderr.log", "error.log")]
        return "\n".join(path.read_text() for path in found if path.exists())

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # nginx's fast shutdown
            self.process.wait(timeout=10)
        if self.work is not None:
            shutil.rmtree(self.work, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
