"""Health from what was read: an outage never reads as "no longer supports", a dead page does, an
archive capture holding the facts keeps a claim supported, and a run tells cron what happened."""
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from checker.net.attempt import Attempt, Snapshot
from checker.check import save
from checker.store.claims import add_source, remove_source, set_verdict
from checker.store.health import worsened

from .conftest import seed_without_sources
from .servers import LocalServer, html, reset_connection

DAY = 86400
SUPPORTING = "Two-way trade between Russia and Pakistan reached US$630 million in 2008, the ministry said."
ELSEWHERE = "The ministry published its annual report on trade with its neighbours."
CAPTURE_URL = "https://web.archive.org/web/20120301000000id_/https://trade.example/report"


def trade_claim(db):
    return db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]


def attempts_for(step, url, when):
    """One source's attempts on one day, from a word: up, changed, down, blocked, down+capture."""
    live, _, capture = step.partition("+")
    outcome = {"up": "ok", "changed": "ok", "down": "connection_error", "blocked": "refused_address"}[live]
    attempt = Attempt(requested_url=url, started_at=when, elapsed_ms=5, outcome=outcome,
                      error=None if outcome == "ok" else "connection refused")
    if outcome == "ok":
        text = SUPPORTING if live == "up" else ELSEWHERE
        attempt.snapshot = Snapshot(text=text, body=text.encode())
    attempts = [attempt]
    if capture:
        archived = Attempt(requested_url=url, started_at=when, elapsed_ms=5, outcome="ok", via_archive=True,
                           archive_url=CAPTURE_URL, archive_timestamp="20120301000000")
        text = SUPPORTING if capture == "capture" else ELSEWHERE
        archived.snapshot = Snapshot(text=text, body=text.encode())
        attempts.append(archived)
    return attempts


def health(db, claim_id):
    return dict(next(db.query("select * from claim_status where claim_id = ?", [claim_id])))


# the checks of one supporting source, one a day -> the claim's health after each, and the queue at the end
HISTORIES = [
    ("an outage of a day changes nothing", ["up", "down"], ["supported", "supported"], False),
    ("down for three checks over three days, no capture: at risk",
     ["up", "down", "down", "down", "down"], ["supported", "supported", "supported", "supported", "at_risk"], True),
    ("down for days with a capture holding the facts: supported by the capture",
     ["up", "down+capture", "down+capture", "down+capture", "down+capture"], ["supported"] * 5, False),
    ("down with a capture that lacks the facts: at risk once dead",
     ["up", "down+stale", "down+stale", "down+stale", "down+stale"],
     ["supported", "supported", "supported", "supported", "at_risk"], True),
    ("refused for a week: blocked is never dead", ["up"] + ["blocked"] * 7, ["supported"] * 8, False),
    ("back up after days down: supported again",
     ["up", "down", "down", "down", "down", "up"], ["supported"] * 4 + ["at_risk", "supported"], False),
    ("nothing ever read: unchecked", ["down", "down", "blocked"], ["unchecked"] * 3, False),
    ("read, and it never said it: unsupported", ["changed", "down", "changed"], ["unsupported"] * 3, False),
    ("the page changed: at risk at once", ["up", "changed"], ["supported", "at_risk"], True),
    ("a capture read when nothing live ever was", ["down+capture", "down+capture"], ["supported", "supported"], False),
]


@pytest.mark.parametrize("name,steps,expected,queued", HISTORIES, ids=[h[0] for h in HISTORIES])
def test_health_follows_what_was_read(db, name, steps, expected, queued):
    claim_id = trade_claim(db)
    url = "https://trade.example/report"
    source_id = add_source(db, claim_id, url, relation="supports")
    start = time.time() - len(steps) * DAY
    seen = []
    for day, step in enumerate(steps):
        save(db, {"id": source_id, "url": url}, attempts_for(step, url, start + day * DAY))
        seen.append(health(db, claim_id)["health"])
    assert seen == expected
    assert bool([r for r in db.query("select * from review_queue where claim_id = ?", [claim_id])]) is queued
    link = dict(next(db.query("select * from link_status where claim_id = ? and source_id = ?", [claim_id, source_id])))
    if steps[-1].startswith(("down", "blocked")):
        assert link["unreachable_since"] and health(db, claim_id)["unreachable"] == 1
        assert health(db, claim_id)["unreachable_since"] == link["unreachable_since"]
    else:
        assert link["unreachable_since"] is None and health(db, claim_id)["unreachable"] == 0


def test_an_outage_of_every_source_leaves_no_trace_in_health_or_queue(db):
    """A whole run with no network: every claim keeps its health, the log and the queue stay empty."""
    claims = [r[0] for r in db.execute("select id from claims order by id limit 5")]
    sources = []
    for n, claim_id in enumerate(claims):
        url = f"https://trade.example/{n}"
        source_id = add_source(db, claim_id, url, relation="supports")
        save(db, {"id": source_id, "url": url}, attempts_for("up", url, time.time() - DAY))
        sources.append((source_id, url))
    before = db.execute("select claim_id, health, supporting from claim_health order by claim_id").fetchall()
    logged = db.execute("select count(*) from claim_health_log").fetchone()[0]
    evidence = db.execute("select count(*) from evidence").fetchone()[0]
    for source_id, url in sources:
        failure = Attempt(requested_url=url, started_at=time.time(), elapsed_ms=3, outcome="dns_error",
                          error="trade.example does not resolve")
        save(db, {"id": source_id, "url": url}, [failure])
    assert db.execute("select claim_id, health, supporting from claim_health order by claim_id").fetchall() == before
    assert db.execute("select count(*) from claim_health_log").fetchone()[0] == logged
    assert db.execute("select count(*) from evidence").fetchone()[0] == evidence  # a failure is not evidence
    assert not list(db.query("select * from review_queue"))


def test_a_server_stopped_halfway_changes_no_health_and_exits_1(tmp_path):
    path = tmp_path / "claims.db"
    pages = {f"/p{n}": html(f"Report {n}", SUPPORTING) for n in range(12)}
    with LocalServer(delay=0.25) as server:
        server.routes = {path_: (lambda h, body=body: h.send(200, body)) for path_, body in pages.items()}
        db = seed_without_sources(path)
        claims = [r[0] for r in db.execute("select id from claims order by id")]
        for n, path_ in enumerate(pages):
            add_source(db, claims[n % len(claims)], server.url(path_), relation="supports")
        db.conn.close()
        args = [sys.executable, "-m", "checker.cli", "check", "--db", str(path), "--min-interval", "0", "--timeout", "3",
                "--allow-address", "127.0.0.1/32", "--no-archive"]
        first = subprocess.run(args, capture_output=True, text=True, timeout=120)
        assert first.returncode == 0, first.stdout + first.stderr
        conn = sqlite3.connect(path)
        before = conn.execute("select claim_id, health, supporting from claim_health order by claim_id").fetchall()
        assert before and "supported" in {h for _, h, _ in before}
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 30
        while conn.execute("select count(*) from checks").fetchone()[0] < 12 + 4 and time.time() < deadline:
            time.sleep(0.05)
        server.routes, server.fallback = {}, reset_connection  # the connection kept alive dies too
    # the server is gone now: the rest of the run meets a reset, then a closed port
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, out + err
    assert "could not read" in out and "connection" in out
    after = conn.execute("select claim_id, health, supporting from claim_health order by claim_id").fetchall()
    assert after == before
    unreachable = conn.execute("select count(*) from source_state where unreachable_since is not null").fetchone()[0]
    assert 0 < unreachable < 12
    conn.close()


def test_interrupted_check_exits_130(tmp_path):
    """Ctrl-C is not a failure of the sources: 130, and what was saved stays."""
    from checker.store.db import open_db

    path = tmp_path / "claims.db"
    with LocalServer(delay=0.3) as server:
        server.routes = {"/p": lambda h: h.send(200, html("Report", SUPPORTING))}
        db = open_db(path, create=True)
        db["sources"].insert_all([{"url": server.url(f"/p?n={n}")} for n in range(20)])
        db.conn.close()
        proc = subprocess.Popen(
            [sys.executable, "-m", "checker.cli", "check", "--db", str(path), "--min-interval", "0",
             "--allow-address", "127.0.0.1/32", "--no-archive"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        conn = sqlite3.connect(path)
        deadline = time.time() + 30
        while conn.execute("select count(*) from checks").fetchone()[0] < 2 and time.time() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        conn.close()
    assert proc.returncode == 130, err


def test_the_database_applies_the_named_health_rules(db):
    """store/health.py names the rules; the trigger and views the migrations made must be those words."""
    from checker.store.health import RULES, rules_in

    held = rules_in(db)
    assert set(held) == set(RULES)
    for name, sql in RULES.items():
        assert " ".join(held[name].split()) == " ".join(sql.split()), name


CONTRADICTING = "Two-way trade between Russia and Pakistan reached US$300 million in 2011, the ministry said."


@pytest.mark.parametrize("verdict,backed_first,queued", [
    ("accurate", False, True),  # the first reading says otherwise than a claim rated accurate
    ("unverifiable", False, True),
    ("inaccurate", False, False),  # a source saying otherwise is what the verdict rests on
    ("inaccurate", True, True),  # supported, then contradicted: for the worse, whatever the verdict
])
def test_a_source_that_says_otherwise_contradicts_the_claim(db, verdict, backed_first, queued):
    claim_id = trade_claim(db)
    for (source_id,) in db.execute("select source_id from claim_sources where claim_id = ?", [claim_id]).fetchall():
        remove_source(db, claim_id, source_id, by="test", reason="read on its own")
    if db.execute("select verdict from claims where id = ?", [claim_id]).fetchone()[0] != verdict:
        set_verdict(db, claim_id, verdict, note=f"Rated {verdict} for the test.", by="editor")
    start = time.time() - 2 * DAY
    if backed_first:
        url = "https://backs.example/report"
        backing = add_source(db, claim_id, url, relation="supports", passage="reached US$630 million in 2008")
        save(db, {"id": backing, "url": url}, attempts_for("up", url, start))
        assert health(db, claim_id)["health"] == "supported"
    url = "https://says-otherwise.example/report"
    other = add_source(db, claim_id, url, relation="supports",
                       passage="trade between Russia and Pakistan reached US$300 million in 2011")
    attempt = Attempt(requested_url=url, started_at=start + DAY, elapsed_ms=5, outcome="ok")
    attempt.snapshot = Snapshot(text=CONTRADICTING, body=CONTRADICTING.encode())
    save(db, {"id": other, "url": url}, [attempt])
    status = health(db, claim_id)
    assert status["health"] == "contradicted"
    assert status["supporting"] == (1 if backed_first else 0)
    link = dict(next(db.query("select * from link_status where source_id = ?", [other])))
    assert link["support"] == "contradicts" and "US$300 million in 2011" in link["snippet"]
    assert bool([r for r in db.query("select * from review_queue where claim_id = ?", [claim_id])]) is queued


@pytest.mark.parametrize("was,now,verdict,expected", [
    ("supported", "at_risk", "accurate", True),
    ("supported", "unsupported", "accurate", True),
    ("supported", "contradicted", "inaccurate", True),
    ("unsupported", "contradicted", "accurate", True),
    ("at_risk", "contradicted", "accurate", False),  # as bad as it was
    ("contradicted", "supported", "accurate", False),
    ("unsupported", "supported", "accurate", False),
    ("unchecked", "contradicted", "accurate", True),
    ("unchecked", "contradicted", "unrated", True),
    ("unchecked", "contradicted", "inaccurate", False),
    ("unchecked", "unsupported", "accurate", False),
    ("unchecked", "at_risk", "accurate", False),
])
def test_which_changes_are_for_the_worse(was, now, verdict, expected):
    assert worsened(was, now, verdict) is expected
