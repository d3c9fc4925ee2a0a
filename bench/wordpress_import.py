"""Benchmark: `manage.py import_wordpress` on a large generated WordPress export.

Usage (from the project folder; PostgreSQL on 127.0.0.1):

    .venv/bin/python bench/wordpress_import.py       # 5,000 posts, 20,000 comments, 1,000 files
    .venv/bin/python bench/wordpress_import.py --posts 500 --comments 2000 --attachments 100
    .venv/bin/python bench/wordpress_import.py --read-mb 200   # only read a 200 MB export

It writes an export in WordPress 6's shape (tests/home/wxr.py writes the same for the tests)
and an uploads folder of generated JPEG pictures and PDF forms, builds the demo site in a
throwaway PostgreSQL database with the production settings (bench/stack.py), then runs the
import twice as its own process: the first run creates everything, the second finds nothing
changed. For each run it reports the wall time and the process's peak memory (maximum
resident set size), against the targets of 10 minutes and 500 MB. With --read-mb it only
writes an export of that size and reads it as the import does (no database), to show that
reading a large file takes bounded memory. Nothing is downloaded.
"""

import argparse
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_DIR))

from PIL import Image as PILImage  # noqa: E402
from stack import PYTHON, manage, production_env, throwaway_database  # noqa: E402

from tests.home import wxr  # noqa: E402

TARGET_SECONDS, TARGET_MB = 600, 500
TOPICS = [("back-pain", "Back Pain"), ("opioids", "Opioids"), ("nerve-pain", "Nerve Pain"),
          ("sleep", "Sleep"), ("arthritis", "Arthritis"), ("procedures", "Procedures")]  # fmt: skip
SENTENCES = [
    "Long-lasting pain changes how the nervous system handles signals from the body.",
    "Gentle, regular movement usually helps more than rest once the first days have passed.",
    "Write down what makes the pain better or worse, and bring the notes to your visit.",
    "Medicines work best as one part of a plan that also includes sleep and activity.",
    "Ask before you change a dose: some medicines must be lowered slowly.",
    "Heat relaxes tight muscles; cold calms a flare after a busy day.",
]


def paragraph(rng, sentences=5):
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def post_body(rng, number, attachment):
    """About 3 KB of text in either editor's shape, with a captioned picture, a list, and now
    and then a video, a quotation or an unknown shortcode."""
    image_id, path = attachment
    src = f"{wxr.SITE}/wp-content/uploads/{path}"
    if number % 2:  # the block editor
        parts = [f"<!-- wp:paragraph -->\n<p>{paragraph(rng)}</p>\n<!-- /wp:paragraph -->"]
        parts.append(f'<!-- wp:heading -->\n<h2 class="wp-block-heading">Part {number}</h2>\n'
                     "<!-- /wp:heading -->")  # fmt: skip
        parts.append(
            f'<!-- wp:image {{"id":{image_id}}} -->\n<figure class="wp-block-image size-large">'
            f'<img src="{src}" alt="" class="wp-image-{image_id}"/><figcaption '
            f'class="wp-element-caption">Figure {number}</figcaption></figure>\n<!-- /wp:image -->'
        )
        parts += [f"<!-- wp:paragraph -->\n<p>{paragraph(rng)}</p>\n<!-- /wp:paragraph -->"] * 3
        if number % 10 == 1:
            parts.append(
                '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ"} -->\n'
                '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed'
                '__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n'
                "<!-- /wp:embed -->"
            )
        return "\n\n".join(parts)
    parts = [paragraph(rng), f"<h2>Part {number}</h2>", paragraph(rng)]
    parts.append(
        f'[caption id="attachment_{image_id}" align="aligncenter" width="640"]<img '
        f'class="size-large wp-image-{image_id}" src="{src}" alt="A picture" /> Figure '
        f"{number}[/caption]"
    )
    parts.append("<ul>\n\t<li>" + "</li>\n\t<li>".join(SENTENCES[:3]) + "</li>\n</ul>")
    parts += [paragraph(rng), f"<blockquote>{SENTENCES[number % 6]}</blockquote>"]
    if number % 7 == 0:
        parts.append('[contact-form-7 id="42" title="Contact"]')
    return "\n\n".join(parts)


def generate(folder, posts, comments, attachments, seed=2024):
    """Writes folder/uploads and folder/export.xml; returns the export's path."""
    rng = random.Random(seed)
    uploads = folder / "uploads"
    parts = [wxr.author(1, "erubin", "erubin@rubinpain.example", "Dr. Edward Rubin, MD",
                        "Edward", "Rubin"),
             wxr.author(2, "areyes", "areyes@rubinpain.example", "Dr. Anita Reyes, MD",
                        "Anita", "Reyes")]  # fmt: skip
    parts += [wxr.category(10 + n, slug, name) for n, (slug, name) in enumerate(TOPICS)]
    images = []
    for n in range(attachments):
        wp_id = 100_000 + n
        month = f"20{22 + n % 3}/{1 + n % 12:02d}"
        if n % 10 == 9:
            path = f"{month}/form-{n}.pdf"
            (uploads / path).parent.mkdir(parents=True, exist_ok=True)
            (uploads / path).write_bytes(b"%PDF-1.4\n% form " + str(n).encode() + b"\n%%EOF\n")
            parts.append(wxr.attachment(wp_id, f"Form {n}", path, mime="application/pdf"))
            continue
        path = f"{month}/picture-{n}.jpg"
        (uploads / path).parent.mkdir(parents=True, exist_ok=True)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        picture = PILImage.new("RGB", (800, 533), colour)
        picture.paste((255, 255, 255), (100 + n % 400, 100, 300 + n % 400, 300))
        picture.save(uploads / path, format="JPEG", quality=80)
        sizes = [("medium", 300, 200)]
        parts.append(wxr.attachment(wp_id, f"Picture {n}", path, alt=f"Picture number {n}",
                                    width=800, height=533, sizes=sizes))  # fmt: skip
        images.append((wp_id, path))
    export = folder / "export.xml"
    with export.open("w", encoding="utf-8") as out:
        out.write(wxr.export(*parts).split("\t<generator>")[0])
        comment_id = 1
        for number in range(1, posts + 1):
            share = comments // posts + (1 if number <= comments % posts else 0)
            thread = []
            for c in range(share):
                state = "spam" if comment_id % 17 == 0 else "0" if comment_id % 9 == 0 else "1"
                parent = comment_id - 1 if c % 4 == 3 else 0
                thread.append(wxr.comment(comment_id, f"Reader {comment_id}",
                                          f"reader{comment_id}@example.com",
                                          "2024-03-14 09:12:00", paragraph(rng, 2),
                                          approved=state, parent=parent))  # fmt: skip
                comment_id += 1
            topics = rng.sample(TOPICS, 2)
            status = "draft" if number % 25 == 0 else "publish"
            out.write(wxr.item(
                number, f"Article {number}: living with pain", f"article-{number}",
                post_body(rng, number, images[number % len(images)]),
                status=status, date=f"2024-{1 + number % 12:02d}-{1 + number % 28:02d} 10:00:00",
                creator="erubin" if number % 3 else "areyes", excerpt=paragraph(rng, 2),
                categories=topics, comments=thread,
                meta=[("_thumbnail_id", str(images[number % len(images)][0]))],
            ))  # fmt: skip
        out.write(wxr.FOOTER)
    return export


def timed_import(env, export, uploads):
    """(seconds, CPU seconds, peak memory in MB, output) of one import in its own process. The
    CPU time is the import's own (not PostgreSQL's): on a busy machine it shows how much of the
    wall time was the import's work and how much was waiting for a turn on a core."""
    start = time.monotonic()
    process = subprocess.Popen(
        [PYTHON, "manage.py", "import_wordpress", str(export), "--media", str(uploads)],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(output)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


READ_ONLY = """
import sys, time
from home.wordpress import wxr
start = time.monotonic()
export = wxr.scan(sys.argv[1])
scanned = time.monotonic() - start
items = sum(1 for _ in wxr.items(sys.argv[1]))
print(f"{sum(export.counts.values())} {items} {scanned:.1f} {time.monotonic() - start:.1f}")
"""


def read_large_file(megabytes):
    """Write an export of about `megabytes` and read it as the import does (both passes),
    without a database: the reader's time and the process's peak memory."""
    rng = random.Random(7)
    body = "\n\n".join(
        f"<!-- wp:paragraph -->\n<p>{paragraph(rng, 12)}</p>\n<!-- /wp:paragraph -->"
        for _ in range(8)
    )
    with tempfile.TemporaryDirectory(prefix="wordpress-read-") as scratch:
        export = Path(scratch) / "large.xml"
        with export.open("w", encoding="utf-8") as out:
            out.write(wxr.export().split("\t<generator>")[0])
            number = 0
            while out.tell() < megabytes * 1_000_000:
                number += 1
                comments = [wxr.comment(number * 10 + c, "Reader", "reader@example.com",
                                        "2024-03-14 09:12:00", paragraph(rng, 2))
                            for c in range(4)]  # fmt: skip
                out.write(wxr.item(number, f"Article {number}", f"article-{number}", body,
                                   comments=comments))  # fmt: skip
            out.write(wxr.FOOTER)
        size = export.stat().st_size / 1e6
        process = subprocess.Popen(
            [PYTHON, "-c", READ_ONLY, str(export)], cwd=PROJECT_DIR, stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        output = process.stdout.read().split()
        _pid, _status, usage = os.wait4(process.pid, 0)
    print(f"Read a {size:.0f} MB export ({int(output[1]):,} posts, {int(output[1]) * 4:,} "
          f"comments): first pass {output[2]} s, both passes {output[3]} s, peak memory "
          f"{usage.ru_maxrss / 1024:.0f} MB.")  # fmt: skip
    return 0


def table_rows(output):
    return [line for line in output.splitlines() if re.match(r"^[A-Z][\w (),]+\s+\d", line)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--comments", type=int, default=20000)
    parser.add_argument("--attachments", type=int, default=1000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument(
        "--read-mb",
        type=int,
        metavar="MB",
        help="Instead: only read a generated export of this size, as the import reads it.",
    )
    args = parser.parse_args()
    # Stopped from outside, it still drops its database and scratch folders on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.read_mb:
        return read_large_file(args.read_mb)
    with tempfile.TemporaryDirectory(prefix="wordpress-bench-") as scratch:
        folder = Path(scratch)
        start = time.monotonic()
        export = generate(folder, args.posts, args.comments, args.attachments)
        size = export.stat().st_size / 1e6
        print(f"Generated {export.name}: {size:.1f} MB, {args.posts:,} posts, "
              f"{args.comments:,} comments, {args.attachments:,} attachments "
              f"({time.monotonic() - start:.0f} s)")  # fmt: skip
        with throwaway_database(args.pg, "wordpress_bench") as (database_url, work):
            env = production_env(database_url, work)
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "load_demo_content")
            results = []
            for run in ("first import", "second import (nothing changed)"):
                seconds, cpu, peak, output = timed_import(env, export, folder / "uploads")
                results.append((run, seconds, cpu, peak))
                print(f"\n== {run} ==")
                print("\n".join(table_rows(output)))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\nLoad average at the end: {load} ({os.cpu_count()} cores)")
    print("\n| Run | Time | CPU time of the import | Peak memory (max RSS) |")
    print("| --- | ---: | ---: | ---: |")
    for run, seconds, cpu, peak in results:
        print(f"| {run} | {seconds / 60:.1f} min ({seconds:.0f} s) | {cpu:.0f} s | {peak:.0f} MB |")
    ok = results[0][1] < TARGET_SECONDS and max(r[3] for r in results) < TARGET_MB
    print(f"\nTargets: under {TARGET_SECONDS // 60} minutes and {TARGET_MB} MB: "
          f"{'met' if ok else 'NOT met'}.")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
