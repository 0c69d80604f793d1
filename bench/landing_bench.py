"""The landing page as a browser gets it, before and after a change (run by hand, not by CI).

Serves one database from two copies of checker with `checker serve` (as tests/test_browser.py does),
loads the landing page in Chromium (Playwright driving Debian's /usr/bin/chromium) with an empty
cache each time, and prints, per copy, the bytes transferred (the HTML and every subresource the
page loads, from the browser's Resource Timing) and the time to first contentful paint
(`performance.getEntriesByName('first-contentful-paint')`), and when the charts can first be seen
(the first paint after they are in the page), each the median of the loads.

"before" is a git revision checked out into a temporary worktree, removed afterwards; "after" is this
working tree (or --after-dir). The figures in docs/figures.md compare 919ec27 (before: the last revision
whose landing page drew its charts with Plotly, in the browser) with 2692897 (after: the first to draw them
as SVG on the server); --before-rev defaults to 919ec27, so that a plain run compares this tree with the
Plotly page. To reproduce the table itself, measure 2692897 as "after":
    git worktree add --detach /tmp/svg-charts 2692897
    .venv/bin/python bench/landing_bench.py --before-rev 919ec27 --after-dir /tmp/svg-charts --scale 100000
To measure a change of your own against the last commit, pass --before-rev HEAD.

Each copy serves its own copy of the same database: the seed article, and unless --no-history, 60 days
of checks of every outcome, so that every chart has something to draw. Each copy is served twice: with the plugins installed in the
environment (datasette-gzip among them, if it is), and with DATASETTE_LOAD_PLUGINS limited to
checker and datasette-auth-passwords (nothing compressed). The four servers run at once and their
loads are taken in turn, so that whatever else the machine is doing weighs on each alike; the first
round only warms them up.

With --scale N, it also builds a database of N claims (100,000) in 1,000 articles, two sources a
claim and 3 N checks spread over the last 90 days (a team checking every source every two months),
and times the landing page in-process in each copy (the median of 10 requests after two), beside
Datasette's plain `select * from claims limit 50` page.

Usage: .venv/bin/python bench/landing_bench.py [--before-rev 919ec27] [--before-dir DIR] [--after-dir DIR]
       [--db PATH] [--loads 10] [--no-history] [--scale 100000]
"""
import argparse
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CHROMIUM = "/usr/bin/chromium"
OUTCOMES = ("ok", "not_modified", "soft_404", "not_found", "gone", "blocked", "rate_limited", "server_error",
            "timeout", "dns_error", "connection_error", "tls_error", "too_many_redirects", "too_large",
            "unsupported_type", "robots_disallowed", "refused_address", "invalid_url")
WITHOUT_GZIP = "checker,datasette-auth-passwords"
PLOTLY_REV = "919ec27"  # the last revision with Plotly charts: what docs/figures.md's table compares with
SVG_REV = "2692897"  # the first revision with SVG charts: the table's "after"

# When the charts are in the page: drawn by a script after it loads (Plotly, before), or parsed with
# the HTML (SVG, after). They can be seen from the first paint that follows.
CHARTS_SEEN = """
window.__charts = null;
new MutationObserver(function () {
  if (!window.__charts && document.querySelector('#chart-verdict-health svg') && document.querySelector('#chart-figures svg')) {
    window.__charts = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""

MEASURE = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    transferred: nav.transferSize + resources.reduce((n, r) => n + r.transferSize, 0),
    decoded: nav.decodedBodySize + resources.reduce((n, r) => n + r.decodedBodySize, 0),
    html: nav.transferSize,
    requests: 1 + resources.length,
    server: nav.responseStart - nav.requestStart,
    paint: paint ? paint.startTime : null,
    charts: Math.max(window.__charts || Infinity, paint ? paint.startTime : 0),
    load: nav.loadEventEnd,
  };
}"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(tree, *args, env=None):
    """python -m checker.cli ... with `tree`'s checker (its directory first on the path)."""
    env = {**os.environ, **(env or {}), "PYTHONPATH": tree}
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], cwd=tree, env=env, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def add_history(path, days=60):
    """Checks of every outcome over the last `days` days, written with plain SQL so that any version
    of the schema since checks began takes them."""
    db = sqlite3.connect(path)
    today = datetime.now(timezone.utc).date()
    snapshot = db.execute("INSERT INTO snapshots (text_hash, text, title, content_type)"
                          " VALUES ('landing-bench', 'A page.', 'A page', 'text/html')").lastrowid
    sources = db.execute("SELECT id, url FROM sources ORDER BY id LIMIT 40").fetchall()
    for d in reversed(range(0, days, 2)):  # oldest first, as the ledger grows
        day = (today - timedelta(days=d)).isoformat()
        for i, (source_id, url) in enumerate(sources[: 8 + d % 12]):
            outcome = "ok" if (i + d) % 3 else OUTCOMES[(i * 7 + d) % len(OUTCOMES)]
            alive = outcome in ("ok", "not_modified")
            at = f"{day}T{10 + i % 8:02d}:15:00.000Z"
            db.execute("INSERT INTO checks (source_id, started_at, finished_at, elapsed_ms, requested_url, outcome,"
                       " snapshot_id, http_status) VALUES (?, ?, ?, 120, ?, ?, ?, ?)",
                       [source_id, at, at, url, outcome, snapshot if alive else None, 200 if alive else None])
    db.commit()
    db.close()


def build_at_scale(tree, path, claims):
    """N claims with a USD figure each, two sources each with a passage, 3 N checks over the last 90
    days and every claim's health, written with plain SQL into `tree`'s empty schema."""
    import random

    run(tree, "init", "--empty", "--db", path)
    rng = random.Random(7)
    words = "trade minister visit pipeline energy summit treaty cooperation figure meeting embassy".split()
    verdicts = ("accurate", "mostly_accurate", "partly_accurate", "inaccurate", "unverifiable", "unrated")
    outcomes = ["ok"] * 80 + ["not_modified"] * 10 + ["not_found"] * 4 + ["timeout"] * 3 + ["blocked"] * 2 + ["dns_error"]
    db = sqlite3.connect(path)
    # the schema's triggers ask who writes (m011); plain SQL here acts for no one, like checker's own code
    db.create_function("checker_actor", 0, lambda: None)
    db.execute("PRAGMA synchronous = OFF")
    with db:
        for a in range(claims // 100):
            said = [f"In {2000 + i % 20} the {rng.choice(words)} reached US${i % 900 + 10} million, number {a * 100 + i}."
                    for i in range(100)]
            db.execute("INSERT INTO articles (id, title, text) VALUES (?, ?, ?)", [f"a-{a}", f"Article {a}", " ".join(said)])
            rows = [(a * 100 + i + 1, f"a-{a}", q, "Restated: " + q, (i % 900 + 10) * 1e6, str(2000 + i % 20),
                     rng.choice(verdicts)) for i, q in enumerate(said)]
            db.executemany("INSERT INTO claims (id, article_id, quote, claim, kind, value, unit, date_start)"
                           " VALUES (?, ?, ?, ?, 'trade_figure', ?, 'USD', ?)", [r[:-1] for r in rows])
            # a claim starts unrated; its verdict comes with a note and a writer, as an editor sets it
            db.executemany("UPDATE claims SET verdict = ?, verdict_note = 'Rated by the bench.', verdict_by = 'bench'"
                           " WHERE id = ?", [(r[-1], r[0]) for r in rows if r[-1] != "unrated"])
        db.executemany("INSERT INTO sources (id, url) VALUES (?, ?)",
                       ((s + 1, f"https://host{s % 2000}.example/{s}") for s in range(2 * claims)))
        db.executemany("INSERT INTO claim_sources (claim_id, source_id, relation, passage) VALUES (?, ?, 'cited', ?)",
                       ((s // 2 + 1, s + 1, f"trade reached ${s % 900} million in {2000 + s % 20}") for s in range(2 * claims)))
        db.execute("INSERT INTO snapshots (id, text_hash, text) VALUES (1, 'scale', 'A page.')")
        for k, health in enumerate(("supported", "at_risk", "unsupported")):
            db.execute("INSERT INTO claim_health (claim_id, health, verdict, supporting)"
                       " SELECT id, ?, verdict, 1 FROM claims WHERE id % 4 = ?", [health, k])
    now = datetime.now(timezone.utc)
    rows = []
    for _ in range(3 * claims):
        at = (now - timedelta(seconds=rng.randint(0, 89 * 86400))).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        outcome, source = rng.choice(outcomes), rng.randint(1, 2 * claims)
        rows.append((source, at, at, f"https://host{(source - 1) % 2000}.example/{source - 1}", outcome,
                     1 if outcome in ("ok", "not_modified") else None))
    rows.sort(key=lambda r: r[1])  # the ledger grows in time order
    with db:
        db.executemany("INSERT INTO checks (source_id, started_at, finished_at, elapsed_ms, requested_url, outcome,"
                       " snapshot_id) VALUES (?, ?, ?, 100, ?, ?, ?)", rows)
    db.execute("ANALYZE")
    db.close()


# Run in each copy of checker: its landing page in-process, as bench/scale_bench.py times pages.
TIME_IN_PROCESS = r"""
import asyncio, os, statistics, sys, time
from datasette.app import Datasette
from checker.web.serve import datasette_config

async def main(path):
    config, metadata = datasette_config(path)
    ds = Datasette([path], config=config, metadata=metadata)
    await ds.invoke_startup()
    name = os.path.splitext(os.path.basename(path))[0]
    for label, url in (("landing page", "/"), ("landing page, searching 'trade'", "/?q=trade"),
                       ("baseline: select * from claims limit 50", f"/{name}/-/query?sql=select+*+from+claims+limit+50")):
        for _ in range(2):
            await ds.client.get(url)
        times = []
        for _ in range(10):
            started = time.perf_counter()
            response = await ds.client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{label}\t{statistics.median(times):.1f}\t{len(response.content)}")

asyncio.run(main(sys.argv[1]))
"""


def time_at_scale(trees, work, claims):
    path = os.path.join(work, "scale.db")
    print(f"\nbuilding a database of {claims:,} claims, {2 * claims:,} sources, {3 * claims:,} checks in the last 90 days",
          flush=True)
    build_at_scale(next(iter(trees.values())), path, claims)
    print(f"{'version':24} {'page':42} {'median ms':>10} {'bytes':>9}")
    for label, tree in trees.items():
        copy = os.path.join(work, f"scale-{len(label)}.db")
        shutil.copyfile(path, copy)
        out = subprocess.run([sys.executable, "-c", TIME_IN_PROCESS, copy], cwd=tree, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": tree, "DATASETTE_LOAD_PLUGINS": WITHOUT_GZIP}, check=True).stdout
        for line in out.splitlines():
            page, median, size = line.split("\t")
            print(f"{label:24} {page:42} {float(median):10.1f} {int(size):9,}")
        os.remove(copy)


class Server:
    """`checker serve` from one tree on a free port, until closed."""

    def __init__(self, tree, db, plugins=None):
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": tree, "PYTHONUNBUFFERED": "1"}
        if plugins:
            env["DATASETTE_LOAD_PLUGINS"] = plugins
        self.proc = subprocess.Popen([sys.executable, "-m", "checker.cli", "serve", "--db", db, "--port", str(self.port)],
                                     cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"checker serve from {tree} exited with {self.proc.returncode}")
                time.sleep(0.2)
        raise RuntimeError(f"checker serve from {tree} did not start")

    def close(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def load_once(browser, url):
    """One load in a fresh context (an empty cache): what it transferred and when it first painted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CHARTS_SEEN)
    page = context.new_page()
    encodings = []
    page.on("response", lambda r: encodings.append(r.headers.get("content-encoding") or "none"))
    page.goto(url, wait_until="load")
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0 && window.__charts",
                           timeout=20000)
    result = page.evaluate(MEASURE)
    result["encodings"] = sorted(set(encodings))
    result["status"] = page.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")
    context.close()
    return result


def summary(results):
    median = lambda key: statistics.median(r[key] for r in results)  # noqa: E731
    return {"requests": median("requests"), "transferred": median("transferred"), "decoded": median("decoded"),
            "html": median("html"), "server": median("server"), "paint": median("paint"),
            "paint_max": max(r["paint"] for r in results), "charts": median("charts"),
            "load": median("load"), "encodings": sorted({e for r in results for e in r["encodings"]})}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before-rev", default=PLOTLY_REV,
                        help=f"the git revision to compare with (default {PLOTLY_REV}, the Plotly charts; HEAD for your own change)")
    parser.add_argument("--before-dir", help="a checkout to use as 'before' instead of a temporary worktree")
    parser.add_argument("--after-dir", default=ROOT, help="the checkout to measure as 'after' (default: this tree)")
    parser.add_argument("--db", help="a database to serve (copied; default: the seed article, built by 'before')")
    parser.add_argument("--loads", type=int, default=10)
    parser.add_argument("--no-history", action="store_true", help="no synthetic checks in the database built")
    parser.add_argument("--scale", type=int, metavar="N", help="also time the landing page in-process at N claims")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit(f"this benchmark needs Debian's Chromium at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    work = tempfile.mkdtemp(prefix="landing-bench-")
    before, worktree = args.before_dir, None
    servers = []
    try:
        if not before:
            worktree = before = os.path.join(work, "before")
            subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", worktree, args.before_rev], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rev = subprocess.run(["git", "-C", before, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        source = os.path.join(work, "claims.db")
        if args.db:
            shutil.copyfile(args.db, source)
        else:
            run(before, "init", "--db", source)
            if not args.no_history:
                add_history(source)
        trees = {f"before ({rev or os.path.basename(before)})": before, "after (this tree)": args.after_dir}
        variants = []  # (version, plugins, server): all four served at once, their loads taken in turn,
        for label, tree in trees.items():  # so that whatever else the machine does weighs on each alike
            db = os.path.join(work, f"{len(variants)}.db")  # a copy each: each version migrates its own
            shutil.copyfile(source, db)
            for plugins, how in ((None, "installed plugins"), (WITHOUT_GZIP, "no gzip")):
                servers.append(Server(tree, db, plugins))
                variants.append((label, how, servers[-1]))
        results = {id(server): [] for _, _, server in variants}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-background-networking", "--no-first-run",
                                              "--disable-component-update", "--disable-sync", "--disable-quic"])
            for i in range(args.loads + 1):  # the first round warms each server (templates, caches) and is not kept
                for label, how, server in variants:
                    result = load_once(browser, server.url)
                    assert result["status"] == 200, (label, how, result)
                    if i:
                        results[id(server)].append(result)
            browser.close()
        print(f"landing page, median of {args.loads} loads each with an empty cache, Chromium 1280x900, "
              f"the four servers' loads taken in turn")
        print(f"before: {rev}; after: {args.after_dir} (docs/figures.md compares {PLOTLY_REV}, Plotly, with {SVG_REV}, SVG: "
              f"--before-rev {PLOTLY_REV} --after-dir <a worktree of {SVG_REV}>)")
        print(f"{'version':24} {'server':18} {'requests':>8} {'transferred KB':>15} {'decoded KB':>11} "
              f"{'HTML KB':>8} {'server ms':>10} {'first paint ms':>15} {'worst ms':>9} {'charts ms':>10} {'load ms':>8}  "
              f"encodings")
        for label, how, server in variants:
            s = summary(results[id(server)])
            print(f"{label:24} {how:18} {s['requests']:8.0f} {s['transferred'] / 1024:15.1f} {s['decoded'] / 1024:11.1f} "
                  f"{s['html'] / 1024:8.1f} {s['server']:10.0f} {s['paint']:15.0f} {s['paint_max']:9.0f} {s['charts']:10.0f} "
                  f"{s['load']:8.0f}  "
                  f"{','.join(s['encodings'])}")
        for server in servers:
            server.close()
        servers.clear()
        if args.scale:
            time_at_scale(trees, work, args.scale)
    finally:
        for server in servers:
            server.close()
        if worktree:
            removed = subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", worktree]).returncode == 0
        shutil.rmtree(work, ignore_errors=True)
        if worktree and not removed:
            subprocess.run(["git", "-C", ROOT, "worktree", "prune"], check=False)


if __name__ == "__main__":
    main()
