"""Lighthouse scores for the home, education, article, consultation, condition, treatment,
location and clinician-directory pages.

    .venv/bin/python bench/lighthouse.py [--pg URL]

Installs Lighthouse from bench/lighthouse/package.json (npm ci) on first use, builds the demo
site in a throwaway PostgreSQL database, serves it with gunicorn and the production settings
(uploads served by Django here, as nginx would serve them in production), and runs Lighthouse
in the system Chromium (CHROME_PATH, default /usr/bin/chromium) on each page with the mobile
preset. Prints the four category scores per page and every audit that lost points; exits
non-zero when any score is below 100. Numbers: docs/performance.md.
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


def run_lighthouse(url, output):
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={output}",
        ],
        env=env,
        check=True,
        timeout=180,
    )
    report = json.loads(Path(output).read_text())
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    lost = [
        f"{key} ({audit.get('displayValue', '')})".strip()
        for key, audit in report["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return scores, lost


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pg_option(parser)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "ci", "--silent", "--no-audit", "--no-fund"], cwd=TOOL_DIR, check=True
        )

    failed = False
    with served_demo_site(args.pg, "practice_lighthouse") as base_url:
        print(f"{'page':45} " + " ".join(f"{c:>15}" for c in CATEGORIES))
        with tempfile.TemporaryDirectory() as scratch:
            for path in PAGES:
                scores, lost = run_lighthouse(base_url + path, Path(scratch) / "report.json")
                print(f"{path:45} " + " ".join(f"{scores[c]:>15}" for c in CATEGORIES))
                for audit in lost:
                    print(f"{'':45} lost points: {audit}")
                failed |= any(score < 100 for score in scores.values())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
