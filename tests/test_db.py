import sqlite3

import pytest

from checker import migrations
from checker.db import open_db
from checker.errors import DatabaseMissing, NotADatabase

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
    ({"verdict": "true"}, "CHECK"),
    ({"verdict": ""}, "CHECK"),
    ({"verdict_note": ""}, "CHECK"),
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
