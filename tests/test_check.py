"""`checker check` end to end: sources in a database, local servers, a fake archive."""
import datetime
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import click
import pytest
from click.testing import CliRunner

from checker.check import run_checks

from checker.net.options import CheckOptions
from checker.store.claims import add_claim, add_source, remove_source
from checker.words import label
from checker.cli import cli
from checker.cli.options import Duration
from checker.store.db import open_db
from checker.errors import InvalidInput
from checker.store.sources import select_sources

from .conftest import seed_without_sources
from .servers import FakeArchive, LocalServer, html, standard_routes, TRADE_TEXT


@pytest.fixture
def site():
    with LocalServer() as s:
        s.routes = standard_routes(s)
        yield s


@pytest.fixture
def wayback():
    with LocalServer() as s:
        yield FakeArchive(s)


def options(wayback=None, **kwargs):
    base = dict(
        concurrency=4, min_interval=0, timeout=3, allow_addresses=("127.0.0.1/32",),
        wayback_base=wayback.server.url("") if wayback else "http://127.0.0.1:9", use_archive=wayback is not None,
        archive_interval=0, max_retry_wait=3,
    )
    base.update(kwargs)
    return CheckOptions(**base)


def new_source(db, url, claim_id=1):
    return add_source(db, claim_id, url, relation="supports")


def checks_of(db, source_id):
    return [dict(r) for r in db.query("select * from checks where source_id = ? order by id", [source_id])]


@pytest.mark.parametrize(
    "text,expected",
    [("7d", 7 * 86400), ("12h", 43200), ("30m", 1800), ("90s", 90), ("2w", 1209600), ("1.5d", 129600)],
)
def test_parse_duration(text, expected):
    assert Duration().convert(text, None, None).total_seconds() == expected


@pytest.mark.parametrize("text", ["", "7", "seven days", "7 days", "-1d", "7y"])
def test_parse_duration_refuses(text):
    with pytest.raises(click.BadParameter, match="is not a number with a unit"):
        Duration().convert(text, None, None)


@pytest.mark.parametrize("text,bounds,seconds", [
    ("0s", ("0s", "3650d"), 0),
    ("3650d", ("0s", "3650d"), 3650 * 86400),
    ("521w", ("0s", "3650d"), 521 * 604800),
    ("1m", ("1m", "365d"), 60),
    ("3651d", ("0s", "3650d"), None),
    ("522w", ("0s", "3650d"), None),
    ("99999999999d", ("0s", "3650d"), None),  # past what a timedelta holds: was an OverflowError
    ("1" + "0" * 400 + "s", ("0s", "3650d"), None),  # an infinite float
    ("59s", ("1m", "365d"), None),
    ("366d", ("1m", "365d"), None),
])
def test_durations_have_bounds(text, bounds, seconds):
    duration = Duration(*bounds)
    if seconds is None:
        with pytest.raises(click.BadParameter, match=f"is not within {bounds[0]} to {bounds[1]}"):
            duration.convert(text, None, None)
    else:
        assert duration.convert(text, None, None).total_seconds() == seconds


def test_checks_snapshots_and_reuse(db, site):
    source_id = new_source(db, site.url("/ok"))
    summary = run_checks(db, select_sources(db, sources=[source_id]), options())
    assert summary.outcomes == {"ok": 1}
    [first] = checks_of(db, source_id)
    assert first["outcome"] == "ok" and first["http_status"] == 200 and first["snapshot_id"]
    assert first["started_at"].endswith("Z") and first["finished_at"] >= first["started_at"]
    assert json.loads(first["redirects"]) == []
    snapshot = db["snapshots"].get(first["snapshot_id"])
    assert TRADE_TEXT in snapshot["text"] and snapshot["title"] == "Trade figures"
    import zlib

    assert b"<title>Trade figures</title>" in zlib.decompress(snapshot["body"])
    # a recheck of unchanged content reuses the snapshot
    run_checks(db, select_sources(db, sources=[source_id]), options())
    second = checks_of(db, source_id)[1]
    assert second["snapshot_id"] == first["snapshot_id"]
    assert db["snapshots"].count == 1


def test_conditional_recheck_records_not_modified(db, site):
    source_id = new_source(db, site.url("/etag"))
    run_checks(db, select_sources(db, sources=[source_id]), options())
    run_checks(db, select_sources(db, sources=[source_id]), options())
    first, second = checks_of(db, source_id)
    assert (first["outcome"], second["outcome"]) == ("ok", "not_modified")
    assert second["snapshot_id"] == first["snapshot_id"] and second["http_status"] == 304
    assert site.requests_to("/etag")[-1]["headers"]["If-None-Match"] == '"v1"'
    assert site.requests_to("/etag")[-1]["headers"]["If-Modified-Since"] == "Wed, 21 Mar 2012 10:00:00 GMT"


def test_checks_are_append_only(db, site):
    source_id = new_source(db, site.url("/ok"))
    run_checks(db, select_sources(db, sources=[source_id]), options())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("update checks set outcome = 'gone' where source_id = ?", [source_id])
    with pytest.raises(sqlite3.IntegrityError):
        db["checks"].insert({"source_id": source_id, "started_at": "x", "finished_at": "x", "elapsed_ms": 1,
                             "requested_url": "http://a/", "outcome": "fine"})


def test_archive_rescues_a_dead_page(db, site, wayback):
    url = site.url("/missing")
    wayback.captures[url] = [
        ("20100101000000", 200, html("Trade figures", "An older capture."), "text/html"),
        ("20120301000000", 200, html("Page not found", "Sorry."), "text/html"),  # an error page: rejected
        ("20120310000000", 200, html("Trade figures", TRADE_TEXT), "text/html"),  # closest before 2012-03-21
        ("20130101000000", 200, html("Trade figures", "After the article."), "text/html"),
    ]
    source_id = new_source(db, url)
    summary = run_checks(db, select_sources(db, sources=[source_id]), options(wayback))
    assert summary.rescued == 1
    live, archived = checks_of(db, source_id)
    assert (live["outcome"], live["via_archive"]) == ("not_found", 0)
    assert (archived["outcome"], archived["via_archive"]) == ("ok", 1)
    assert archived["archive_timestamp"] == "20120310000000"
    assert archived["archive_url"] == wayback.server.url(f"/web/20120310000000id_/{url}")
    assert TRADE_TEXT in db["snapshots"].get(archived["snapshot_id"])["text"]
    assert "archive banner" not in db["snapshots"].get(archived["snapshot_id"])["text"]
    # the availability API was asked about the article's publication date
    asked = [e["path"] for e in wayback.server.log if e["path"].startswith("/wayback/available")]
    assert asked and "timestamp=20120321" in asked[0]
    health = db.execute("select state, archive_url from source_health where source_id = ?", [source_id]).fetchone()
    assert health == ("failing", archived["archive_url"])


def test_archive_capture_that_is_an_error_page_is_rejected(db, site, wayback):
    url = site.url("/gone")
    wayback.captures[url] = [("20120301000000", 200, html("404 Not Found", "Nothing here."), "text/html")]
    source_id = new_source(db, url)
    run_checks(db, select_sources(db, sources=[source_id]), options(wayback))
    archived = checks_of(db, source_id)[1]
    assert archived["via_archive"] == 1 and archived["outcome"] == "soft_404"
    assert "1 captures tried, none usable" in archived["error"]
    assert archived["snapshot_id"] is None


def test_archive_has_no_capture(db, site, wayback):
    source_id = new_source(db, site.url("/error"))
    run_checks(db, select_sources(db, sources=[source_id]), options(wayback))
    live, archived = checks_of(db, source_id)
    assert live["outcome"] == "server_error"
    assert (archived["outcome"], archived["via_archive"]) == ("not_found", 1)
    assert "no capture" in archived["error"]


def test_archive_rate_limited(db, site, wayback):
    wayback.rate_limited = True
    source_id = new_source(db, site.url("/missing"))
    run_checks(db, select_sources(db, sources=[source_id]), options(wayback))
    archived = checks_of(db, source_id)[1]
    assert (archived["outcome"], archived["via_archive"]) == ("rate_limited", 1)
    assert "archive lookup failed" in archived["error"]


def test_no_archive_for_live_pages(db, site, wayback):
    source_id = new_source(db, site.url("/ok"))
    run_checks(db, select_sources(db, sources=[source_id]), options(wayback))
    assert len(checks_of(db, source_id)) == 1
    assert not wayback.server.log


def test_source_health_states(db):
    """dead needs three consecutive failures spanning three days; blocked and alive are not dead."""
    def record(source_id, day, outcome):
        snapshot = db["snapshots"].insert({"text_hash": f"h{source_id}{day}", "text": "t"}).last_pk if outcome == "ok" else None
        db["checks"].insert({"source_id": source_id, "started_at": f"2026-01-{day:02d}T00:00:00.000Z",
                             "finished_at": f"2026-01-{day:02d}T00:00:01.000Z", "elapsed_ms": 1000,
                             "requested_url": "http://example.com/", "outcome": outcome, "snapshot_id": snapshot})

    ids = [new_source(db, f"https://example.com/{n}") for n in range(6)]
    for day in (1, 2, 3):
        record(ids[0], day, "not_found")  # 3 failures over 2 days: not yet dead
    for day in (1, 2, 4):
        record(ids[1], day, "not_found")  # 3 failures over 3 days: dead
    for day in (1, 5):
        record(ids[2], day, "timeout")  # 2 failures: failing
    record(ids[3], 1, "not_found"), record(ids[3], 2, "not_found"), record(ids[3], 9, "ok"), record(ids[3], 10, "timeout")
    record(ids[4], 1, "blocked")
    states = dict(db.execute(f"select source_id, state from source_health where source_id in ({','.join(map(str, ids))})").fetchall())
    assert states == {ids[0]: "failing", ids[1]: "dead", ids[2]: "failing", ids[3]: "failing", ids[4]: "blocked", ids[5]: "unchecked"}
    record(ids[3], 11, "ok")
    assert db.execute("select state, consecutive_failures from source_health where source_id = ?", [ids[3]]).fetchone() == ("alive", 0)


def test_politeness_one_request_per_host_and_the_interval(db, site):
    paths = ["/ok", "/notes.txt", "/malformed", "/doc.pdf", "/chain/3", "/cp1251"]
    ids = [new_source(db, site.url(p)) for p in paths]
    site.delay = 0.05
    run_checks(db, select_sources(db, sources=ids), options(concurrency=8, min_interval=0.3))
    spans = sorted((e["start"], e["end"]) for e in site.log)
    assert site.max_in_flight == 1
    gaps = [b[0] - a[1] for a, b in zip(spans, spans[1:])]
    assert len(spans) >= len(paths) + 1  # robots.txt, the pages, the random-path probe
    assert min(gaps) >= 0.28, gaps


def test_hosts_run_in_parallel(db):
    servers = [LocalServer(delay=0.5).__enter__() for _ in range(4)]
    try:
        for s in servers:
            s.routes = standard_routes(s)
        ids = [new_source(db, s.url("/ok")) for s in servers]
        run_checks(db, select_sources(db, sources=ids), options(concurrency=4))
        # each request takes half a second: hosts checked in parallel have requests in flight at the same
        # time, which hosts taken one after another never have (read from the servers' logs, not a clock limit)
        spans = [(e["start"], e["end"]) for s in servers for e in s.log]
        overlapping = max(sum(1 for a, b in spans if a <= start < b) for start, _ in spans)
        assert overlapping >= 2, spans
    finally:
        for s in servers:
            s.__exit__(None, None, None)


def test_select_sources(db, site):
    a = new_source(db, site.url("/ok"), claim_id=2)
    everything = select_sources(db)
    assert len(everything) == db["sources"].count
    assert {s["id"] for s in select_sources(db, claims=[2])} >= {a}
    assert [s["id"] for s in select_sources(db, sources=[a])] == [a]
    assert len(select_sources(db, articles=["pakistan-russia-2012"])) == db["sources"].count
    assert select_sources(db, sources=[a])[0]["cited_on"] == "2012-03-21"
    run_checks(db, select_sources(db, sources=[a]), options())
    fresh = {s["id"] for s in select_sources(db, stale_after=datetime.timedelta(hours=1))}
    assert a not in fresh and len(fresh) == db["sources"].count - 1


def test_cli_check(db_path, site, wayback):
    db = open_db(db_path)
    ok = new_source(db, site.url("/ok"))
    missing = new_source(db, site.url("/missing"), claim_id=2)
    db.conn.close()
    runner = CliRunner()
    args = ["check", "--db", str(db_path), "--source", str(ok), "--source", str(missing), "--min-interval", "0",
            "--timeout", "3", "--allow-address", "127.0.0.1/32", "--wayback-base", wayback.server.url("")]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1, result.output  # one source could not be read
    assert result.output.splitlines() == [
        "checked 2 sources: 1 read, 1 not found",
        f"  could not read [{missing}] {site.url('/missing')}: not found: HTTP 404 Not Found",
    ]
    result = runner.invoke(cli, args + ["--stale-after", "1h"])
    assert result.exit_code == 0 and result.output.strip() == "checked 0 sources: nothing to do"
    result = runner.invoke(cli, ["check", "--db", str(db_path), "--source", str(missing), "--no-archive", "--min-interval", "0",
                                 "--timeout", "3", "--allow-address", "127.0.0.1/32", "--source", str(ok)])
    assert result.exit_code == 1
    result = runner.invoke(cli, ["check", "--db", str(db_path), "--source", str(ok), "--min-interval", "0",
                                 "--timeout", "3", "--allow-address", "127.0.0.1/32", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["exit_status"] == 0 and report["checked"] == 1 and report["outcomes"] == {"ok": 1}
    assert report["sources"] == [{"source_id": ok, "url": site.url("/ok"), "read": True, "outcome": "ok",
                                  "http_status": 200, "error": None, "archive_outcome": None}]
    db = open_db(db_path)
    assert db.execute("select count(*) from checks where via_archive = 1").fetchone()[0] == 1  # only the first run's


@pytest.mark.parametrize(
    "extra,message",
    [
        (["--stale-after", "soon"], "duration 'soon'"),
        (["--allow-address", "not-a-network"], "not an address or network"),
        (["--wayback-base", "ftp://archive"], "--wayback-base"),
        (["--claim", "999"], "no claim with id 999"),
        (["--source", "999"], "no source with id 999"),
        (["--article", "nope"], "no article with id 'nope'"),
        (["--concurrency", "0"], "Invalid value for '--concurrency'"),
    ],
)
def test_cli_check_bad_input(db_path, capsys, extra, message):
    from .conftest import dump, main

    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main(["check", "--db", str(db_path), *extra])
    assert e.value.code != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err
    assert dump(db_path) == before


def test_allowed_addresses_from_environment(db_path, site, monkeypatch):
    """$CHECKER_ALLOW_ADDRESSES (comma-separated CIDRs) admits a network when no --allow-address is
    given: a page on 127.0.0.1 is refused without it, read with it; an --allow-address replaces it."""
    db = open_db(db_path)
    ok = new_source(db, site.url("/ok"))
    db.conn.close()
    args = ["check", "--db", str(db_path), "--source", str(ok), "--no-archive", "--min-interval", "0", "--timeout", "3"]
    runs = {}
    for label, environment, extra in [
        ("unset", None, []),
        ("another network", "10.0.0.0/8", []),
        ("loopback among others", " 10.0.0.0/8, 127.0.0.1/32,", []),
        ("replaced by the option", "10.0.0.0/8", ["--allow-address", "127.0.0.1/32"]),
        ("option over a bad variable", "not-a-network", ["--allow-address", "127.0.0.1/32"]),
    ]:
        if environment is None:
            monkeypatch.delenv("CHECKER_ALLOW_ADDRESSES", raising=False)
        else:
            monkeypatch.setenv("CHECKER_ALLOW_ADDRESSES", environment)
        result = CliRunner().invoke(cli, args + extra)
        runs[label] = (result.exit_code, "refused address" in result.output, "1 read" in result.output)
    assert runs == {"unset": (1, True, False), "another network": (1, True, False),
                    "loopback among others": (0, False, True), "replaced by the option": (0, False, True),
                    "option over a bad variable": (0, False, True)}
    assert len([e for e in site.log if e["path"] == "/ok"]) == 3  # only the runs it admitted reached the page


def test_a_bad_allowed_address_in_the_environment_is_one_line(db_path, capsys, monkeypatch):
    from .conftest import dump, main

    monkeypatch.setenv("CHECKER_ALLOW_ADDRESSES", "127.0.0.1/32,localhost/8")
    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main(["check", "--db", str(db_path)])
    assert e.value.code == 2
    assert capsys.readouterr().err == ("Error: Invalid value for '--allow-address': 'localhost/8' (in "
                                       "$CHECKER_ALLOW_ADDRESSES) is not an address or network (CIDR)\n")
    assert dump(db_path) == before


def test_wayback_base_from_environment(db_path, site, wayback, monkeypatch):
    db = open_db(db_path)
    missing = new_source(db, site.url("/missing"))
    db.conn.close()
    monkeypatch.setenv("CHECKER_WAYBACK_BASE", wayback.server.url(""))
    result = CliRunner().invoke(cli, ["check", "--db", str(db_path), "--source", str(missing), "--min-interval", "0",
                                      "--timeout", "3", "--allow-address", "127.0.0.1/32"])
    assert result.exit_code == 1, result.output
    assert any(e["path"].startswith("/wayback/available") for e in wayback.server.log)


def test_kill_mid_run_loses_only_checks_in_flight(tmp_path):
    path = tmp_path / "claims.db"
    with LocalServer(delay=0.25) as s1, LocalServer(delay=0.25) as s2:
        for s in (s1, s2):
            s.routes = standard_routes(s)
        db = seed_without_sources(path)
        ids = [new_source(db, s.url(f"/ok?n={n}")) for s in (s1, s2) for n in range(15)]
        db.conn.close()
        args = [sys.executable, "-m", "checker.cli", "check", "--db", str(path), "--min-interval", "0",
                "--timeout", "5", "--allow-address", "127.0.0.1/32", "--no-archive", "--concurrency", "2"]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        done = 0
        while time.monotonic() < deadline and done < 6:
            time.sleep(0.2)
            conn = sqlite3.connect(path, timeout=10)
            done = conn.execute("select count(*) from checks").fetchone()[0]  # a reader during the run
            conn.close()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = conn.execute("select count(*) from checks").fetchone()[0]
        conn.close()
        assert 6 <= saved < len(ids)
        # the rerun does the rest, and only the rest
        result = subprocess.run(args + ["--stale-after", "1h"], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert f"checked {len(ids) - saved} sources" in result.stdout
        conn = sqlite3.connect(path)
        per_source = conn.execute("select count(*) from checks group by source_id").fetchall()
        conn.close()
        assert len(per_source) == len(ids) and all(n == (1,) for n in per_source)


def test_archive_calls_are_rate_limited(db, site, wayback):
    ids = [new_source(db, site.url(f"/missing?n={n}")) for n in range(3)]
    run_checks(db, select_sources(db, sources=ids), options(wayback, archive_interval=0.3))
    spans = sorted((e["start"], e["end"]) for e in wayback.server.log)
    assert len(spans) >= 6  # availability and CDX for each source
    assert min(b[0] - a[1] for a, b in zip(spans, spans[1:])) >= 0.28


def test_archive_malformed_json_is_recorded(db, site, wayback):
    wayback.server.routes["/wayback/available"] = lambda h: h.send(200, b"{not json", "application/json")
    source_id = new_source(db, site.url("/missing"))
    run_checks(db, select_sources(db, sources=[source_id]), options(wayback))
    archived = checks_of(db, source_id)[1]
    assert (archived["outcome"], archived["via_archive"]) == ("server_error", 1)
    assert "malformed JSON" in archived["error"]


def test_datasette_reads_during_a_run(db_path, site):
    """WAL and a busy timeout: Datasette's reads never fail while checks are being written."""
    import asyncio
    import threading

    from datasette.app import Datasette

    db = open_db(db_path)
    ids = [new_source(db, site.url(f"/ok?n={n}")) for n in range(20)]
    db.conn.close()
    site.delay = 0.02
    errors = []

    def checking():
        writer = open_db(db_path)
        run_checks(writer, select_sources(writer, sources=ids), options())
        writer.conn.close()

    thread = threading.Thread(target=checking)
    thread.start()

    async def read_while_running():
        ds = Datasette([str(db_path)])
        while thread.is_alive():
            response = await ds.client.get("/claims/checks.json?_shape=array&_size=5")
            if response.status_code != 200:
                errors.append(response.text)
            await asyncio.sleep(0.01)

    asyncio.run(read_while_running())
    thread.join()
    assert not errors


def test_ctrl_c_keeps_what_was_saved(tmp_path):
    path = tmp_path / "claims.db"
    with LocalServer(delay=0.3) as s:
        s.routes = standard_routes(s)
        db = open_db(path, create=True)
        db["sources"].insert_all([{"url": s.url(f"/ok?n={n}")} for n in range(30)])
        db.conn.close()
        proc = subprocess.Popen(
            [sys.executable, "-m", "checker.cli", "check", "--db", str(path), "--min-interval", "0", "--timeout", "5",
             "--allow-address", "127.0.0.1/32", "--no-archive"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(300):  # interrupt once a first source is saved (a loaded machine takes longer)
            conn = sqlite3.connect(path)
            started = conn.execute("select count(*) from checks").fetchone()[0]
            conn.close()
            if started:
                break
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == 130, err
        assert "interrupted" in out
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = conn.execute("select count(*) from checks").fetchone()[0]
        conn.close()
        assert 0 < saved < 30
        assert f"checked {saved} sources" in out


def make_lock(kind, path, tmp_path):
    """Put what `kind` names where the check lock goes."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        os.mkdir(path)
    elif kind == "broken symlink":
        os.symlink(tmp_path / "nowhere", path)
    elif kind == "symlink to a regular file":
        (tmp_path / "elsewhere").write_text("someone's file")
        os.symlink(tmp_path / "elsewhere", path)
    elif kind == "regular file":
        path.write_text("")


@pytest.mark.parametrize("kind,refusal", [
    ("fifo", "it is a FIFO"),  # opening it used to wait for a writer for ever
    ("directory", "it is a directory"),
    ("broken symlink", "it is a symlink"),
    ("symlink to a regular file", "it is a symlink"),  # the lock is ours to place: a link may point anywhere
    ("regular file", None),
])
def test_the_check_lock_must_be_a_regular_file(tmp_path, kind, refusal):
    """Through the CLI, in a process of its own (a hang fails on the timeout rather than stopping the
    suite): anything but a regular file at claims.db.check-lock is refused in one line, exit 1, and
    nothing is written; a regular one is used as it is. The database has no sources, so nothing is
    fetched either way."""
    from .conftest import dump

    path = tmp_path / "claims.db"
    seed_without_sources(path).conn.close()
    lock = tmp_path / "claims.db.check-lock"
    make_lock(kind, lock, tmp_path)
    before = dump(path)
    result = subprocess.run([sys.executable, "-m", "checker.cli", "check", "--db", str(path), "--no-archive"],
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    if refusal is None:
        assert result.returncode == 0 and "checked 0 sources" in result.stdout, result
        return
    assert result.returncode == 1, result
    assert result.stderr == f"Error: cannot use the check lock {lock}: {refusal}; remove it (checker makes a new one)\n"
    assert dump(path) == before
    assert not (tmp_path / "nowhere").exists()
    if kind == "symlink to a regular file":
        assert (tmp_path / "elsewhere").read_text() == "someone's file"


@pytest.mark.parametrize("retries", [0, 3])
def test_cli_retries_reach_the_fetcher(db_path, retries):
    """--retries is what the fetcher does: a page that always answers 503 (Retry-After: 0) is asked
    once more per retry."""
    with LocalServer() as server:
        server.routes = {"/busy": lambda h: h.send(503, b"busy", headers=[("Retry-After", "0")])}
        db = open_db(db_path)
        busy = new_source(db, server.url("/busy"))
        db.conn.close()
        result = CliRunner().invoke(cli, ["check", "--db", str(db_path), "--source", str(busy), "--no-archive",
                                          "--min-interval", "0", "--allow-address", "127.0.0.1/32",
                                          "--retries", str(retries), "--max-retry-wait", "0"])
        asked = [e for e in server.log if e["path"] == "/busy"]
    assert result.exit_code == 1 and "server error" in result.output, result.output
    assert len(asked) == retries + 1


@pytest.mark.parametrize("field,value", [
    ("timeout", float("inf")), ("timeout", float("nan")), ("timeout", 0), ("timeout", 1e12), ("concurrency", 0),
    ("min_interval", -1), ("max_bytes", 2 ** 40), ("retries", 11), ("turn_timeout", float("-inf")),
    ("archive_interval", "1"), ("max_retry_wait", True),
])
def test_check_options_refuse_values_outside_their_range(field, value):
    """The library holds the ranges the command line shows: the workbench's plugin config meets them too."""
    with pytest.raises(InvalidInput, match=f"{field.replace('_', '-')} .* is not a number from"):
        CheckOptions(**{field: value})


def test_every_range_is_the_command_lines():
    from checker.net.options import RANGES
    from checker.cli.checks import check as command

    for param in command.params:
        name = param.name
        if name in RANGES:
            assert (param.type.min, param.type.max) == RANGES[name], name


# --- a passage found on the page is not a verdict ------------------------------------------------

ELSEWHERE = "Trade between Russia and Pakistan reached US$300 million in 2011, officials said."
AGREES = "Trade between Russia and Pakistan was US$630 million in 2008, officials said."


@pytest.mark.parametrize("text,passage,relation,support,health,marks", [
    # the case: the passage is on the page, but it gives another figure and another year
    (ELSEWHERE, ELSEWHERE.split(",")[0], "supports", "contradicts", "contradicted",
     "✗ US$630 million  ✗ 2008"),
    # the same words cited as context: other figures are what context is quoted for
    (ELSEWHERE, ELSEWHERE.split(",")[0], "context", "partial", "unsupported", "✗ US$630 million  ✗ 2008"),
    # a passage that says it
    (AGREES, AGREES.split(",")[0], "supports", "supports", "supported", "✓ US$630 million  ✓ 2008"),
    # a passage silent on the figure, on a page that says it beside it: read as any page
    ("Officials met in Moscow. Trade between Russia and Pakistan was US$630 million in 2008.", "Officials met in Moscow",
     "supports", "supports", "supported", "✓ US$630 million  ✓ 2008"),
])
def test_a_found_passage_is_read_for_the_claims_facts(db_path, run, text, passage, relation, support, health, marks):
    with LocalServer() as server:
        server.routes = {"/report": lambda h: h.send(200, html("Trade report", text, "report"))}
        db = open_db(db_path)
        claim_id = db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]
        remove = [r[0] for r in db.execute("select source_id from claim_sources where claim_id = ?", [claim_id])]
        db.conn.close()
        result = run("add-source", str(claim_id), server.url("/report"), "--relation", relation, "--passage", passage)
        assert result.exit_code == 0, result.output
        source_id = int(result.output.strip())
        db = open_db(db_path)
        for other in remove:  # the claim's other sources would say their own things
            remove_source(db, claim_id, other, by="test", reason="read on its own")
        db.conn.close()
        result = run("check", "--source", str(source_id), "--min-interval", "0", "--timeout", "3",
                     "--allow-address", "127.0.0.1/32", "--no-archive")
        assert result.exit_code == 0, result.output
    out = run("show", str(claim_id)).output
    assert f"  health:     {health}:" in out
    block = out[out.index(f"[{source_id}] {relation}: "):]
    assert f"      evidence: {label('support', support)} (" in block
    facts = block[block.index("      facts:    "):].splitlines()[0]
    assert all(mark in facts for mark in marks.split("  ")), facts
    if support == "contradicts":
        assert "1 of 1 source gives another figure or date; 0 back it now" in out
        assert "US$300 million in 2011" in block  # the snippet shows what the passage says instead


# --- the locale a page is read in ----------------------------------------------------------------------

RATE_PAGE = ("<!doctype html><html{lang}><head><title>Rates</title></head><body><p>On 8/2/2024 the Reserve Bank "
             "of New Zealand raised its official cash rate.</p></body></html>")


@pytest.mark.parametrize("lang,header,support,locale,locale_from", [
    (' lang="en-GB"', None, "supports", "en-GB", "lang"),
    (' lang="en-US"', None, "partial", "en-US", "lang"),
    ("", "en-NZ", "supports", "en-NZ", "lang"),  # the Content-Language header, when the HTML says nothing
    (' lang="en"', None, "partial", "en", "lang"),  # English alone: the US and the rest differ
    ("", None, "partial", None, None),
])
def test_a_page_is_read_in_its_own_locale(db_path, lang, header, support, locale, locale_from):
    db = open_db(db_path)
    claim_id = add_claim(db, article_id="pakistan-russia-2012", quote="US$630 million in 2008", kind="other",
                         claim="The Reserve Bank of New Zealand raised its official cash rate on 8 February 2024.",
                         date_start="2024-02-08")
    body = RATE_PAGE.format(lang=lang).encode()
    headers = [("Content-Language", header)] if header else []
    with LocalServer() as s:
        s.routes = {"/rates": lambda h: h.send(200, body, headers=headers)}
        source_id = add_source(db, claim_id, s.url("/rates"), relation="supports")
        run_checks(db, select_sources(db, sources=[source_id]), options())
    [check] = checks_of(db, source_id)
    snapshot = db["snapshots"].get(check["snapshot_id"])
    assert (snapshot["locale"], snapshot["locale_from"]) == (locale, locale_from)
    evidence = db.execute("select support, facts_missing from evidence where claim_id = ?", [claim_id]).fetchone()
    assert evidence[0] == support
    note = "8 February 2024 (8/2/2024 is ambiguous: day and month order unknown)"
    assert (note in json.loads(evidence[1])) == (locale in (None, "en"))
    db.conn.close()
    shown = CliRunner().invoke(cli, ["show", "--db", str(db_path), str(claim_id)])
    assert shown.exit_code == 0, shown.output
    assert (f"✗ {note}" in shown.output) == (locale in (None, "en"))
    # reassess reads the snapshot in the locale it kept
    assert CliRunner().invoke(cli, ["reassess", "--db", str(db_path), "--claim", str(claim_id)]).exit_code == 0
    db = open_db(db_path)
    latest = db.execute("select support from evidence where claim_id = ? order by id desc", [claim_id]).fetchone()[0]
    assert latest == support
    db.conn.close()


@pytest.mark.parametrize("page_url,lang,locale,locale_from", [
    ("https://www.rnz.co.nz/news/rates", "", "en-NZ", "domain"),
    ("https://www.rnz.co.nz/news/rates", ' lang="en-AU"', "en-AU", "lang"),  # the page's own word wins
    # a US default on a day-first country's domain: the language alone, its dates' order unknown
    ("https://www.rnz.co.nz/news/rates", ' lang="en-US"', "en", "lang"),
    ("https://www.bbc.co.uk/news/rates", ' lang="en"', "en-GB", "domain"),
    ("https://example.com/rates", "", None, None),
])
def test_an_archive_capture_is_read_in_the_locale_of_the_page_it_holds(page_url, lang, locale, locale_from):
    from checker.check import read_page
    from checker.net.attempt import Attempt

    body = RATE_PAGE.format(lang=lang).encode()
    capture = Attempt(requested_url="https://web.archive.org/web/20240301000000id_/" + page_url, outcome="ok",
                      final_url="https://web.archive.org/web/20240301000000id_/" + page_url, body=body,
                      content_type="text/html; charset=utf-8", via_archive=True)
    read_page(capture, page_url=page_url)
    assert (capture.snapshot.locale, capture.snapshot.locale_from) == (locale, locale_from)
