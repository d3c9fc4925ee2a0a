#!/usr/bin/env python3
"""Regenerate the screenshots in docs/screenshots/ (shown in README.md).

    .venv/bin/python bench/screenshots.py
    .venv/bin/python bench/screenshots.py --url http://127.0.0.1:8000   # a site already running

Without --url it builds the demo site in a throwaway SQLite database (its own media folder too),
serves it with `manage.py runserver` on a free 127.0.0.1 port, takes the pictures in Chromium
(/usr/bin/chromium, or CHROMIUM_PATH) and stops the server. Each picture is the first screen
of the page (not the full page), so the PNGs stay small: home, an article and the consultation
form with errors, at 360 px and 1280 px.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WIDTHS = {360: 780, 1280: 800}
ARTICLE = "/education/exercise-for-low-back-pain/"
MAX_BYTES = 300 * 1024


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"The site did not answer on {url} within {timeout} s")


def serve_demo_site(scratch):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "practice.settings.dev",
        "DATABASE_URL": f"sqlite:///{scratch / 'screenshots.sqlite3'}",
        "MEDIA_ROOT": str(scratch / "media"),
        "DEBUG": "true",
    }

    def manage(*args):
        subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)

    manage("migrate", "--noinput", "-v", "0")
    manage("load_demo_content")
    port = free_port()
    server = subprocess.Popen(
        [str(PYTHON), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return server, f"http://127.0.0.1:{port}"


def show_consultation_errors(page, url):
    page.goto(url + "/consultation/")
    page.get_by_label("Full name").fill("Maria Quintero-Hale")
    page.get_by_label("E-mail address").fill("maria.quintero@")
    page.get_by_role("button", name="Send my request").click()
    page.locator(".error-summary").wait_for()
    page.evaluate("window.scrollTo(0, 0)")


def take_screenshots(url):
    from playwright.sync_api import sync_playwright

    shots = {
        "home": lambda page: page.goto(url + "/"),
        "article": lambda page: page.goto(url + ARTICLE),
        "consultation-errors": lambda page: show_consultation_errors(page, url),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, visit in shots.items():
                visit(page)
                path = OUT / f"{name}-{width}.png"
                page.screenshot(path=str(path), full_page=False, animations="disabled")
                size = path.stat().st_size
                print(f"{path.relative_to(ROOT)}: {size // 1024} KB")
                if size > MAX_BYTES:
                    sys.exit(f"{path.name} is over {MAX_BYTES // 1024} KB: keep pictures small")
            context.close()
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running practice site (default: start a demo site)")
    args = parser.parse_args()
    if args.url:
        take_screenshots(args.url.rstrip("/"))
        return
    with tempfile.TemporaryDirectory(prefix="practice-screenshots-") as scratch:
        server, url = serve_demo_site(Path(scratch))
        try:
            wait_for(url + "/")
            take_screenshots(url)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
