"""Drill: `manage.py import_wordpress` on an export of every awkward shape, on SQLite and
PostgreSQL.

Usage (from the project folder; PostgreSQL on 127.0.0.1):

    .venv/bin/python bench/wordpress_shapes.py                  # 600 posts and pages, both
    .venv/bin/python bench/wordpress_shapes.py --items 120 --database sqlite

It writes one WordPress export (and an uploads folder) that mixes what exports nobody here
wrote contain: the wp: namespace spelt http:// and https://, in its WXR 1.0, 1.1 and 1.2
forms (each item declares its own); authors without IDs, and posts by authors the export
does not list; untitled items, empty bodies, bodies that are only a missing picture; galleries
without IDs; missing pictures with captions; a site in a sub-folder (/blog) with ?p= and
?page_id= permalinks; WXR 1.0 tags (domain="tag"), bare and domain-less categories; comments
without a state or an ID; script and style in titles, headings, summaries, comments and author
names; nested pages behind "//" links; WordPress.com attachment addresses (files present and
missing); every post status; items without an ID; other post types and unaccepted files.

For each database it builds the demo site in a fresh database with the production settings
(bench/stack.py), imports the export twice in a process of its own, and checks:

- no traceback, and no item that failed for an unexpected reason ("could not be imported");
- every item accounted for: the report's rows add up to the export's posts, pages,
  attachments, comments and other items, and the drafts held back to check are the hollow
  items the export holds;
- the second run changes nothing: the imported tables (pages, revisions, log entries,
  redirects, topics, comments, images, documents, the import's own records), dumped before
  and after, are identical, and its report creates and updates nothing.

It also reads the export with its header rewritten as WXR 1.0 and 1.1: the same items.
Nothing is downloaded.
"""

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))

from stack import PYTHON, Checks, manage, production_env, throwaway_database  # noqa: E402
from wordpress_shape_export import generate  # noqa: E402

DUMPED = [
    "home.importeditem", "wagtailcore.page", "wagtailcore.revision", "wagtailcore.pagelogentry",
    "wagtailredirects.redirect", "education.topic", "education.articlepage",
    "education.articleauthor", "education.clinicianpage", "pages.standardpage",
    "comments.comment", "wagtailimages.image", "wagtaildocs.document", "wagtailcore.collection",
]  # fmt: skip
ROW = re.compile(r"^([A-Z][\w (),]+?)\s{2,}([\d,]+)\s+([\d,]+)\s+([\d,]+)\s+([\d,]+)$")
KINDS = {"article": "Articles (posts)", "page": "Pages", "attachment": "Images and documents",
         "comment": "Comments", "other": "Other items"}  # fmt: skip
HELD = "Imported as drafts to check (WordPress had them public):"


def table(output):
    """{row heading: [created, updated, unchanged, skipped]} from the report's summary."""
    rows = {}
    for line in output.splitlines():
        if match := ROW.match(line):
            rows[match.group(1)] = [int(n.replace(",", "")) for n in match.groups()[1:]]
    return rows


def held_items(output):
    """{(kind, label)} listed as drafts to check (each once, whatever its reasons)."""
    found, inside, kind = set(), False, None
    for line in output.splitlines():
        if not line.startswith((" ", "-")):
            inside = line == HELD
        elif inside and (match := re.match(r"^- (\w+), [\d,]+: ", line)):
            kind = match.group(1)
        elif inside and line.startswith("    "):
            found.add((kind, line.strip()))
    return found


def import_once(env, export, uploads):
    """What the command printed (stdout and stderr; every label listed), and its status."""
    process = subprocess.run(
        [PYTHON, "manage.py", "import_wordpress", str(export), "--media", str(uploads),
         "--verbosity", "2"],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True,
    )  # fmt: skip
    return process.stdout + process.stderr, process.returncode


def dump(env):
    """The imported tables as dumpdata writes them, and {model: rows}."""
    text = manage(env, "dumpdata", *DUMPED, capture=True)
    return text, collections.Counter(row["model"] for row in json.loads(text))


def drill(name, env, export, uploads, expected, check, save=None):
    """Migrate, build the demo site, import twice; the checks above, printed as they go."""
    print(f"\n== {name} ==")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content")
    first, status = import_once(env, export, uploads)
    rows = table(first)
    check(status == 0 and "Traceback" not in first, "first run: no traceback")
    check("could not be imported" not in first, "first run: no item failed unexpectedly")
    for kind, heading in KINDS.items():
        counted = sum(rows.get(heading, [0]))
        check(counted == expected[kind],
              f"{heading}: {counted:,} in the report, {expected[kind]:,} in the export "
              f"(created, updated, unchanged, skipped: {rows.get(heading)})")  # fmt: skip
    held = held_items(first)
    check(len(held) == expected["held"],
          f"drafts to check: {len(held)} in the report, {expected['held']} hollow items in "
          "the export")  # fmt: skip
    before = dump(env)
    second, status = import_once(env, export, uploads)
    again = table(second)
    check(status == 0 and "Traceback" not in second, "second run: no traceback")
    changed = {h: r[:2] for h, r in again.items() if r[0] or r[1]}
    check(not changed, f"second run: nothing created or updated {changed or ''}")
    made = sum(rows.get("Redirects", [0, 0, 0, 0])[0::2])  # created, or found already made
    check(
        again.get("Redirects", [0, 0, 0, 0])[2] == made,
        f"second run: the first run's {made:,} redirects counted as unchanged",
    )
    after = dump(env)
    rows_dumped = ", ".join(f"{n:,} {model}" for model, n in sorted(after[1].items()))
    check(before == after, f"second run: the dumped rows identical ({rows_dumped})")
    print("\nFirst run's summary:")
    print("\n".join(line for line in first.splitlines() if ROW.match(line) or "Read " in line))
    print(f"Second run: {again}")
    if save:
        for number, output in enumerate((first, second), 1):
            (save / f"{name.lower()}-run-{number}.txt").write_text(output, encoding="utf-8")


def read_as_other_versions(export, check):
    """The export read with its header saying WXR 1.0 and 1.1: the same items."""
    script = (
        "import sys; from home.wordpress import wxr\n"
        "print(sum(wxr.scan(sys.argv[1]).counts.values()), "
        "sum(1 for _ in wxr.items(sys.argv[1])))"
    )
    text = export.read_text(encoding="utf-8")
    baseline = None
    for version in ("1.2", "1.0", "1.1"):
        path = export.with_name(f"export-{version}.xml")
        path.write_text(text.replace("<wp:wxr_version>1.2<", f"<wp:wxr_version>{version}<", 1),
                        encoding="utf-8")  # fmt: skip
        env = production_env("sqlite:///unused.sqlite3", export.parent)
        counts = subprocess.run(
            [PYTHON, "-c", script, str(path)],
            cwd=PROJECT_DIR,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        baseline = baseline or counts
        check(counts == baseline, f"WXR {version} header: {counts[0]} items read")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=600, help="posts and pages (about)")
    parser.add_argument("--database", choices=["both", "sqlite", "postgresql"], default="both")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--save", type=Path, help="a folder for both runs' full reports")
    args = parser.parse_args()
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="wordpress-shapes-") as scratch:
        folder = Path(scratch)
        export, expected = generate(folder, args.items)
        size = export.stat().st_size / 1e6
        print(f"Generated {export.name}: {size:.1f} MB; in it: "
              + ", ".join(f"{n:,} {kind}" for kind, n in expected.items()))  # fmt: skip
        read_as_other_versions(export, checks)
        if args.database in ("both", "sqlite"):
            work = folder / "sqlite"
            work.mkdir()
            env = production_env(f"sqlite:///{work / 'db.sqlite3'}", work)
            drill("SQLite", env, export, folder / "uploads", expected, checks, args.save)
        if args.database in ("both", "postgresql"):
            with throwaway_database(args.pg, "wordpress_shapes") as (database_url, work):
                env = production_env(database_url, work)
                drill("PostgreSQL", env, export, folder / "uploads", expected, checks, args.save)
    return checks.exit_status()


if __name__ == "__main__":
    sys.exit(main())
