"""Safe in use: least privilege per role, a ledger nobody rewrites, only http(s) links, only finite
numbers, and a check that shares its database with people writing to it."""
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
import pytest_asyncio
from datasette.app import Datasette
from jinja2 import Environment, FileSystemLoader

from checker.store.claims import add_source
from checker.urls import web_url
from checker.web.serve import datasette_config

from .conftest import SEED_CLAIMS, main, remove_links, seed_without_sources
from .servers import LocalServer, html

EDITOR = {"id": "alice", "roles": ["editor"]}
JS = "javascript:alert(document.cookie)"


@pytest_asyncio.fixture
async def ds(db_path):
    config, metadata = datasette_config(db_path)
    datasette = Datasette([str(db_path)], config=config, metadata=metadata, secret="test-secret")
    datasette.root_enabled = True
    await datasette.invoke_startup()
    return datasette


async def as_role(ds, role):
    """Request options (cookies or headers) for a visitor, an editor, root, or root's API token."""
    if role == "visitor":
        return {}
    if role == "token":
        return {"headers": {"Authorization": f"Bearer {await ds.create_token('root')}"}}
    actor = EDITOR if role == "editor" else {"id": "root"}
    return {"cookies": {"ds_actor": ds.sign({"a": actor}, "actor")}}


def row_for(table, db):
    article = "pakistan-russia-2012"
    return {
        "claims": {"article_id": article, "quote": "US$630 million in 2008", "claim": "A claim from the API.", "kind": "other"},
        "sources": {"url": "https://api.example/source"},
        "claim_sources": {"claim_id": 1, "source_id": db.execute("select max(id) from sources").fetchone()[0], "relation": "context"},
        "articles": {"id": "from-the-api", "title": "From the API", "text": "Some text."},
        "checks": {"source_id": 1, "started_at": "2030-01-01T00:00:00.000Z", "finished_at": "2030-01-01T00:00:01.000Z",
                   "elapsed_ms": 1, "requested_url": "https://example.org/", "outcome": "not_found"},
        "verdict_history": {"claim_id": 1, "changed_at": "2012-01-01", "changed_by": "root", "to_verdict": "accurate"},
        "claim_health": {"claim_id": 1, "health": "supported", "verdict": "accurate"},
        "snapshots": {"text_hash": "x", "text": "forged"},
        "_sqlite_migrations": {"migration_set": "checker", "name": "m999_forged", "applied_at": "now"},
    }[table]


# role -> tables it may insert into through Datasette (everyone else: 403)
WRITABLE = {
    "visitor": set(),
    "editor": {"claims", "sources", "claim_sources", "articles"},
    "root": {"claims", "sources", "claim_sources", "articles"},
    "token": {"claims", "sources", "claim_sources", "articles"},
}
TABLES = ["claims", "sources", "claim_sources", "articles", "checks", "verdict_history", "claim_health", "snapshots",
          "_sqlite_migrations"]


@pytest.mark.asyncio
@pytest.mark.parametrize("role", list(WRITABLE))
async def test_each_role_writes_only_what_it_edits(ds, db, role):
    options = await as_role(ds, role)
    for table in TABLES:
        before = db[table].count
        response = await ds.client.post(f"/claims/{table}/-/insert", json={"row": row_for(table, db)}, **options)
        expected = 201 if table in WRITABLE[role] else 403
        assert response.status_code == expected, (role, table, response.text[:300])
        assert db[table].count == before + (expected == 201)
    for table in ["claims", "checks", "verdict_history", "evidence"]:
        response = await ds.client.post(f"/claims/{table}/1/-/delete", **options)
        assert response.status_code == 403, (role, table)
    response = await ds.client.post("/claims/checks/-/drop", json={"confirm": True}, **options)
    assert response.status_code == 403 and db["checks"].exists()


FORGED_UPDATES = [
    {"verdict": "accurate", "verdict_note": "Someone else read it.", "verdict_by": "someone-else"},
    {"verdict_by": "someone-else"},
    {"verdict_by": "ME"},  # taking over the last rater's verdict without rating it
    {"verdict_at": "2012-03-21T00:00:00Z"},
    {"verdict_at": "2001-01-01T00:00:00.000Z (backdated)"},
    {"verdict_at": None},
    {"verdict_at": "now"},
    {"verdict": "inaccurate", "verdict_note": "Backdated.", "verdict_at": "2001-01-01T00:00:00.000Z"},
    {"added_by": "someone-else"},
    {"added_at": "2001-01-01T00:00:00Z"},
    {"added_at": "not a time"},
]


@pytest.mark.asyncio
@pytest.mark.parametrize("role", ["editor", "root", "token"])
async def test_the_server_says_who_set_a_verdict(ds, db, role):
    options = await as_role(ds, role)
    me = "alice" if role == "editor" else "root"
    before = db["claims"].get(1)
    history = db["verdict_history"].count
    for update in FORGED_UPDATES:
        update = {k: (me if v == "ME" else v) for k, v in update.items()}
        response = await ds.client.post("/claims/claims/1/-/update", json={"update": update}, **options)
        assert response.status_code == 400, (update, response.text[:300])
        assert "set by the server" in response.text, response.text[:300]
    response = await ds.client.post("/claims/claims/1/-/update", json={"update": {"verdict": "inaccurate"}}, **options)
    assert response.status_code == 400 and "a new verdict needs a new note" in response.text
    assert db["claims"].get(1) == before and db["verdict_history"].count == history
    # the server says who and when: the writer sends the verdict and its note, nothing else
    for n, update in enumerate([{"verdict": "accurate", "verdict_note": "Read again: the consulate gives it."},
                                {"verdict": "mostly_accurate", "verdict_note": "The same writer rates it again."},
                                {"verdict": "inaccurate", "verdict_note": "Named as themselves.", "verdict_by": me}]):
        response = await ds.client.post("/claims/claims/1/-/update", json={"update": update}, **options)
        assert response.status_code == 200, (update, response.text[:300])
        row = db["claims"].get(1)
        last = dict(next(db.query("select * from verdict_history order by id desc limit 1")))
        assert (row["verdict"], row["verdict_note"], row["verdict_by"]) == (update["verdict"], update["verdict_note"], me)
        assert (last["changed_by"], last["to_verdict"], last["changed_at"]) == (me, update["verdict"], row["verdict_at"])
        assert db.execute("select julianday('now') - julianday(?) < 60 / 86400.0", [row["verdict_at"]]).fetchone()[0]
        assert db["verdict_history"].count == history + n + 1
    # a claim added through the API starts unrated, added now by whoever added it
    row = {"article_id": "pakistan-russia-2012", "quote": "US$630 million in 2008", "kind": "other"}
    for extra in [{"verdict": "accurate"}, {"verdict_by": me}, {"added_by": "someone-else"},
                  {"added_at": "2001-01-01T00:00:00Z"}, {"verdict_at": "2026-01-01T00:00:00Z"}]:
        response = await ds.client.post("/claims/claims/-/insert", json={"row": {**row, "claim": "Forged.", **extra}},
                                        **options)
        assert response.status_code == 400, extra
    for n, extra in enumerate([{}, {"added_by": me}]):
        response = await ds.client.post("/claims/claims/-/insert",
                                        json={"row": {**row, "claim": f"Added {n}.", **extra}, "return": True}, **options)
        assert response.status_code == 201, response.text[:300]
        added = db["claims"].get(response.json()["rows"][0]["id"])
        assert added["added_by"] == me and added["verdict"] == "unrated"
        assert db.execute("select julianday('now') - julianday(?) < 60 / 86400.0", [added["added_at"]]).fetchone()[0]


@pytest.mark.parametrize("sql", [
    "update checks set outcome = 'ok' where id = (select max(id) from checks)",
    "delete from checks",
    "update snapshots set text = 'forged'",
    "delete from snapshots",
    "update evidence set support = 'supports'",
    "delete from evidence",
    "update verdict_history set changed_by = 'root'",
    "delete from verdict_history",
    "update claim_health_log set health = 'supported'",
    "delete from claim_health_log",
    "update article_versions set text = 'forged'",
    "delete from article_versions",
])
def test_the_ledger_and_history_are_never_rewritten(db, sql):
    from checker.net.attempt import Attempt, Snapshot
    from checker.check import save

    source_id = add_source(db, 3, "https://trade.example/report")
    text = "Two-way trade between Russia and Pakistan reached US$630 million in 2008."
    attempt = Attempt(requested_url="https://trade.example/report", started_at=time.time(), elapsed_ms=5, outcome="ok",
                      snapshot=Snapshot(text=text, body=text.encode()))
    save(db, {"id": source_id, "url": "https://trade.example/report"}, [attempt])
    db.execute("update claims set verdict = 'accurate', verdict_note = 'Read.', verdict_by = 'test' where id = 3")
    db.execute("update articles set text = text || ' A line added.'")  # its earlier text is kept as a version
    assert db["checks"].count and db["evidence"].count and db["claim_health_log"].count and db["article_versions"].count
    with pytest.raises(sqlite3.IntegrityError, match="never|append-only"):
        db.execute(sql)


# every URL column, with a row to put a javascript: URL in
URL_COLUMNS = [
    ("sources", "url", "INSERT INTO sources (url) VALUES (?)"),
    ("articles", "url", "INSERT INTO articles (id, title, text, url) VALUES ('js', 'T', 'x', ?)"),
    ("checks", "requested_url", "INSERT INTO checks (source_id, started_at, finished_at, elapsed_ms, requested_url, outcome)"
                                " VALUES (1, 'a', 'b', 1, ?, 'not_found')"),
    ("checks", "final_url", "INSERT INTO checks (source_id, started_at, finished_at, elapsed_ms, requested_url, final_url, outcome)"
                            " VALUES (1, 'a', 'b', 1, 'https://a.example/', ?, 'not_found')"),
    ("checks", "archive_url", "INSERT INTO checks (source_id, started_at, finished_at, elapsed_ms, requested_url, via_archive,"
                              " archive_url, outcome) VALUES (1, 'a', 'b', 1, 'https://a.example/', 1, ?, 'not_found')"),
    ("source_state", "archive_url", "INSERT INTO source_state (source_id, state, latest_check_id, latest_outcome,"
                                    " latest_check_at, consecutive_failures, archive_url) VALUES (1, 'alive', 1, 'ok', 'a', 0, ?)"),
    ("snapshots", "canonical_url", "INSERT INTO snapshots (text_hash, text, canonical_url) VALUES ('h', 't', ?)"),
    ("claim_sources", "passage_found_at", "INSERT INTO claim_sources (claim_id, source_id, relation, passage, passage_found_at)"
                                          " VALUES (1, 2, 'context', 'p', ?)"),
    ("article_links", "url", "INSERT INTO article_links (article_id, url, paragraph) VALUES ('pakistan-russia-2012', ?, 0)"),
]


@pytest.mark.parametrize("table,column,sql", URL_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in URL_COLUMNS])
@pytest.mark.parametrize("url", [JS, "data:text/html,<script>alert(1)</script>", " https://a.example/", "//a.example/x",
                                 "https://a.example/\u202egpj.exe", "https://a\u200b.example/", "https://a.example/\ufeff"])
def test_every_url_column_refuses_what_is_not_http(db, table, column, sql, url):
    remove_links(db, "claim_id = 1 AND source_id = 2")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(sql, [url])


def test_every_url_column_is_covered(db):
    """A URL column added later must join URL_COLUMNS (and have its CHECK)."""
    named = {(t, c) for t, c, _ in URL_COLUMNS}
    found = {(t, c) for t in db.table_names() for c in db[t].columns_dict
             if (c == "url" or c.endswith("_url") or c.endswith("found_at")) and not t.endswith("_fts")}
    assert found <= named, found - named


@pytest.mark.parametrize("value,shown", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org/", "http://example.org/"),
    (JS, None), ("JavaScript:alert(1)", None), ("data:text/html,x", None), ("/relative", None), ("", None), (None, None),
])
def test_links_render_only_http(value, shown):
    assert web_url(value) == shown
    env = Environment(loader=FileSystemLoader("checker/web/templates"), autoescape=True)
    env.filters["web_url"] = web_url
    rendered = env.from_string('{% import "_checker_links.html" as l %}{{ l.outside(u, "the page") }}').render(u=value)
    if shown:
        assert rendered == f'<a href="{shown}" rel="noopener noreferrer nofollow">the page</a>'
    else:
        assert rendered == "the page" and "<a" not in rendered


@pytest.mark.parametrize("value,message", [
    ("1e999", "not a finite number"), ("inf", "not a finite number"), ("nan", "not a finite number"),
    ("-5", "must be more than 0"), ("0", "must be more than 0"),
])
def test_values_are_finite_and_positive_where_they_count(db_path, capsys, value, message):
    from .conftest import dump

    before = dump(db_path)
    with pytest.raises(SystemExit):
        main(["add-claim", "--db", str(db_path), "--article", "pakistan-russia-2012", "--quote", "US$630 million in 2008",
              "--kind", "trade_figure", "--claim", "Trade was big.", "--value", value, "--unit", "USD"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert dump(db_path) == before


def test_huge_values_are_stored_not_crashed(db_path, db):
    for n, value in enumerate(["1e308", "123456789012345678901234567890"]):
        main(["add-claim", "--db", str(db_path), "--article", "pakistan-russia-2012", "--quote", "US$630 million in 2008",
              "--kind", "other", "--claim", f"A large number {n}.", "--value", value, "--unit", "USD"])
    assert db.execute("select count(*) from claims where claim like 'A large number%'").fetchone()[0] == 2
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("update claims set value = 1e999 where id = 1")


@pytest.mark.asyncio
async def test_non_finite_values_are_refused_by_every_front(ds, db):
    options = await as_role(ds, "editor")
    row = {"article_id": "pakistan-russia-2012", "quote": "US$630 million in 2008", "claim": "Infinite.", "kind": "other",
           "unit": "USD"}
    response = await ds.client.post("/claims/claims/-/insert", content=json.dumps({"row": {**row, "value": 1e999}}),
                                    headers={"Content-Type": "application/json"}, **options)
    assert response.status_code == 400
    form = {"article": "pakistan-russia-2012", "quote": "US$630 million in 2008", "kind": "other", "claim": "Infinite.",
            "value": "1e999", "unit": "USD"}
    response = await ds.client.post("/-/add-claim", data=form, **options)
    assert response.status_code == 400 and "not a finite number" in response.text
    assert db["claims"].count == SEED_CLAIMS
    landing = (await ds.client.get("/")).text
    assert "Infinity" not in landing and "NaN" not in landing


def test_repeated_claim_is_refused(db_path, capsys):
    args = ["add-claim", "--db", str(db_path), "--article", "pakistan-russia-2012", "--quote", "US$630 million in 2008",
            "--kind", "other", "--claim", "Said twice."]
    main(args)
    with pytest.raises(SystemExit):
        main(args)
    assert "already has the claim 'Said twice.'" in capsys.readouterr().err


@pytest.mark.parametrize("target", ["fifo", "symlink", "dash"])
def test_export_out_writes_through_what_is_not_a_regular_file(db_path, tmp_path, capfd, target):
    if target == "fifo":
        out = tmp_path / "pipe"
        os.mkfifo(out)
        reader = subprocess.Popen(["cat", str(out)], stdout=subprocess.PIPE)
        main(["export", "csv", "--db", str(db_path), "--claim", "1", "--out", str(out)])
        received = reader.communicate(timeout=10)[0].decode()
        assert received.startswith("id,article_id") and out.is_fifo()
    elif target == "symlink":
        real = tmp_path / "real.csv"
        real.write_text("old")
        link = tmp_path / "link.csv"
        link.symlink_to(real)
        main(["export", "csv", "--db", str(db_path), "--claim", "1", "--out", str(link)])
        assert link.is_symlink() and real.read_text().startswith("id,article_id")
    else:
        main(["export", "csv", "--db", str(db_path), "--claim", "1", "--out", "-"])
        assert capfd.readouterr().out.startswith("id,article_id")
        assert not (tmp_path / "-").exists() and not os.path.exists("-")


def test_missing_folders_get_one_line(tmp_path, db_path, capsys):
    for args in (["init", "--db", str(tmp_path / "no" / "such" / "claims.db")],
                 ["export", "csv", "--db", str(db_path), "--out", str(tmp_path / "no" / "out.csv")]):
        with pytest.raises(SystemExit) as e:
            main(args)
        err = capsys.readouterr().err
        assert e.value.code == 1 and err.count("\n") == 1 and "does not exist" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("content,message", [
    (b"root:\n  password_hash: pbkdf2_sha256$480000$x$y\n", "cannot be an editor's name"),
    (b"Root:\n  password_hash: pbkdf2_sha256$480000$x$y\n", "cannot be an editor's name"),
    ("\uff52\uff4f\uff4f\uff54:\n  password_hash: pbkdf2_sha256$480000$x$y\n".encode(), "reads as 'root'"),
    ("\uff32\uff2f\uff2f\uff34:\n  password_hash: pbkdf2_sha256$480000$x$y\n".encode(), "reads as 'root'"),
    ("ro\u200bot:\n  password_hash: pbkdf2_sha256$480000$x$y\n".encode(), "reads as 'root'"),
    ("ro\u00adot:\n  password_hash: pbkdf2_sha256$480000$x$y\n".encode(), "reads as 'root'"),
    ("r\u043e\u043et:\n  password_hash: pbkdf2_sha256$480000$x$y\n".encode(), "CYRILLIC SMALL LETTER O"),
    (b"alice:\n  password_hash: pbkdf2_sha256$480000$x$y\nAlice:\n  password_hash: pbkdf2_sha256$480000$x$y\n",
     "'alice' and 'Alice' read as the same name"),
    (b"yes:\n  password_hash: pbkdf2_sha256$480000$x$y\n", "editor name True is not text"),
    (b"alice:\n  password_hash: \xff\xfe\x00bad\n", "not UTF-8"),
])
def test_editors_file_refusals(tmp_path, db_path, capsys, content, message):
    path = tmp_path / "editors.yaml"
    path.write_bytes(content)
    with pytest.raises(SystemExit):
        main(["serve", "--db", str(db_path), "--editors", str(path)])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err


def test_search_syntax_is_one_line(db_path, capsys):
    with pytest.raises(SystemExit):
        main(["claims", "--db", str(db_path), "--search", '"'])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Error: search syntax:")


@pytest.mark.asyncio
async def test_ids_out_of_range_and_rechecks_of_nothing_are_404(ds):
    editor = await as_role(ds, "editor")
    assert (await ds.client.get("/-/claim/99999999999999999999")).status_code == 404
    assert (await ds.client.get("/-/claim/999999")).status_code == 404
    for path in ["/-/claim/999999/recheck", "/-/claim/99999999999999999999/recheck", "/-/article/no-such-article/recheck"]:
        response = await ds.client.post(path, headers={"Accept": "application/json"}, **editor)
        assert response.status_code == 404, path


@pytest.mark.asyncio
async def test_job_status_only_for_those_who_may_recheck(ds, db):
    editor = await as_role(ds, "editor")
    remove_links(db, "claim_id = 3")  # nothing to fetch: the job ends at once
    response = await ds.client.post("/-/claim/3/recheck", headers={"Accept": "application/json"}, **editor)
    assert response.status_code == 202
    job = response.json()["id"]
    assert (await ds.client.get(f"/-/jobs/{job}.json")).status_code == 403
    assert (await ds.client.get(f"/-/jobs/{job}.json", **editor)).status_code == 200


def test_a_check_shares_its_database_with_writers(tmp_path):
    """One check, a second check started while it runs, and verdicts written every 50 ms by a third
    process: both checks finish, each source has exactly its two checks, each read has its evidence,
    and every verdict write lands."""
    path = tmp_path / "claims.db"
    pages = {f"/p{n}": html(f"Report {n}", "Two-way trade between Russia and Pakistan reached US$630 million in 2008.")
             for n in range(16)}
    # The pages answer once the second check is seen waiting for the first: however slowly the
    # processes start on a busy machine, the second starts while the first runs.
    second_waits = threading.Event()

    def page(h, body):
        second_waits.wait(60)
        h.send(200, body)

    with LocalServer(delay=0.1) as server:
        server.routes = {p: (lambda h, body=body: page(h, body)) for p, body in pages.items()}
        db = seed_without_sources(path)
        claims = [r[0] for r in db.execute("select id from claims order by id")]
        for n, page_path in enumerate(pages):
            add_source(db, claims[n % 4], server.url(page_path), relation="supports")
        db.conn.close()
        check = [sys.executable, "-m", "checker.cli", "check", "--db", str(path), "--min-interval", "0",
                 "--allow-address", "127.0.0.1/32", "--no-archive", "--concurrency", "4"]
        writer = subprocess.Popen([sys.executable, "-c", VERDICT_WRITER, str(path), "6"], stdout=subprocess.PIPE, text=True)
        first = subprocess.Popen(check, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while not server.log:  # the first check holds the check lock and has begun reading
            assert first.poll() is None and time.monotonic() < deadline, first.communicate()
            time.sleep(0.02)
        second = subprocess.Popen(check, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said = ""
        while "waiting for it to finish" not in said:
            line = second.stderr.readline()  # "" once it ends
            said += line
            if not line:
                break
        second_waits.set()
        outputs = [p.communicate(timeout=180) for p in (first, second)]
        written = writer.communicate(timeout=60)[0]
    assert first.returncode == 0 and second.returncode == 0, outputs
    assert "waiting for it to finish" in said + outputs[1][1]
    assert written.split() == ["writes", "ok"], written
    conn = sqlite3.connect(path)
    per_source = conn.execute("select source_id, count(*) from checks where via_archive = 0 group by source_id").fetchall()
    assert len(per_source) == 16 and {n for _, n in per_source} == {2}
    missing = conn.execute(
        "select count(*) from checks k join claim_sources cs on cs.source_id = k.source_id"
        " where k.outcome = 'ok' and not exists (select 1 from evidence e where e.check_id = k.id and e.claim_id = cs.claim_id)"
    ).fetchone()[0]
    assert missing == 0
    conn.close()


# Sets a verdict every 50 ms for a few seconds through the library (its own process), then says how it went.
VERDICT_WRITER = """
import sys, time
from checker.store.claims import set_verdict
from checker.store.db import open_db
db = open_db(sys.argv[1])
end = time.time() + float(sys.argv[2])
n = failures = 0
while time.time() < end:
    try:
        set_verdict(db, 1 + n % 4, ("accurate", "inaccurate")[n % 2], note=f"write {n}", by="writer")
    except Exception as e:
        failures += 1
        print("failed:", e, file=sys.stderr)
    n += 1
    time.sleep(0.05)
print("writes", "ok" if failures == 0 and n > 20 else f"{failures} of {n} failed")
"""
