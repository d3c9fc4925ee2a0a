#!/usr/bin/env python3
"""Regenerate the screenshots in docs/screenshots/ (shown in README.md).

    .venv/bin/python bench/screenshots.py
    .venv/bin/python bench/screenshots.py --url http://127.0.0.1:8000   # a site already running

Without --url it builds the demo site in a throwaway SQLite database (its own media folder too),
serves it with `manage.py runserver` on a free 127.0.0.1 port, takes the pictures in Chromium
(/usr/bin/chromium, or CHROMIUM_PATH) and stops the server. Each picture is the first screen
of the page (not the full page), so the PNGs stay small: home, an article, a clinician and the
consultation form with errors, at 360 px and 1280 px.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from stack import PROJECT_DIR, PYTHON, clean_environ, free_port, manage, wait_for

OUT = PROJECT_DIR / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WIDTHS = {360: 780, 1280: 800}
ARTICLE = "/education/exercise-for-low-back-pain/"
CLINICIAN = "/clinicians/anita-reyes/"
MAX_BYTES = 300 * 1024
STARTUP_TIMEOUT = 60


def serve_demo_site(scratch):
    env = clean_environ(
        DJANGO_SETTINGS_MODULE="practice.settings.dev",
        DATABASE_URL=f"sqlite:///{scratch / 'screenshots.sqlite3'}",
        MEDIA_ROOT=scratch / "media",
        DEBUG="true",
    )
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_demo_content")
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return server, f"http://127.0.0.1:{port}"


def show_consultation_errors(page, url):
    page.goto(url + "/consultation/")
    page.get_by_label("Full name").fill("Maria Quintero-Hale")
    page.get_by_label("Email address").fill("maria.quintero@")
    page.get_by_role("button", name="Send my request").click()
    page.locator(".error-summary").wait_for()
    page.evaluate("window.scrollTo(0, 0)")


def take_screenshots(url):
    from playwright.sync_api import sync_playwright

    shots = {
        "home": lambda page: page.goto(url + "/"),
        "article": lambda page: page.goto(url + ARTICLE),
        "clinician": lambda page: page.goto(url + CLINICIAN),
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
                print(f"{path.relative_to(PROJECT_DIR)}: {size // 1024} KB")
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
            if not wait_for(url + "/", timeout=STARTUP_TIMEOUT):
                sys.exit(f"The site did not answer on {url}/ within {STARTUP_TIMEOUT} s")
            take_screenshots(url)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
