"""What recycling gunicorn workers costs: the static-file yardstick with max_requests 1000 (the
old setting) against deploy/gunicorn.conf.py as it is.

    .venv/bin/python bench/worker_recycling.py [--seconds 6] [--rounds 4]

Collects the static files into a scratch folder and starts two gunicorns side by side
(production settings, 2 workers each, access log off); 4 client processes request the hashed
stylesheet (served by whitenoise) from each in interleaved rounds. A new worker imports Django
and Wagtail again, about a second of CPU, so recycling every ~1,000 requests adds about a
millisecond of CPU to each request. No request reaches the database.
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stack import PROJECT_DIR, PYTHON, free_port, manage, production_env  # noqa: E402
from throughput import measure  # noqa: E402

VARIANTS = {
    "max_requests 1000 (before)": ["--max-requests", "1000", "--max-requests-jitter", "100"],
    "deploy/gunicorn.conf.py (now)": [],
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=6)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="practice-recycling-"))
    # No database is ever queried: static files are answered before any view runs.
    env = production_env("postgresql://127.0.0.1:1/unused", work, WEB_CONCURRENCY=2)
    servers = {}
    try:
        manage(env, "collectstatic", "--noinput", "-v0")
        code = (
            "from django.templatetags.static import static; print(static('practice/css/site.css'))"
        )
        url = manage(env, "shell", "-c", code, capture=True).strip().splitlines()[-1]
        for name, extra in VARIANTS.items():
            port = free_port()
            command = [PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", *extra]
            server = subprocess.Popen(
                command,
                cwd=PROJECT_DIR,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            servers[name] = (port, server)
        time.sleep(15)  # both booted, even on a busy machine
        rates = {name: [] for name in servers}
        for _ in range(args.rounds):
            for name, (port, _server) in servers.items():
                rates[name].append(measure(port, [url], args.seconds, 4)[0])
    finally:
        for _port, server in servers.values():
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    for name, values in rates.items():
        rounds = ", ".join(f"{value:.0f}" for value in values)
        print(f"{name:32} {statistics.median(values):6.0f} req/s (rounds: {rounds})")


if __name__ == "__main__":
    main()
