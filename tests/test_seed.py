import pathlib

from checker.db import open_db
from checker.seed import load_seed, read_seed
from checker.text import quote_occurs
from checker.vocab import KINDS, VERDICTS

from .conftest import dump

ROOT = pathlib.Path(__file__).parent.parent


def rows(db):
    """The seeded rows without the columns that record when they were written."""
    return {
        "claims": db.execute(
            "select id, article_id, quote, claim, kind, verdict, verdict_note, value, unit,"
            " date_start, date_end, seed_key from claims order by id"
        ).fetchall(),
        "sources": db.execute("select id, url, title, publisher from sources order by id").fetchall(),
        "links": db.execute(
            "select claim_id, source_id, relation, passage, note from claim_sources order by 1, 2"
        ).fetchall(),
    }


def test_seed_loaded_twice_gives_the_same_rows(db_path):
    db = open_db(db_path)
    before = dump(db_path)
    assert load_seed(db) == 0
    assert dump(db_path) == before


def test_seed_leaves_an_editors_verdict_alone(db):
    db.execute("update claims set verdict = 'accurate', verdict_note = 'Checked again.' where seed_key = 'trade-2008'")
    load_seed(db)
    assert db.execute("select verdict from claims where seed_key = 'trade-2008'").fetchone()[0] == "accurate"


def test_seed_dataset_is_complete(db):
    seed = read_seed()
    claims = list(db["claims"].rows)
    assert len(claims) >= 25
    assert len(claims) == len(seed["claims"])
    assert {c["kind"] for c in claims} <= set(KINDS)
    for claim in claims:
        assert claim["verdict"] in VERDICTS and claim["verdict"] != "unrated", claim["seed_key"]
        assert claim["verdict_note"] and len(claim["verdict_note"]) > 40, claim["seed_key"]
        links = list(db["claim_sources"].rows_where("claim_id = ?", [claim["id"]]))
        others = [l for l in links if l["relation"] != "context" or l["passage"] != claim["quote"]]
        assert others, f"{claim['seed_key']} has no source beyond the article itself"
    # every source is linked to a claim, and most links carry a passage
    assert db.execute("select count(*) from sources where id not in (select source_id from claim_sources)").fetchone()[0] == 0
    with_passage = db.execute("select count(*) from claim_sources where passage is not null").fetchone()[0]
    assert with_passage / db["claim_sources"].count > 0.6


def test_seed_claims_are_atomic_and_structured(db):
    by_key = {c["seed_key"]: c for c in db["claims"].rows}
    for key, value, year in [("trade-2003", 92000000, "2003"), ("trade-2006", 441000000, "2006"), ("trade-2008", 630000000, "2008")]:
        assert (by_key[key]["value"], by_key[key]["unit"], by_key[key]["date_start"]) == (value, "USD", year)
    assert (by_key["zardari-medvedev-meetings"]["value"], by_key["zardari-medvedev-meetings"]["unit"]) == (6, "meetings")
    assert (by_key["khar-visit"]["date_start"], by_key["khar-visit"]["date_end"]) == ("2012-02-07", "2012-02-09")
    assert by_key["putin-visit-september"]["date_start"] == "2012-09"
    kinds = {c["kind"] for c in by_key.values()}
    assert {"trade_figure", "visit_date", "meeting_count", "first_visit", "attribution", "quote", "membership", "title", "historical", "prediction"} <= kinds
    # the record contradicts the article on Medvedev's title: the seed says so
    assert by_key["title-medvedev"]["verdict"] == "inaccurate"
    text = db["articles"].get("pakistan-russia-2012")["text"]
    assert all(quote_occurs(c["quote"], text) for c in by_key.values())


def test_committed_claims_db_matches_the_seed(tmp_path):
    committed = ROOT / "claims.db"
    assert committed.exists(), "claims.db is built with `checker init` and committed"
    fresh = open_db(tmp_path / "fresh.db", create=True)
    load_seed(fresh)
    # read the committed file without writing to it
    import sqlite3

    conn = sqlite3.connect(f"file:{committed}?mode=ro", uri=True)
    try:
        import sqlite_utils

        assert rows(sqlite_utils.Database(conn)) == rows(fresh)
    finally:
        conn.close()


def test_seed_claims_give_the_matcher_key_facts(db):
    from checker.facts import claim_facts

    for claim in db["claims"].rows:
        facts = claim_facts(claim)
        kinds = {f.kind for f in facts}
        assert facts, claim["seed_key"]
        if claim["kind"] == "trade_figure":
            money = next(f for f in facts if f.kind == "money")
            assert money.year == int(claim["date_start"]) and money.value == (float(claim["value"]), "USD")
        if claim["kind"] == "visit_date":
            assert kinds & {"date", "year"}, claim["seed_key"]
        if claim["kind"] in ("visit_date", "title", "meeting_count"):
            assert "name" in kinds, claim["seed_key"]
