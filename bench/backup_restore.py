"""Backup and restore drill: deploy/backup.sh then deploy/restore.sh into a fresh database and
uploads folder, and the restored site serves the same pages and images.

    .venv/bin/python bench/backup_restore.py [--pg postgresql://postgres@127.0.0.1:5432]

Uses two throwaway databases on the given PostgreSQL server (dropped at the end):
1. the source is migrated and given the demo content (pages, settings, images);
2. deploy/backup.sh writes the dump and the uploads tarball;
3. deploy/restore.sh restores them into an empty database and an empty uploads folder;
4. the restored copy is compared with the source (rows per table, every uploaded file's bytes)
   and the home page is rendered from it, with its images. Exits non-zero when anything differs.
"""

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from stack import (
    PROJECT_DIR,
    Checks,
    clean_environ,
    django_script,
    load_demo,
    pg_option,
    throwaway_database,
)

# Runs inside Django against the restored copy: renders pages and fetches the home page's images.
RENDER_RESTORED_SITE = """
import json, re
import django
django.setup()
from django.test import Client
from wagtail.models import Page
client = Client()
home = client.get("/")
images = re.findall(r'src="(/media/[^"]+)"', home.content.decode())
print(json.dumps({
    "home": home.status_code,
    "pages": {p.url: client.get(p.url).status_code for p in Page.objects.live().specific()
              if p.url},
    "images": {src: client.get(src).status_code for src in images},
}))
"""


def table_counts(url):
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def file_digests(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def env_for(database_url, media):
    # Development settings read MEDIA_ROOT from the environment and serve uploads.
    return clean_environ(
        DJANGO_SETTINGS_MODULE="practice.settings.dev",
        DEBUG="false",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=database_url,
        MEDIA_ROOT=media,
        LOG_LEVEL="WARNING",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    pg_option(parser, help="PostgreSQL server (without a database name)")
    args = parser.parse_args()
    check = Checks()
    with (
        throwaway_database(args.pg, "practice_backup_src") as (source_url, work),
        throwaway_database(args.pg, "practice_backup_dst") as (restored_url, _),
    ):
        source_media = work / "media-source"
        source_env = env_for(source_url, source_media)
        print(f"Building the source site in {source_url.rsplit('/', 1)[1]}...", flush=True)
        load_demo(source_env)
        # Renditions exist too once a page has been shown; back them up like production would.
        django_script(source_env, RENDER_RESTORED_SITE)

        started = time.monotonic()
        backup = subprocess.run(
            ["bash", "deploy/backup.sh"],
            cwd=PROJECT_DIR,
            env={**source_env, "BACKUP_DIR": str(work / "backups")},
            check=True,
            capture_output=True,
            text=True,
        )
        backup_seconds = time.monotonic() - started
        dump, tarball = backup.stdout.split()[-2:]
        check(Path(dump).stat().st_size > 0, f"backup.sh wrote {Path(dump).name}")
        check(Path(tarball).stat().st_size > 0, f"backup.sh wrote {Path(tarball).name}")

        restored_media = work / "media-restored"
        restored_env = env_for(restored_url, restored_media)
        refused = subprocess.run(
            ["bash", "deploy/restore.sh", dump],
            cwd=PROJECT_DIR,
            env=restored_env,
            capture_output=True,
            text=True,
        )
        check(refused.returncode == 2, "restore.sh refuses to run without --yes")

        started = time.monotonic()
        subprocess.run(
            ["bash", "deploy/restore.sh", "--yes", dump],
            cwd=PROJECT_DIR,
            env=restored_env,
            check=True,
            capture_output=True,
            text=True,
        )
        restore_seconds = time.monotonic() - started

        source_counts = table_counts(source_url)
        restored_counts = table_counts(restored_url)
        check(
            source_counts == restored_counts and source_counts.get("wagtailcore_page", 0) > 1,
            f"every table has the same rows ({sum(source_counts.values())} rows, "
            f"{source_counts.get('wagtailcore_page')} pages, "
            f"{source_counts.get('wagtailimages_image')} images)",
        )
        source_files = file_digests(source_media)
        check(
            source_files == file_digests(restored_media) and source_files,
            f"every upload is restored byte for byte ({len(source_files)} files)",
        )

        rendered = django_script(restored_env, RENDER_RESTORED_SITE)
        served = json.loads(rendered.splitlines()[-1])
        check(served["home"] == 200, "the restored home page renders")
        check(
            served["pages"] and set(served["pages"].values()) == {200},
            f"every live page of the restored site answers 200 ({len(served['pages'])} pages)",
        )
        check(
            served["images"] and set(served["images"].values()) == {200},
            f"the home page's images are served from the restored uploads "
            f"({len(served['images'])} images)",
        )
        print(f"RESULT backup_s={backup_seconds:.2f} restore_s={restore_seconds:.2f}")
    return check.exit_status()


if __name__ == "__main__":
    sys.exit(main())
