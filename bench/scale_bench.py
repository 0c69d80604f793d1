"""Scale benchmark for the workbench (run by hand, not by CI).

Builds (once, then reuses) a database of 100,000 claims, 200,000 sources and 2,000,000 checks with
their evidence rows, then times the workbench's pages in-process, each as the median and 95th
percentile of repeated requests, beside a plain `select * from claims limit 50` page as the baseline.
Target: every page under 3x the baseline and under 500 ms at the 95th percentile.

Usage: .venv/bin/python bench/scale_bench.py [--db bench/scale.db] [--rebuild] [--requests 20]
       [--claims 100000] [--sources-per-claim 2] [--checks-per-source 10]
"""
import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from checker.store.db import open_db  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
WORDS = ("trade minister visit pipeline energy summit treaty cooperation figure meeting embassy consulate "
         "investment border security parliament delegation agreement talks forum").split()
PLACES = "Moscow Islamabad Karachi Lahore Kazan Tashkent Dushanbe Kabul Beijing Delhi Sochi Astana".split()
OUTCOMES = ["ok"] * 80 + ["not_modified"] * 10 + ["not_found"] * 4 + ["timeout"] * 3 + ["blocked"] * 2 + ["server_error"]
VERDICTS = ["accurate", "mostly_accurate", "partly_accurate", "inaccurate", "unverifiable", "unrated"]
KINDS = ["trade_figure", "visit_date", "meeting_count", "attribution", "quote", "title", "historical", "other"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(10)]
    return f"In {2000 + n % 20} the {words[0]} in {rng.choice(PLACES)} reached US${n % 900 + 10} million " \
           f"after {' '.join(words[1:])} number {n}."


def build(path, claims, per_claim, per_source, seed=7):
    rng = random.Random(seed)
    started = time.monotonic()
    if os.path.exists(path):
        os.remove(path)
    db = open_db(path, create=True)
    db.execute("PRAGMA synchronous = OFF")
    conn = db.conn
    per_article = 100
    n_articles = claims // per_article
    day0 = 1_700_000_000.0
    with db.atomic():
        for a in range(n_articles):
            sentences = [sentence(rng, a * per_article + i) for i in range(per_article)]
            conn.execute("INSERT INTO articles (id, title, publisher, published, url, text) VALUES (?, ?, ?, ?, ?, ?)",
                         [f"article-{a}", f"Article {a}", "Bench Press", "2012-03-21",
                          f"https://news{a % 50}.example/a/{a}", " ".join(sentences)])
            rows = [(a * per_article + i + 1, f"article-{a}", s, "Restated: " + s, rng.choice(KINDS),
                     (a * per_article + i) % 900 * 1e6 + 10e6, "USD", str(2000 + (a * per_article + i) % 20),
                     rng.choice(VERDICTS)) for i, s in enumerate(sentences)]
            conn.executemany(
                "INSERT INTO claims (id, article_id, quote, claim, kind, value, unit, date_start, added_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench')", [r[:-1] for r in rows])
            # a claim starts unrated; its verdict is set as an editor sets it, with a note and a history row
            conn.executemany("UPDATE claims SET verdict = ?, verdict_note = 'Rated by the bench.', verdict_by = 'bench'"
                             " WHERE id = ?", [(r[-1], r[0]) for r in rows if r[-1] != "unrated"])
    print(f"  articles and claims: {time.monotonic() - started:.0f} s", flush=True)
    n_sources = claims * per_claim
    with db.atomic():
        conn.executemany("INSERT INTO sources (id, url, title, publisher) VALUES (?, ?, ?, ?)",
                         ((s + 1, f"https://host{s % 2000}.example/path/{s}", f"Source page {s}", f"Host {s % 2000}")
                          for s in range(n_sources)))
        conn.executemany("INSERT INTO claim_sources (claim_id, source_id, relation, passage) VALUES (?, ?, ?, ?)",
                         ((s // per_claim + 1, s + 1, "cited" if s % per_claim == 0 else "supports", None)
                          for s in range(n_sources)))
        conn.executemany("INSERT INTO snapshots (id, text_hash, text, title, content_type) VALUES (?, ?, ?, ?, 'text/html')",
                         ((i + 1, f"hash{i}", " ".join(sentence(rng, i) for _ in range(20)), f"Page {i}") for i in range(1000)))
    print(f"  sources and links: {time.monotonic() - started:.0f} s", flush=True)
    check_id = 0
    batch = 20_000
    for first in range(0, n_sources, batch):
        checks, evidence = [], []
        for s in range(first, min(first + batch, n_sources)):
            for k in range(per_source):
                check_id += 1
                outcome = rng.choice(OUTCOMES)
                at = day0 + k * 30 * 86400 + (s % 86400)
                stamp = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(at))
                snapshot = rng.randint(1, 1000) if outcome in ("ok", "not_modified") else None
                checks.append((check_id, s + 1, stamp, stamp, 120, f"https://host{s % 2000}.example/path/{s}",
                               200 if snapshot else 404, outcome, snapshot))
                support = "supports" if snapshot and rng.random() < 0.7 else ("partial" if snapshot else "unreachable")
                evidence.append((check_id, s // per_claim + 1, s + 1, snapshot, support,
                                 100.0 if support == "supports" else 40.0, "[]", "[]",
                                 "…snippet of the page…" if snapshot else None, stamp))
        with db.atomic():
            conn.executemany(
                "INSERT INTO checks (id, source_id, started_at, finished_at, elapsed_ms, requested_url, http_status,"
                " outcome, snapshot_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", checks)
            conn.executemany(
                "INSERT INTO evidence (check_id, claim_id, source_id, snapshot_id, support, score, facts_found,"
                " facts_missing, snippet, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", evidence)
        if (first // batch) % 10 == 0:
            print(f"  checks {check_id:,}: {time.monotonic() - started:.0f} s", flush=True)
    with db.atomic():
        for first in range(1, claims + 1, 1000):
            ids = list(range(first, min(first + 1000, claims + 1)))
            verdicts = dict(db.execute(f"SELECT id, verdict FROM claims WHERE id BETWEEN {ids[0]} AND {ids[-1]}").fetchall())
            now = {r[0]: r[1:] for r in db.execute(
                f"SELECT claim_id, health, supporting, latest_check_at FROM claim_health_now WHERE claim_id BETWEEN {ids[0]} AND {ids[-1]}")}
            for claim_id in ids:
                health, supporting, latest = now.get(claim_id, ("unchecked", 0, None))
                change = None
                if health != "unchecked" and claim_id % 97 == 0:  # some claims lost support since their verdict
                    change = db["claim_health_log"].insert({
                        "claim_id": claim_id, "changed_at": "2024-06-01T00:00:00.000Z", "health": "at_risk",
                        "previous_health": "supported", "outcome": "not_found", "support": "missing",
                        "previous_support": "supports", "diff": "[-old words-] {+new words+}"}).last_pk
                    health = "at_risk"
                db["claim_health"].upsert({"claim_id": claim_id, "verdict": verdicts[claim_id], "health": health,
                                           "supporting": supporting, "latest_check_at": latest, "last_change_id": change,
                                           "worsened": int(change is not None)}, pk="claim_id")
    db.execute("ANALYZE")
    db.conn.close()
    print(f"  built in {time.monotonic() - started:.0f} s", flush=True)


async def time_pages(path, requests, claims):
    from datasette.app import Datasette

    from checker.web.serve import datasette_config

    config, metadata = datasette_config(path)
    ds = Datasette([path], config=config, metadata=metadata, immutables=[], settings={"num_sql_threads": 3})
    await ds.invoke_startup()
    name = os.path.splitext(os.path.basename(path))[0]
    rng = random.Random(1)
    pages = {
        "baseline: select * from claims limit 50": lambda: f"/{name}/-/query?sql=select+*+from+claims+limit+50",
        "landing page": lambda: "/",
        "claims table page": lambda: f"/{name}/claims",
        "claim page": lambda: f"/-/claim/{rng.randint(1, claims)}",
        "review queue": lambda: f"/{name}/review_queue",
        "faceted search": lambda: f"/{name}/claims?_search={rng.choice(WORDS)}+{rng.choice(PLACES)}&_facet=kind&verdict=accurate",
    }
    results = {}
    for label, make in pages.items():
        for _ in range(2):  # warm the caches, as a browsing team would
            await ds.client.get(make())
        times = []
        for _ in range(requests):
            url = make()
            started = time.perf_counter()
            response = await ds.client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code, response.text[:300])
        times.sort()
        results[label] = (statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)])
    base = results["baseline: select * from claims limit 50"][0]
    print(f"{'page':42} {'median ms':>10} {'p95 ms':>8} {'x baseline':>11}")
    for label, (median, p95) in results.items():
        print(f"{label:42} {median:10.1f} {p95:8.1f} {median / base:11.2f}")
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.path.join(HERE, "scale.db"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sources-per-claim", type=int, default=2)
    parser.add_argument("--checks-per-source", type=int, default=10)
    args = parser.parse_args()
    if args.rebuild or not os.path.exists(args.db):
        print(f"building {args.db}: {args.claims:,} claims, {args.claims * args.sources_per_claim:,} sources, "
              f"{args.claims * args.sources_per_claim * args.checks_per_source:,} checks with evidence", flush=True)
        build(args.db, args.claims, args.sources_per_claim, args.checks_per_source)
    db = open_db(args.db)
    counts = {t: db.execute(f"select count(*) from {t}").fetchone()[0] for t in ("claims", "sources", "checks", "evidence")}
    db.conn.close()
    print("database:", json.dumps(counts), f"{os.path.getsize(args.db) / 2**20:,.0f} MB")
    asyncio.run(time_pages(args.db, args.requests, counts["claims"]))


if __name__ == "__main__":
    main()
