"""Lighthouse scores for the home, education, article, consultation, condition, treatment,
location and clinician-directory pages.

    .venv/bin/python bench/lighthouse.py [--pg URL]

Installs Lighthouse from bench/lighthouse/package.json (npm ci) on first use, builds the demo
site in a throwaway PostgreSQL database, serves it with gunicorn and the production settings
(uploads served by Django here, as nginx would serve them in production), and runs Lighthouse
in the system Chromium (CHROME_PATH, default /usr/bin/chromium) on each page with the mobile
preset, one page at a time. A page whose run fails (Lighthouse's runtime errors, such as
NO_NAVSTART when Chromium misses the navigation on a busy machine) is tried once more; a page
that fails twice is reported as such and the other pages still run. Prints, per page, the four
category scores, the layout shift and the load average, then every audit that lost points;
exits non-zero when any page failed or scored below 100. Numbers: docs/performance.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from stack import pg_option, served_demo_site

TOOL_DIR = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    "/",
    "/education/",
    "/education/opioid-induced-hyperalgesia/",
    "/consultation/",
    "/conditions/sciatica/",
    "/treatments/epidural-steroid-injection/",
    "/locations/springfield-harbor/",
    "/clinicians/",
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync"
)


class LighthouseFailed(Exception):
    """Lighthouse produced no scores for a page (a runtime error, a crash or a timeout)."""


def run_lighthouse(url, output):
    """One Lighthouse run: (scores by category, cumulative layout shift, lost audits)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    Path(output).unlink(missing_ok=True)
    try:
        finished = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                "--output=json",
                f"--output-path={output}",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
    except subprocess.TimeoutExpired as error:
        raise LighthouseFailed("no report within 180 s") from error
    if not Path(output).exists():
        raise LighthouseFailed(f"exit code {finished.returncode}: {finished.stderr.strip()[-300:]}")
    report = json.loads(Path(output).read_text())
    if report.get("runtimeError"):
        error = report["runtimeError"]
        raise LighthouseFailed(f"{error.get('code')}: {error.get('message', '')[:200]}")
    if any(report["categories"][name]["score"] is None for name in CATEGORIES):
        raise LighthouseFailed("a category has no score")
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    shift = report["audits"]["cumulative-layout-shift"]["numericValue"]
    lost = [
        f"{key} ({audit.get('displayValue', '')})".strip()
        for key, audit in report["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores, shift, lost


def measure(url, output, attempts=2):
    """run_lighthouse, tried once more after a failure; returns (result or None, errors)."""
    errors = []
    for _ in range(attempts):
        try:
            return run_lighthouse(url, output), errors
        except LighthouseFailed as error:
            errors.append(str(error))
    return None, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pg_option(parser)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=TOOL_DIR, check=True
        )

    failed = []
    with served_demo_site(args.pg, "practice_lighthouse") as base_url:
        print(f"{'page':45} " + " ".join(f"{c:>15}" for c in CATEGORIES) + "    CLS  load")
        with tempfile.TemporaryDirectory() as scratch:
            for path in PAGES:
                result, errors = measure(base_url + path, Path(scratch) / "report.json")
                load = os.getloadavg()[0]
                for error in errors:
                    print(f"{path:45} run failed: {error}", flush=True)
                if result is None:
                    print(f"{path:45} no scores after {len(errors)} tries", flush=True)
                    failed.append(path)
                    continue
                scores, shift, lost = result
                print(
                    f"{path:45} "
                    + " ".join(f"{scores[c]:>15}" for c in CATEGORIES)
                    + f" {shift:6.3f} {load:5.1f}",
                    flush=True,
                )
                for audit in lost:
                    print(f"{'':45} lost points: {audit}")
                if any(score < 100 for score in scores.values()):
                    failed.append(path)
    print(f"Below 100 or not measured: {', '.join(failed)}" if failed else "All pages at 100.")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
