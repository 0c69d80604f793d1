import builtins
import os
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from checker import migrations
from checker.check import one_run_at_a_time
from checker.net.options import CheckOptions
from checker.cli import cli
from checker.store.db import open_db
from checker.errors import DatabaseMissing, NotADatabase
from checker.web.jobs import Jobs

from .conftest import dump


def test_migrations_applied_twice(tmp_path):
    path = tmp_path / "twice.db"
    db = open_db(path, create=True)
    first = dump(path)
    applied = [m.name for m in migrations.migrations.applied(db)]
    assert applied[:5] == ["m001_core_tables", "m002_full_text_search", "m003_checks_and_snapshots",
                           "m004_evidence_health_and_verdict_history", "m005_health_from_what_was_read"]
    assert not migrations.migrations.pending(db)
    assert all(name[:1] == "m" and name[1:4].isdigit() for name in applied)
    assert [int(name[1:4]) for name in applied] == list(range(1, len(applied) + 1))  # numbered in order
    migrations.apply(db)  # nothing pending: a no-op
    db.conn.close()
    open_db(path).conn.close()  # and again on the next open
    assert dump(path) == first


def test_open_sets_wal_and_foreign_keys(empty_db):
    assert empty_db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert empty_db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"articles", "claims", "sources", "claim_sources", "claims_fts", "sources_fts"} <= set(
        empty_db.table_names()
    )


def test_missing_database_is_not_created(tmp_path):
    path = tmp_path / "nope.db"
    with pytest.raises(DatabaseMissing):
        open_db(path)
    assert not path.exists()


def test_foreign_file_is_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n")
    before = path.read_bytes()
    with pytest.raises(NotADatabase):
        open_db(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_fts_follows_writes(db):
    def search(q):
        return [r[0] for r in db.execute("select rowid from claims_fts where claims_fts match ?", [q])]

    assert search("Fradkov")
    claim_id = search("Fradkov")[0]
    db.execute("update claims set verdict_note = 'zanzibar' where id = ?", [claim_id])
    assert search("zanzibar") == [claim_id]
    assert [r[0] for r in db.execute("select rowid from sources_fts where sources_fts match 'dawn'")]


# Rows written straight to SQL, bypassing the library: the database itself must refuse them.
QUOTE = "US$630 million in 2008"
GOOD_CLAIM = {
    "article_id": "pakistan-russia-2012",
    "quote": QUOTE,
    "claim": "Trade was US$630 million in 2008.",
    "kind": "trade_figure",
}
BAD_CLAIMS = [
    ({"quote": ""}, "CHECK"),
    ({"quote": "   "}, "CHECK"),
    ({"quote": None}, "NOT NULL"),
    ({"quote": "US$640 million in 2008"}, "must occur in the text"),
    ({"claim": ""}, "CHECK"),
    ({"kind": "rumour"}, "CHECK"),
    ({"kind": ""}, "CHECK"),
    ({"verdict": "true"}, "starts unrated"),
    ({"verdict": ""}, "starts unrated"),
    ({"verdict_note": ""}, "starts unrated"),
    ({"article_id": "no-such-article"}, "FOREIGN KEY"),
    ({"value": "", "unit": "USD"}, "CHECK"),
    ({"value": "lots", "unit": "USD"}, "CHECK"),
    ({"value": 630000000}, "CHECK"),  # a value without its unit
    ({"unit": ""}, "CHECK"),
    ({"date_start": "March 2012"}, "CHECK"),
    ({"date_start": "2012-02-30"}, "CHECK"),
    ({"date_start": "2012-13"}, "CHECK"),
    ({"date_start": ""}, "CHECK"),
    ({"date_start": "2012-03", "date_end": "2012-02"}, "CHECK"),
    ({"date_end": "2012"}, "CHECK"),  # an end without a start
    ({"added_by": ""}, "CHECK"),
]


def insert(db, table, row):
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    db.conn.execute(f"insert into {table} ({cols}) values ({marks})", list(row.values()))


def test_good_claim_row_is_accepted(db):
    insert(db, "claims", {**GOOD_CLAIM, "value": "630000000", "unit": "USD", "date_start": "2008", "date_end": "2008-12"})
    row = db.execute("select value, typeof(value) from claims order by id desc limit 1").fetchone()
    assert row == (630000000, "integer")
    # whitespace in the quote does not matter
    insert(db, "claims", {**GOOD_CLAIM, "quote": "US$630\n  million in 2008"})


@pytest.mark.parametrize("change,message", BAD_CLAIMS)
def test_database_refuses_bad_claims(db, change, message):
    before = db["claims"].count
    with pytest.raises(sqlite3.IntegrityError) as e:
        insert(db, "claims", {**GOOD_CLAIM, **change})
    assert message in str(e.value)
    assert db["claims"].count == before


SENTENCE = "Russia and Pakistan increased from a minute US$92 million in 2003, to US$441 million in 2006 and US$630 million in 2008"
GOOD_PROPOSAL = {**GOOD_CLAIM, "score": 0.9, "sentence": SENTENCE}
BAD_PROPOSALS = [
    # in the article, but not the sentence that holds the quote
    ({"sentence": "The visit is indicative of the vastly improved bilateral relations"}, "CHECK"),
    ({"sentence": SENTENCE.replace("a minute", "a mere")}, "sentence must occur in the text"),
    ({"quote": "US$640 million in 2008", "sentence": SENTENCE.replace("630", "640")}, "must occur in the text"),
]


@pytest.mark.parametrize("change,message", BAD_PROPOSALS)
def test_database_refuses_bad_proposals(db, change, message):
    with pytest.raises(sqlite3.IntegrityError) as e:
        insert(db, "proposals", {**GOOD_PROPOSAL, **change})
    assert message in str(e.value)
    assert db["proposals"].count == 0


def test_a_proposal_keeps_its_sentence(db):
    insert(db, "proposals", GOOD_PROPOSAL)
    insert(db, "proposals", {**GOOD_PROPOSAL, "sentence": None, "claim": "Made before sentences were kept."})
    with pytest.raises(sqlite3.IntegrityError, match="keeps its article, quote and sentence"):
        db.conn.execute("update proposals set sentence = ? where sentence is not null", [QUOTE])


# (status, claim) a proposal is moved to, from proposed, and whether the database lets it
def _new_claim(db, article="pakistan-russia-2012"):
    insert(db, "claims", {**GOOD_CLAIM, "claim": f"Made from a proposal ({db['claims'].count})."})
    return db.execute("select max(id) from claims").fetchone()[0]


MOVES = [
    ("rejected", lambda db: None, True),
    ("accepted", _new_claim, True),
    ("accepted", lambda db: 1, False),  # a claim of the seed, not made from this proposal
    ("accepted", lambda db: None, False),
    ("rejected", _new_claim, False),
    ("proposed", _new_claim, False),
]


@pytest.mark.parametrize("status,claim,allowed", MOVES, ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(MOVES)])
def test_a_proposal_moves_only_forward(db, status, claim, allowed):
    insert(db, "proposals", GOOD_PROPOSAL)
    reason = "opinion, nothing to check" if status == "rejected" else None
    update = lambda: db.conn.execute("update proposals set status = ?, claim_id = ?, rejected_because = ?, decided_by = 'ed'",
                                     [status, claim(db), reason])
    if not allowed:
        with pytest.raises(sqlite3.IntegrityError):
            update()
        return
    update()
    # an acceptance is never undone; a rejection only back to proposed (an undo), never to accepted
    for status_then, claim_then in [("proposed", None), ("rejected", None), ("accepted", _new_claim(db))]:
        if (status_then, claim_then) == (status, None) or (status, status_then) == ("rejected", "proposed"):
            continue
        with pytest.raises(sqlite3.IntegrityError, match="no further|CHECK|reason"):
            db.conn.execute("update proposals set status = ?, claim_id = ?, decided_by = 'ed'", [status_then, claim_then])


@pytest.mark.parametrize("change,refusal", [
    ("status = 'rejected', decided_by = 'ed'", "for a reason"),  # no reason
    ("status = 'rejected', rejected_because = '  ', decided_by = 'ed'", "for a reason"),  # a blank one
    ("status = 'rejected', rejected_because = 'opinion'", "by someone"),  # nobody named
])
def test_a_rejection_says_why_and_who(db, change, refusal):
    insert(db, "proposals", GOOD_PROPOSAL)
    with pytest.raises(sqlite3.IntegrityError, match=refusal):
        db.conn.execute(f"update proposals set {change}")


def test_a_rejection_is_undone_and_both_are_in_the_history(db):
    insert(db, "proposals", GOOD_PROPOSAL)
    db.conn.execute("update proposals set status = 'rejected', rejected_because = 'opinion', decided_by = 'ed'")
    with pytest.raises(sqlite3.IntegrityError, match="reason"):  # reopened, it keeps no reason
        db.conn.execute("update proposals set status = 'proposed', decided_by = 'flo'")
    db.conn.execute("update proposals set status = 'proposed', rejected_because = NULL, decided_by = 'flo'")
    assert db.execute("select status, rejected_because, decided_by from proposals").fetchone() == ("proposed", None, "flo")
    history = db.execute("select changed_by, from_status, to_status, reason from proposal_history order by id").fetchall()
    assert history == [("ed", "proposed", "rejected", "opinion"), ("flo", "rejected", "proposed", None)]
    with pytest.raises(sqlite3.IntegrityError, match="never"):
        db.conn.execute("delete from proposal_history")


def test_a_claim_is_the_acceptance_of_one_proposal(db):
    insert(db, "proposals", GOOD_PROPOSAL)
    insert(db, "proposals", {**GOOD_PROPOSAL, "claim": "A second reading of the same sentence."})
    claim_id = _new_claim(db)
    db.conn.execute("update proposals set status = 'accepted', claim_id = ?, decided_by = 'ed' where id = 1", [claim_id])
    with pytest.raises(sqlite3.IntegrityError, match="no further"):
        db.conn.execute("update proposals set status = 'accepted', claim_id = ?, decided_by = 'ed' where id = 2", [claim_id])


@pytest.mark.parametrize("urls,allowed", [
    ('["https://a.example/x", "http://b.example/"]', True),
    ('[]', True),
    ('["javascript:alert(1)"]', False),
    ('["https://a.example/\u202egpj.exe"]', False),
    ('["/relative"]', False),
    ('[1]', False),
])
def test_proposals_cite_only_http(db, urls, allowed):
    if allowed:
        insert(db, "proposals", {**GOOD_PROPOSAL, "cited_urls": urls})
        return
    with pytest.raises(sqlite3.IntegrityError, match="cited_urls"):
        insert(db, "proposals", {**GOOD_PROPOSAL, "cited_urls": urls})


# a row of each table that carries added_at (or created_at), for the insert to forge
STAMPED = [
    ("articles", "added_at", {"id": "stamped", "title": "T", "text": "Some text."}),
    ("claims", "added_at", GOOD_CLAIM),
    ("sources", "added_at", {"url": "https://stamped.example/"}),
    ("claim_sources", "added_at", {"claim_id": 1, "source_id": None, "relation": "context"}),
    ("proposals", "created_at", GOOD_PROPOSAL),
]


@pytest.mark.parametrize("table,column,row", STAMPED, ids=[t for t, _, _ in STAMPED])
@pytest.mark.parametrize("forged", ["2001-01-01T00:00:00Z", "2001-01-01T00:00:00.000Z (backdated)", "now", None])
def test_when_a_row_was_added_is_the_servers_to_say(db, table, column, row, forged):
    if table == "claim_sources":
        insert(db, "sources", {"url": "https://stamped.example/"})
        row = {**row, "source_id": db.execute("select max(id) from sources").fetchone()[0]}
    with pytest.raises(sqlite3.IntegrityError, match="set by the server|NOT NULL"):
        insert(db, table, {**row, column: forged})
    insert(db, table, row)
    added = db.execute(f"select {column} from {table} where rowid = (select max(rowid) from {table})").fetchone()[0]
    assert db.execute("select julianday('now') - julianday(?) < 60 / 86400.0", [added]).fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        db.conn.execute(f"update {table} set {column} = '2001-01-01T00:00:00Z' where rowid = (select max(rowid) from {table})")


def test_an_articles_text_keeps_its_earlier_versions(db):
    first = db["articles"].get("pakistan-russia-2012")["text"]
    db.conn.execute("update articles set text = text || ' One line more.'")
    db.conn.execute("update articles set text = text || ' And another.'")
    versions = [t for (t,) in db.execute("select text from article_versions order by id")]
    assert versions == [first, first + " One line more."]
    # a writer that keeps the earlier text itself (checker import --refresh) gets no second copy
    now = db["articles"].get("pakistan-russia-2012")["text"]
    db.conn.execute("insert into article_versions (article_id, text) values ('pakistan-russia-2012', ?)", [now])
    db.conn.execute("update articles set text = ?", [first])
    assert [t for (t,) in db.execute("select text from article_versions order by id")][2:] == [now]


BAD_SOURCES = [
    {"url": ""},
    {"url": "ftp://example.com/x"},
    {"url": "javascript:alert(1)"},
    {"url": "HTTP://EXAMPLE.COM/"},  # not normalised
    {"url": "http://exa mple.com/"},
    {"url": "http://"},
    {"url": "https://example.com/", "title": ""},
    {"url": "https://example.com/", "publisher": " "},
]


@pytest.mark.parametrize("row", BAD_SOURCES)
def test_database_refuses_bad_sources(db, row):
    with pytest.raises(sqlite3.IntegrityError):
        insert(db, "sources", row)


def test_database_refuses_bad_links_and_articles(db):
    source_id = db.execute("select id from sources limit 1").fetchone()[0]
    claim_id = db.execute("select claim_id from claim_sources where source_id = ?", [source_id]).fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        insert(db, "claim_sources", {"claim_id": claim_id, "source_id": source_id, "relation": "supports"})
    other = db.execute("select max(id) + 1 from sources").fetchone()[0]
    for link, message in [
        ({"relation": "endorses"}, "CHECK"),
        ({"relation": "supports", "passage": ""}, "CHECK"),
        ({"relation": "supports", "note": "  "}, "CHECK"),
        ({"relation": None}, "NOT NULL"),
    ]:
        db.conn.execute("insert into sources (id, url) values (?, ?)", [other, f"https://example.com/{other}"])
        with pytest.raises(sqlite3.IntegrityError, match=message):
            insert(db, "claim_sources", {"claim_id": claim_id, "source_id": other, **link})
        other += 1
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        insert(db, "claim_sources", {"claim_id": 99999, "source_id": source_id, "relation": "supports"})
    for article in [
        {"id": "Bad Slug", "title": "t", "text": "x"},
        {"id": "ok", "title": "", "text": "x"},
        {"id": "ok", "title": "t", "text": ""},
        {"id": "ok", "title": "t", "text": "x", "published": "21 March 2012"},
        {"id": "ok", "title": "t", "text": "x", "published": "2012-03"},
        {"id": "ok", "title": "t", "text": "x", "url": "mailto:a@b.c"},
    ]:
        with pytest.raises(sqlite3.IntegrityError):
            insert(db, "articles", article)


def test_article_text_must_keep_its_quotes(db):
    with pytest.raises(sqlite3.IntegrityError, match="must still contain"):
        db.conn.execute("update articles set text = 'rewritten' where id = 'pakistan-russia-2012'")
    with pytest.raises(sqlite3.IntegrityError, match="must occur"):
        db.conn.execute("update claims set quote = 'not in the article' where id = 1")


# -- nothing outside SQLite opens the database ---------------------------------------------------

# A second process that writes, then closes; it is the last connection it knows of, so when its
# lock is not blocked by ours it checkpoints and deletes the WAL.
_WRITER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
for line in sys.stdin:
    if line.strip() == "close":
        conn.close()
        print("ok", flush=True)
        break
    conn.execute(line)
    print("ok", flush=True)
"""


class Writer:
    """Another process holding a connection to the database, doing what it is told line by line."""

    def __init__(self, path):
        self.process = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def do(self, sql):
        self.process.stdin.write(sql + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "ok"

    def close(self):
        self.do("close")
        self.process.wait(timeout=30)


def _open_in_a_job(path):
    """What the workbench does for a Recheck: open the database in a background job, run, close."""
    job, _ = Jobs().start(str(path), "article:none", {"claims": []}, CheckOptions())
    for _ in range(600):
        if job.state in ("done", "failed"):
            break
        time.sleep(0.05)
    assert job.state == "done", job.message


@pytest.mark.parametrize("second_open", [lambda path: open_db(path).conn.close(), _open_in_a_job],
                         ids=["open_db", "background job"])
def test_a_second_open_keeps_the_first_connections_writes_safe(tmp_path, second_open):
    """The server holds connections (A) while its jobs open the database again. If that second open
    dropped A's locks, process B's close would delete the WAL under A, and what process C committed
    next would vanish when A wrote: A and C would be writing two different databases."""
    path = tmp_path / "claims.db"
    open_db(path, create=True).conn.close()
    a = open_db(path)
    a.execute("CREATE TABLE t (who TEXT)")
    a.execute("INSERT INTO t VALUES ('A0')")
    a.conn.commit()
    second_open(path)
    b = Writer(path)
    b.do("INSERT INTO t VALUES ('B')")
    b.close()
    c = Writer(path)
    c.do("INSERT INTO t VALUES ('C1')")
    c.do("INSERT INTO t VALUES ('C2')")
    a.execute("INSERT INTO t VALUES ('A1')")
    a.conn.commit()
    c.close()
    a.conn.close()
    fresh = sqlite3.connect(path)
    assert sorted(who for (who,) in fresh.execute("SELECT who FROM t")) == ["A0", "A1", "B", "C1", "C2"]
    assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fresh.close()


def _locks_held_on(path):
    """The POSIX locks this process holds on the file at path, from /proc/locks, each without the
    line's ordinal (it moves as other processes, the other test workers too, take and drop locks)."""
    inode = os.stat(path).st_ino
    return [line.split(":", 1)[1].strip() for line in open("/proc/locks").read().splitlines()
            if f" {os.getpid()} " in line and line.split()[5].endswith(f":{inode}")]


def test_opening_again_keeps_the_lock_of_an_open_connection(db_path):
    first = open_db(db_path)
    first.execute("SELECT count(*) FROM claims").fetchone()  # WAL mode: a reader's lock, held while open
    held = _locks_held_on(db_path)
    assert held
    open_db(db_path).conn.close()
    with pytest.raises(NotADatabase):  # a refusal too leaves the lock alone
        open_db(db_path.parent)
    assert _locks_held_on(db_path) == held
    first.conn.close()


@pytest.fixture
def no_open_of(monkeypatch):
    """Make open() and os.open() fail on the given database's files, wherever in checker they are called."""
    guarded = set()
    real_open, real_os_open = builtins.open, os.open

    def check(file):
        if isinstance(file, (str, bytes, os.PathLike)):
            name = os.path.abspath(os.fsdecode(file))
            if any(name == g or name in (g + "-wal", g + "-shm", g + "-journal") for g in guarded):
                raise AssertionError(f"{name} opened outside SQLite")

    def guarded_open(file, *args, **kwargs):
        check(file)
        return real_open(file, *args, **kwargs)

    def guarded_os_open(file, *args, **kwargs):
        check(file)
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    return lambda path: guarded.add(os.path.abspath(path))


def test_nothing_in_checker_opens_the_database_outside_sqlite(tmp_path, no_open_of):
    path = tmp_path / "claims.db"
    no_open_of(path)
    runner = CliRunner()
    for args in (["init"], ["add-claim", "--article", "pakistan-russia-2012", "--quote",
                            "Pakistan and Russia", "--claim", "Pakistan and Russia are neighbours", "--kind", "other"],
                 ["claims"], ["verdict", "1", "unverifiable", "--by", "alice"], ["check", "--claim", "1"],
                 ["show", "1"], ["export", "csv", "--out", "-"]):
        result = runner.invoke(cli, [*args, "--db", str(path)] if args[0] != "init" else ["init", "--db", str(path)])
        # the check reads no page (tests resolve no names) and says so with exit status 1
        assert result.exit_code == (1 if args[0] == "check" else 0), (args, result.output, result.exception)
    db = open_db(path)
    with one_run_at_a_time(db):
        pass
    db.conn.close()
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database")
    no_open_of(foreign)
    with pytest.raises(NotADatabase):
        open_db(foreign)
