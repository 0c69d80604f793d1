"""The schema: the committed schema.sql, vocabularies held by the database, and upgrades of real databases."""
import pathlib
import re
import shutil

import pytest

from checker import vocab
from checker.store.db import open_db, schema_sql

ROOT = pathlib.Path(__file__).parent.parent
# A claims.db made by the first release's migrations (m001-m004), with the seed in it.
RELEASE_1 = pathlib.Path(__file__).parent / "data" / "claims-release-1.db"

# Every column whose values come from a vocabulary, and the vocabulary.
VOCABULARY_COLUMNS = [
    ("claims", "kind", vocab.KINDS),
    ("claims", "verdict", vocab.VERDICTS),
    ("claim_sources", "relation", vocab.RELATIONS),
    ("claim_sources", "passage_read_in", vocab.PASSAGE_READ_IN),
    ("checks", "outcome", vocab.OUTCOMES),
    ("evidence", "support", vocab.SUPPORTS),
    ("claim_health", "health", vocab.HEALTHS),
    ("claim_health_log", "health", vocab.HEALTHS),
    ("claim_health_log", "previous_health", vocab.HEALTHS),
    ("claim_health_log", "outcome", vocab.OUTCOMES),
    ("claim_health_log", "support", vocab.SUPPORTS),
    ("claim_health_log", "previous_support", vocab.SUPPORTS),
    ("verdict_history", "from_verdict", vocab.VERDICTS),
    ("verdict_history", "to_verdict", vocab.VERDICTS),
    ("proposals", "kind", vocab.KINDS),
    ("proposals", "status", vocab.PROPOSAL_STATUSES),
    ("snapshots", "locale_from", vocab.LOCALE_SOURCES),
]


@pytest.fixture
def fresh(tmp_path):
    db = open_db(tmp_path / "fresh.db", create=True)
    yield db
    db.conn.close()


def test_schema_sql_is_what_a_fresh_database_has(fresh):
    committed = (ROOT / "checker" / "schema.sql").read_text(encoding="utf-8")
    assert schema_sql(fresh) == committed, "the schema changed: run ./scripts/dump-schema and review checker/schema.sql"


def allowed_values(db, table, column):
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
    match = re.search(rf"\b{column} IN \(([^)]*)\)", sql)
    assert match, f"{table}.{column} has no CHECK on its vocabulary"
    return tuple(v.strip().strip("'") for v in match.group(1).split(","))


@pytest.mark.parametrize("table,column,words", VOCABULARY_COLUMNS, ids=[f"{t}.{c}" for t, c, _ in VOCABULARY_COLUMNS])
def test_each_vocabulary_is_the_one_the_database_enforces(fresh, table, column, words):
    # A value added to vocab.py needs a migration that rebuilds this CHECK; one removed, likewise.
    assert set(allowed_values(fresh, table, column)) == set(words)


def test_a_database_of_the_first_release_migrates_to_the_fresh_schema(tmp_path, fresh):
    copy = tmp_path / "release-1.db"
    shutil.copyfile(RELEASE_1, copy)
    import sqlite3

    before = sqlite3.connect(copy)
    counts = {t: before.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("articles", "claims", "sources", "claim_sources", "verdict_history")}
    claims = before.execute("select id, quote, claim, verdict, verdict_note from claims order by id").fetchall()
    before.close()
    upgraded = open_db(copy)
    try:
        assert schema_sql(upgraded) == schema_sql(fresh)
        for table, n in counts.items():
            assert upgraded[table].count == n, table
        assert upgraded.execute("select id, quote, claim, verdict, verdict_note from claims order by id").fetchall() == claims
        # and opening it again changes nothing
        again = schema_sql(upgraded)
        upgraded.conn.close()
        upgraded = open_db(copy)
        assert schema_sql(upgraded) == again
    finally:
        upgraded.conn.close()


def test_a_database_at_m015_gets_where_each_passage_was_read_from_its_notes(tmp_path, fresh):
    """m016 on a database built at m015: a link whose note began "Read in a stored copy." (the seed's marker
    until then) is read in a stored copy, the words leave its note; every other link is not recorded (NULL),
    never the live page."""
    import sqlite_utils

    from checker import migrations
    from checker.store.claims import add_article, add_claim
    from checker.store.db import connect

    path = tmp_path / "m015.db"
    db = sqlite_utils.Database(connect(path, create=True))
    db.execute("PRAGMA foreign_keys = ON")
    migrations.migrations.apply(db, stop_before="m016_passage_read_in")
    assert "passage_read_in" not in {c.name for c in db["claim_sources"].columns}
    add_article(db, id="a", title="An article", text="Trade was US$630 million in 2008.")
    claim_id = add_claim(db, article_id="a", quote="US$630 million in 2008", kind="other", claim="c", added_by="me")
    links = [  # url, passage, note, passage_found_at
        ("https://a.example/stored", "630 million", "Read in a stored copy. The ministry's page.", "https://a.example/stored"),
        ("https://a.example/only-marker", "630 million", "Read in a stored copy.", "https://a.example/only-marker"),
        ("https://a.example/told-nothing", "630 million", "The ministry's page.", "https://a.example/told-nothing"),
        ("https://a.example/no-passage", None, "Read in a stored copy. No passage here.", None),
        ("https://a.example/said-later", "630 million", "Not read in a stored copy. Read in a stored copy.",
         "https://a.example/said-later"),
    ]
    for url, passage, note, found_at in links:
        source_id = db["sources"].insert({"url": url}).last_pk
        db["claim_sources"].insert({"claim_id": claim_id, "source_id": source_id, "relation": "context",
                                    "passage": passage, "note": note, "passage_found_at": found_at,
                                    "passage_checked_on": "2026-11-27" if passage else None})
    db.conn.close()

    upgraded = open_db(path)
    try:
        assert schema_sql(upgraded) == schema_sql(fresh)
        got = upgraded.execute("SELECT url, passage_read_in, note FROM claim_sources JOIN sources ON sources.id ="
                               " source_id ORDER BY source_id").fetchall()
        assert got == [
            ("https://a.example/stored", "stored_copy", "The ministry's page."),
            ("https://a.example/only-marker", "stored_copy", None),
            ("https://a.example/told-nothing", None, "The ministry's page."),
            ("https://a.example/no-passage", None, "No passage here."),
            ("https://a.example/said-later", None, "Not read in a stored copy. Read in a stored copy."),
        ]
        upgraded.conn.close()
        upgraded = open_db(path)  # opening it again changes nothing
        assert upgraded.execute("SELECT count(*) FROM claim_sources WHERE passage_read_in = 'stored_copy'"
                                ).fetchone()[0] == 2
    finally:
        upgraded.conn.close()
