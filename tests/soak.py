"""A newsroom's day on one claims.db, compressed: the workbench serving with its scheduled rechecks,
Rechecks and Imports started through its pages and API writes; `checker check` in other processes,
one of them killed with SIGKILL at a random moment; editors on the command line; a reader opening
and closing the file as the sqlite3 shell does; someone browsing the pages throughout.

Each actor records what it was told succeeded; `verify` then finds every such write in the database,
a database that passes its integrity check, no page that answered 500, and every saved check whole
(its attempts, its evidence and the health it moved, together). The suite runs it for about a
minute (tests/test_soak.py); bench/soak_bench.py runs it for longer and reports its figures.""" 
import dataclasses
import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from checker.store.claims import add_source

from .conftest import seed_without_sources
from .servers import FakeArchive, LocalServer, html
from .test_serve import serving

CHECKER = [sys.executable, "-m", "checker.cli"]
ARTICLE = (Path(__file__).parent / "data" / "intake" / "seed_article.html").read_bytes()
# Sentences of the seed article, as quotes for the claims the editors add.
QUOTES = ["Pakistan and Russia", "a minute US$92 million in 2003", "US$441 million in 2006",
          "US$630 million in 2008", "the first Russian head of state"]
PAGE_TEXTS = ["Two-way trade between Russia and Pakistan reached US$630 million in 2008.",
              "Trade between Russia and Pakistan was US$441 million in 2006, officials said.",
              "The two countries traded goods worth US$92 million in 2003."]
READER = r"""
import sqlite3, sys, time
stop = time.monotonic() + float(sys.argv[2])
opened = 0
while time.monotonic() < stop:
    conn = sqlite3.connect(sys.argv[1], timeout=30)
    conn.execute("SELECT count(*) FROM claims").fetchone()
    conn.execute("SELECT count(*) FROM checks").fetchone()
    conn.close()
    opened += 1
print(opened)
"""


@dataclasses.dataclass
class Record:
    """What each actor was told succeeded, and what went wrong."""
    verdict_notes: list = dataclasses.field(default_factory=list)  # notes of verdicts reported set
    claims: list = dataclasses.field(default_factory=list)  # claim texts reported added
    links: list = dataclasses.field(default_factory=list)  # (claim id, url) reported linked
    api_notes: list = dataclasses.field(default_factory=list)  # notes of verdicts the API answered 200 for
    imports: list = dataclasses.field(default_factory=list)  # article URLs whose import reported done
    statuses: dict = dataclasses.field(default_factory=dict)  # HTTP status -> count
    server_errors: list = dataclasses.field(default_factory=list)  # (path, status, body start)
    failures: list = dataclasses.field(default_factory=list)  # commands that failed unexpectedly
    checks_run: int = 0
    checks_killed: int = 0
    page_ms: list = dataclasses.field(default_factory=list)  # page latencies while everything runs
    reader_opens: int = 0
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def add(self, name, value):
        with self.lock:
            getattr(self, name).append(value)

    def status(self, path, response):
        with self.lock:
            self.statuses[response.status_code] = self.statuses.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                self.server_errors.append((path, response.status_code, response.text[:300]))


def run(args, timeout=120):
    return subprocess.run([*CHECKER, *map(str, args)], capture_output=True, text=True, timeout=timeout)


class Site:
    """The local pages the claims cite and the articles the workbench imports, and a fake archive."""

    def __init__(self, pages=12, stories=6):
        self.server = LocalServer().__enter__()
        routes = {"/robots.txt": lambda h: h.send(404, b"")}
        for n in range(pages):
            routes[f"/page/{n}"] = lambda h, n=n: h.send(200, html(f"Report {n}", PAGE_TEXTS[n % len(PAGE_TEXTS)], f"p{n}"))
        for k in range(stories):
            # each story an article of its own: its own title and canonical address
            body = ARTICLE.replace(b"Pakistan and Russia seek enhanced cooperation",
                                   f"Soak story {k}: Pakistan and Russia".encode())
            body = body.replace(b"pakistan-and-russia-seek-enhanced-cooperation", f"soak-story-{k}".encode())
            routes[f"/story/{k}"] = lambda h, body=body: h.send(200, body)
        self.server.routes = routes
        self.pages, self.stories = pages, stories
        self.archive = FakeArchive(LocalServer().__enter__())

    def close(self):
        for server in (self.server, self.archive.server):
            server.__exit__(None, None, None)


def prepare(path, site):
    """A database with the seed's article and claims, each of the first claims citing local pages."""
    db = seed_without_sources(path)
    for n in range(site.pages):
        add_source(db, n % 8 + 1, site.server.url(f"/page/{n}"), relation="supports")
    db.conn.close()


def soak(path, seconds, site, rng=None, *, writers=True):
    """Run every actor on the database at path for about `seconds`; returns the Record. Without
    `writers`, only the pages are read: the figure the bench compares the busy pages against."""
    rng = rng or random.Random()
    record = Record()
    stop = time.monotonic() + seconds
    secret = "soak-secret"
    token = subprocess.run([sys.executable, "-m", "datasette", "create-token", "root", "--secret", secret],
                           capture_output=True, text=True, check=True).stdout.strip()
    env = {"DATASETTE_SECRET": secret, "CHECKER_ALLOW_ADDRESSES": "127.0.0.1/32",
           "CHECKER_WAYBACK_BASE": site.archive.server.url("")}
    check_args = ["check", "--db", path, "--allow-address", "127.0.0.1/32", "--min-interval", "0",
                  "--wayback-base", site.archive.server.url("")]
    schedule = ["--recheck-every", "1m"] if writers else []
    with serving(path, *schedule, env=env) as (base, link, server):
        auth = {"Authorization": f"Bearer {token}"}
        reader = subprocess.Popen([sys.executable, "-c", READER, str(path), str(seconds if writers else 0)],
                                  stdout=subprocess.PIPE, text=True)

        def editor(n):  # the command line: verdicts, claims and sources
            i = 0
            while time.monotonic() < stop:
                i += 1
                claim = rng.randint(1, 8)
                kind = rng.choice(["verdict", "verdict", "add-claim", "add-source"])
                if kind == "verdict":
                    note = f"Soak verdict {n}.{i}: read again."
                    result = run(["verdict", claim, rng.choice(["accurate", "inaccurate", "unverifiable"]),
                                  "--note", note, "--by", f"editor{n}", "--db", path])
                    if result.returncode == 0:
                        record.add("verdict_notes", note)
                elif kind == "add-claim":
                    text = f"Soak claim {n}.{i} restates the article."
                    result = run(["add-claim", "--article", "pakistan-russia-2012", "--quote", rng.choice(QUOTES),
                                  "--claim", text, "--kind", "other", "--by", f"editor{n}", "--db", path])
                    if result.returncode == 0:
                        record.add("claims", text)
                else:
                    url = site.server.url(f"/page/{rng.randrange(site.pages)}?from=editor{n}.{i}")
                    result = run(["add-source", claim, url, "--relation", "context", "--db", path])
                    if result.returncode == 0:
                        record.add("links", (claim, url))
                if result.returncode != 0:
                    record.add("failures", (kind, result.returncode, result.stderr[-300:]))

        def checker_runs():  # `checker check`, every other one killed with SIGKILL at a random moment
            runs = 0
            while time.monotonic() < stop:
                runs += 1
                process = subprocess.Popen([*CHECKER, *map(str, check_args)], stdout=subprocess.PIPE,
                                           stderr=subprocess.PIPE, text=True)
                # the first is killed, so that a run that outlasts the soak on a loaded machine still
                # leaves one killed and one run to completion
                if runs % 2 == 1:
                    time.sleep(rng.uniform(0.3, 3.0))
                    if process.poll() is None:
                        process.send_signal(signal.SIGKILL)
                        with record.lock:
                            record.checks_killed += 1
                    process.wait(timeout=60)
                    continue
                out, err = process.communicate(timeout=180)
                with record.lock:
                    record.checks_run += 1
                if process.returncode not in (0, 1):  # 1: a source could not be read, which is no failure
                    record.add("failures", ("check", process.returncode, err[-300:]))

        def workbench():  # Recheck and Import through the pages, verdicts through the API
            i = 0
            session = requests.Session()
            session.headers.update(auth)
            while time.monotonic() < stop:
                i += 1
                claim = rng.randint(1, 8)
                action = rng.choice(["recheck", "import", "api", "api"])
                if action == "recheck":
                    path_ = f"/-/claim/{claim}/recheck"
                    response = session.post(base + path_, headers={"Accept": "application/json"}, timeout=60)
                elif action == "import":
                    path_ = "/-/import"
                    url = site.server.url(f"/story/{rng.randrange(site.stories)}")
                    response = session.post(base + path_, data={"url": url}, timeout=60, allow_redirects=False)
                    if response.status_code in (302, 303):
                        job_url = base + response.headers["location"]
                        job_id = job_url.rsplit("=", 1)[1]
                        for _ in range(300):
                            job = session.get(f"{base}/-/jobs/{job_id}.json", timeout=30)
                            record.status(f"/-/jobs/{job_id}.json", job)
                            if job.json()["state"] not in ("running", "waiting"):
                                break
                            time.sleep(0.1)
                        if job.json()["state"] == "done":
                            record.add("imports", url)
                else:
                    path_ = f"/claims/claims/{claim}/-/update"
                    note = f"Soak API verdict {i}: read again."
                    response = session.post(base + path_, json={"update": {
                        "verdict": rng.choice(["mostly_accurate", "partly_accurate"]), "verdict_note": note}},
                        timeout=60)
                    if response.status_code == 200:
                        record.add("api_notes", note)
                record.status(path_, response)

        def browser():  # someone reading the pages throughout
            session = requests.Session()
            pages = ["/", "/-/claim/{c}", "/-/claim/{c}.json", "/claims/claims.json", "/-/article/pakistan-russia-2012",
                     "/claims/health_changes.atom", "/claims/checks?_sort_desc=id"]
            while time.monotonic() < stop:
                path_ = rng.choice(pages).format(c=rng.randint(1, 8))
                started = time.monotonic()
                response = session.get(base + path_, timeout=60)
                with record.lock:
                    record.page_ms.append((time.monotonic() - started) * 1000)
                record.status(path_, response)

        threads = [threading.Thread(target=browser)]
        if writers:
            threads += [threading.Thread(target=editor, args=(n,)) for n in range(2)]
            threads += [threading.Thread(target=f) for f in (checker_runs, workbench)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=seconds + 300)
        record.reader_opens = int(reader.communicate(timeout=120)[0].strip() or 0)
        # let the last background jobs finish before the server stops
        for _ in range(300):
            jobs_running = [t for t in threading.enumerate() if t.name.startswith("checker-job")]
            if not jobs_running:
                break
            time.sleep(0.1)
    return record


def verify(path, record):
    """What the soak must leave: a list of problems, empty when all is well."""
    problems = []
    conn = sqlite3.connect(path)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check is not ok")
        history = {note for (note,) in conn.execute("SELECT note FROM verdict_history")}
        for note in record.verdict_notes + record.api_notes:
            if note not in history:
                problems.append(f"a verdict reported set is not in verdict_history: {note}")
        claims = {text for (text,) in conn.execute("SELECT claim FROM claims")}
        problems += [f"a claim reported added is missing: {c}" for c in record.claims if c not in claims]
        links = set(conn.execute("SELECT claim_id, url FROM claim_sources JOIN sources ON sources.id = source_id"))
        problems += [f"a source reported linked is missing: {link}" for link in record.links if tuple(link) not in links]
        imported = {url for (url,) in conn.execute("SELECT imported_from FROM articles WHERE imported_from IS NOT NULL")}
        problems += [f"an import reported done is missing: {u}" for u in record.imports if u not in imported]
        # every saved read has its evidence, and every claim of a checked source its health
        unread = conn.execute("SELECT count(*) FROM checks c WHERE c.outcome IN ('ok', 'not_modified') AND NOT EXISTS"
                              " (SELECT 1 FROM evidence e WHERE e.check_id = c.id)").fetchone()[0]
        if unread:
            problems.append(f"{unread} saved reads have no evidence")
        no_health = conn.execute(
            "SELECT count(*) FROM claim_sources l JOIN evidence e ON e.source_id = l.source_id AND e.claim_id = l.claim_id"
            " LEFT JOIN claim_health h ON h.claim_id = l.claim_id WHERE h.latest_check_at IS NULL").fetchone()[0]
        if no_health:
            problems.append(f"{no_health} claims with evidence have no health")
        state = conn.execute(
            "SELECT count(*) FROM source_state s WHERE s.latest_check_id IS NOT"
            " (SELECT max(id) FROM checks c WHERE c.source_id = s.source_id AND c.via_archive = 0)").fetchone()[0]
        if state:
            problems.append(f"{state} sources whose state is not their latest check")
    finally:
        conn.close()
    problems += [f"{path} answered {status}: {body}" for path, status, body in record.server_errors]
    problems += [f"{kind} failed with exit {code}: {err}" for kind, code, err in record.failures]
    return problems


def summary(record):
    return json.dumps({
        "verdicts": len(record.verdict_notes), "claims": len(record.claims), "links": len(record.links),
        "api_verdicts": len(record.api_notes), "imports": len(record.imports), "checks_run": record.checks_run,
        "checks_killed": record.checks_killed, "reader_opens": record.reader_opens, "statuses": record.statuses,
        "pages": len(record.page_ms)})
