"""Benchmark: site search over many articles on PostgreSQL.

Usage (from the project folder, after `make install-dev`, with a PostgreSQL server you may
create databases on):

    .venv/bin/python bench/search_bench.py                      # 10,000 articles, 40 runs
    .venv/bin/python bench/search_bench.py -n 2000 -r 20
    BENCH_POSTGRES_URL=postgresql://user:pass@host:5432 .venv/bin/python bench/search_bench.py

It creates a throwaway database on that server (dropped afterwards, whatever happens), loads the
demo site, adds N generated articles and builds the real search index with `update_index`
(Wagtail's database backend: PostgreSQL full-text search). Pages are inserted in batches,
bypassing the page tree's one-at-a-time `add_child`; the tree paths they get are the ones
`add_child` would give.

It then times the search view, in process with Django's test client (no network, production
settings), for a few queries patients type (misspelled ones and lay words among them), and
prints p50 / p95 / max latency and the number of SQL queries of each, three times in the same
run, alternating request by request: as the site answers them (singular and plural forms, the
demo's synonyms, spelling corrections from the vocabulary); with those three switched off (the
search as it was before them: the words as typed); and "untuned", the site's search without
its PostgreSQL tuning (home/search/backend.py and search_transaction in results.py: the index
vector left out of the SELECT list, a named text search configuration, the count taken with the
page, random_page_cost 1.1). Every step has a time limit.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from stack import (
    build_demo_site,
    django_script,
    manage,
    pg_option,
    production_env,
    throwaway_database,
)

# Plain words; misspellings (corrected from the vocabulary); a patient's words (synonyms).
QUERIES = [
    "opioid",
    "back pain exercise",
    "hyperalgesia",
    "hyperalgesa",
    "opiod tapering",
    "pain pills",
    "pinched nerve",
]
TARGET_P95_MS = 100

BUILD_ARTICLES = r"""
import datetime, random, sys, time, uuid
import django
django.setup()
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText
from education.models import ArticleAuthor, ArticleIndexPage, ArticlePage, ClinicianPage, Topic

count, batch_size = int(sys.argv[1]), 1000
rng = random.Random(6)
# Phrases patients' articles use; the benchmark queries hit a realistic share of them:
# "opioid" about one article in six, "hyperalgesia" one in fifty.
COMMON = [
    "Pain that lasts for months changes how the nervous system handles signals.",
    "Gentle movement, good sleep and a plan you agree with your clinician all help.",
    "Keep a short diary of what makes the pain better or worse for two weeks.",
    "Heat can ease stiff muscles; cold can calm a flare after activity.",
    "Talk to your doctor before you stop or change any medicine.",
    "Many people find that pacing their activity lets them do more over time.",
    "Physical therapy teaches exercises you can keep doing at home.",
    "Stress and low mood can turn the volume of pain up; both can be treated.",
    "Injections can settle a painful nerve for a while, alongside other care.",
    "Walking a little further each week builds strength without a flare.",
]
TOPICAL = {
    "opioid": "Opioid medicines can help for a short time, but their benefit often fades.",
    "back": "Back pain exercise programmes start small and build up week by week.",
    "hyperalgesia": "Hyperalgesia means the body has become more sensitive to pain.",
    "knee": "Knee arthritis responds well to strengthening the thigh muscles.",
    "sleep": "A regular bedtime and a dark, quiet room help sleep and pain.",
}
TITLES = {
    "opioid": ["Opioid medicines and you", "Tapering an opioid safely", "Opioid side effects"],
    "back": ["Exercise for back pain", "Back pain at work", "A stronger back"],
    "hyperalgesia": ["Hyperalgesia explained", "When pain medicine makes pain worse"],
    "knee": ["Living with knee arthritis", "Knee pain and walking"],
    "sleep": ["Sleep and pain", "Better nights with chronic pain"],
    None: ["Pacing your day", "Managing a flare", "Pain and mood", "Heat or ice"],
}
WEIGHTS = [
    ("opioid", 16), ("back", 12), ("hyperalgesia", 2), ("knee", 10), ("sleep", 10), (None, 50)
]
themes, weights = zip(*WEIGHTS)

index = ArticleIndexPage.objects.get(locale__language_code="en-us")  # the English one
article_type = ContentType.objects.get_for_model(ArticlePage)
authors = list(ClinicianPage.objects.all())
topics = list(Topic.objects.all())
first_position = index.numchild + 1
now = timezone.now()
started = time.monotonic()
for batch_start in range(0, count, batch_size):
    with transaction.atomic():
        specs = []
        for n in range(batch_start, min(batch_start + batch_size, count)):
            theme = rng.choices(themes, weights)[0]
            title = f"{rng.choice(TITLES[theme])} ({n})"
            sentences = rng.sample(COMMON, 6)
            if theme:
                sentences.insert(rng.randrange(len(sentences)), TOPICAL[theme])
            if rng.random() < 0.05:  # a passing mention in an unrelated article
                sentences.append(TOPICAL["opioid"])
            slug = f"generated-{n}"
            page = Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=article_type,
                path=Page._get_path(index.path, index.depth + 1, first_position + n),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
            )
            specs.append((page, sentences, n))
        Page.objects.bulk_create([page for page, _, _ in specs])
        articles, links, topic_links = [], [], []
        for page, sentences, n in specs:
            article = ArticlePage(
                page_ptr_id=page.pk,
                summary=" ".join(sentences[:2]),
                body=[
                    ("heading", {"text": "What it means for you", "level": "h2"}),
                    ("paragraph", RichText("".join(f"<p>{s}</p>" for s in sentences[2:]))),
                ],
                display_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 2000),
                medical_reviewer=authors[n % len(authors)],
                last_reviewed=datetime.date(2026, 1, 1),
            )
            article.update_derived_fields()
            articles.append(article)
            author = authors[n % len(authors)]
            links.append(ArticleAuthor(page_id=page.pk, clinician=author, sort_order=0))
            for topic in topics[n % len(topics):][:2]:
                topic_links.append(
                    ArticlePage.topics.through(articlepage_id=page.pk, topic_id=topic.pk)
                )
        # One INSERT for the article rows of the batch (Django's bulk_create refuses
        # multi-table models; the page rows above are the parent rows).
        fields = ArticlePage._meta.local_concrete_fields
        ArticlePage._base_manager._insert(articles, fields=fields, raw=True)
        ArticleAuthor.objects.bulk_create(links)
        ArticlePage.topics.through.objects.bulk_create(topic_links)
Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
seconds = time.monotonic() - started
print(json.dumps({"articles": ArticlePage.objects.live().count(), "seconds": seconds}))
""".replace("import datetime, random", "import datetime, json, random")

MEASURE = r"""
import contextlib, json, os, sys, time
from unittest import mock
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend
from home.search import query as search_query, results as search_results, views as search_views

repeats = int(sys.argv[1])
# Keep one database connection, as a server with DATABASE_CONN_MAX_AGE does; otherwise every
# request would also time connecting to PostgreSQL.
from django.core.signals import request_finished
from django.db import close_old_connections
request_finished.disconnect(close_old_connections)
client = Client(HTTP_HOST="localhost")


@contextlib.contextmanager
def words_as_typed():
    # The search before spelling, synonyms and word forms: each word searched as typed.
    def no_synonyms(language=None):
        return {}

    def as_typed(word, language=None):
        return [word]

    def one_phrasing(words, language=None):
        return [" ".join(words)]

    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(search_views, "corrected", lambda searched: None))
        stack.enter_context(mock.patch.object(search_query, "synonyms", no_synonyms))
        stack.enter_context(mock.patch.object(search_query, "forms", as_typed))
        stack.enter_context(mock.patch.object(search_results, "phrasings", one_phrasing))
        yield


@contextlib.contextmanager
def untuned():
    # The same search with PostgreSQL as Wagtail's backend and PostgreSQL's defaults leave it:
    # the index vector selected for every match, the one-argument to_tsquery() parsed again per
    # row, a separate count query, and random_page_cost 4.
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler
    from home.search import backend as search_backend_module

    def ranked_as_wagtail_does(pages, query, language, wanted=None):
        backend = search_backend_module.search_backend(language)
        return backend.search(query, pages.specific().defer_streamfields())

    @contextlib.contextmanager
    def default_costs():
        with search_results.search_transaction():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL random_page_cost = 4")
            yield

    patches = [
        (search_backend_module.MatchWithoutSelectingTheVector, "search",
         PostgresSearchQueryCompiler.search),
        (search_backend_module, "DEFAULT_CONFIGURATION", None),
        (search_views, "ranked_results", ranked_as_wagtail_does),
        (search_views, "search_transaction", default_costs),
    ]
    with contextlib.ExitStack() as stack:
        for target, name, replacement in patches:
            stack.enter_context(mock.patch.object(target, name, replacement))
        yield


MODES = {"understanding": contextlib.nullcontext, "as_typed": words_as_typed, "untuned": untuned}


def found(html):
    count = html.split('class="search-page__count" role="status">', 1)
    line = count[-1].split("<", 1)[0].strip() if len(count) == 2 else "0 results"
    note = html.split('class="search-page__spelling">', 1)
    if len(note) == 2:
        text = note[1].split("</p>", 1)[0]
        line += " (" + " ".join(part.split(">")[-1] for part in text.split("<")).strip() + ")"
    return " ".join(line.split())


def timed(query, **params):
    started = time.perf_counter()
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200, response.status_code
    return (time.perf_counter() - started) * 1000


results = {"backend": type(get_search_backend()).__module__, "queries": {}}
results["load"] = os.getloadavg()[0]
from education.models import ArticlePage
results["articles"] = ArticlePage.objects.live().count()
for query in sys.argv[2:]:
    entry = results["queries"][query] = {}
    for mode, switch in MODES.items():
        with switch():
            client.get("/search/", {"q": query})  # warm: settings, menus, templates
            with CaptureQueriesContext(connection) as context:
                response = client.get("/search/", {"q": query})
        entry[mode] = {
            "timings": [],
            "page_two": [],
            "sql_queries": len(context.captured_queries),
            "results": found(response.content.decode()),
        }
    # Alternate the two request by request, so both meet the same load.
    for _ in range(repeats):
        for mode, switch in MODES.items():
            with switch():
                entry[mode]["timings"].append(timed(query))
    for _ in range(max(5, repeats // 4)):
        for mode, switch in MODES.items():
            with switch():
                entry[mode]["page_two"].append(timed(query, page=2))
print(json.dumps(results))
"""


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_env(database_url, workdir):
    return production_env(database_url, workdir, ALLOWED_HOSTS="127.0.0.1,localhost,testserver")


def report(env, options):
    """Time the queries on the database in `env` and print the table."""
    measured = json.loads(django_script(env, MEASURE, options.repeats, *QUERIES, timeout=900))
    print(
        f"\n{measured['articles']} live articles on PostgreSQL ({measured['backend']}), "
        f"{options.repeats} timed requests per query, production settings, in process; "
        f"load average {measured['load']:.1f} on {os.cpu_count()} CPUs\n"
    )
    heading = ("query", "search", "p50 ms", "p95 ms", "max ms", "p2 p95", "SQL")
    print("{:20} {:13} {:>7} {:>7} {:>7} {:>7} {:>4}  found".format(*heading))
    worst = {}
    for query, modes in measured["queries"].items():
        for mode, data in modes.items():
            timings = data["timings"]
            p95 = percentile(timings, 0.95)
            worst[mode] = max(worst.get(mode, 0), p95)
            print(
                f"{query:20} {mode:13} {statistics.median(timings):7.1f} {p95:7.1f} "
                f"{max(timings):7.1f} {percentile(data['page_two'], 0.95):7.1f} "
                f"{data['sql_queries']:>4}  {data['results']}"
            )
    print()
    for mode, p95 in worst.items():
        verdict = "meets" if p95 < TARGET_P95_MS else "MISSES"
        print(f"Worst p95 {mode}: {p95:.1f} ms, {verdict} the {TARGET_P95_MS} ms target.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--articles", type=int, default=10_000)
    parser.add_argument("-r", "--repeats", type=int, default=40, help="timed runs per query")
    pg_option(
        parser,
        "--postgres",
        "BENCH_POSTGRES_URL",
        help="server to create the throwaway database on (no database name)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the database afterwards (to investigate)"
    )
    parser.add_argument(
        "--database",
        help="measure on a database an earlier run kept (its DATABASE_URL), without building one",
    )
    options = parser.parse_args()
    if options.database:
        with tempfile.TemporaryDirectory(prefix="search-bench-") as workdir:
            env = bench_env(options.database, Path(workdir))
            manage(env, "migrate", "--noinput", "-v0", timeout=300)  # code newer than the data
            manage(env, "collectstatic", "--noinput", "-v0", timeout=300)
            report(env, options)
        return

    with throwaway_database(options.postgres, "practice_search_bench", keep=options.keep) as (
        database_url,
        workdir,
    ):
        env = bench_env(database_url, workdir)
        try:
            started = time.monotonic()
            build_demo_site(env, timeout=600)
            built = json.loads(django_script(env, BUILD_ARTICLES, options.articles, timeout=900))
            print(f"Inserted {options.articles} articles in {built['seconds']:.0f} s.")
            indexing = time.monotonic()
            manage(env, "update_index", "-v0", timeout=1800)
            # Planner statistics, as autovacuum would gather them after a bulk load.
            with psycopg.connect(database_url, autocommit=True) as database:
                database.execute("ANALYZE")
            print(f"Built the search index in {time.monotonic() - indexing:.0f} s.")
            # The generated articles were inserted in bulk, without the publish signal that
            # keeps the spelling vocabulary current: what an import is followed by.
            vocabulary = time.monotonic()
            manage(env, "rebuild_search_vocabulary", timeout=600)
            print(f"Built the spelling vocabulary in {time.monotonic() - vocabulary:.0f} s.")
            report(env, options)
            print(f"Total {time.monotonic() - started:.0f} s.")
        finally:
            if options.keep:
                print(f"Kept the database: DATABASE_URL={database_url}")


if __name__ == "__main__":
    sys.exit(main())
