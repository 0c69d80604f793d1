"""The library behind every writer: a forgiving quote check that stores the article's own words,
sources that take their page's title, and claims read back with their health and evidence."""
import pathlib
import time

import pytest
import yaml

from checker.net.attempt import Attempt, Snapshot
from checker.check import save
from checker.store.claims import add_article, add_claim, add_source, get_claim, list_claims
from checker.errors import DuplicateClaim, InvalidInput, QuoteNotInArticle

from .conftest import SEED_CLAIMS, dump

QUOTE_CASES = yaml.safe_load((pathlib.Path(__file__).parent / "quote_cases.yaml").read_text(encoding="utf-8"))
TITLE = "Pakistan and Russia seek enhanced cooperation"
SUPPORTING = "Two-way trade between Russia and Pakistan reached US$630 million in 2008, the ministry said."
URL = "https://trade.example/report"


@pytest.mark.parametrize("number,case", list(enumerate(QUOTE_CASES)), ids=[c["name"] for c in QUOTE_CASES])
def test_add_claim_stores_the_articles_own_words(empty_db, number, case):
    add_article(empty_db, id=f"case-{number}", title=f"Case {number}", text=case["article"])
    if case["stored"] is None:
        with pytest.raises(InvalidInput) as e:  # a blank quote is refused as empty, the rest as absent
            add_claim(empty_db, article_id=f"case-{number}", quote=case["quote"], kind="other", claim="c")
        assert e.value.field == "quote"
        assert empty_db["claims"].count == 0
        return
    claim_id = add_claim(empty_db, article_id=f"case-{number}", quote=case["quote"], kind="other", claim="c")
    # the database's own quote check accepted it on the way in
    assert empty_db["claims"].get(claim_id)["quote"] == case["stored"]


def test_quote_not_in_article_names_the_article_by_its_title(db_path, db):
    before = dump(db_path)
    with pytest.raises(QuoteNotInArticle) as e:
        add_claim(db, article_id="pakistan-russia-2012", quote="Russia invaded Canada", kind="other", claim="c")
    assert str(e.value) == f"quote 'Russia invaded Canada' does not occur in the text of “{TITLE}”"
    assert (e.value.field, e.value.article_id, e.value.title) == ("quote", "pakistan-russia-2012", TITLE)
    assert dump(db_path) == before


def test_a_quote_with_a_typo_says_where_it_stops_matching(db):
    with pytest.raises(QuoteNotInArticle) as e:
        add_claim(db, article_id="pakistan-russia-2012", kind="other", claim="c",
                  quote="two-way trade between Russia and Pakistan increased from a minuet US$92 million in 2003")
    assert str(e.value) == (f"the quote matches the text of “{TITLE}” up to “… Russia and Pakistan increased from a”, "
                            "then the article reads “minute US$92 million in 2003, to …” where the quote has "
                            "“minuet US$92 million in 2003”")


@pytest.mark.parametrize("typed,stops", [
    ("the cat sat on the mat", None),  # the whole quote matches
    ("dog", None),  # nothing of it does
    ("the cat sat on a mat", ("the cat sat on", "a mat", "the mat.")),
    ("the cat  SAT  on the rug", ("the cat  SAT  on the", "rug", "mat.")),
    ("the cat sit", ("the cat", "sit", "sat on the mat.")),  # shown from the start of the word that differs
])
def test_where_a_quote_stops_matching(typed, stops):
    from checker.text import quote_stops
    assert quote_stops(typed, "Yes, the cat sat on the mat.") == stops


def test_every_field_wrong_is_named_at_once(db_path, db):
    from checker.errors import InvalidFields
    before = dump(db_path)
    with pytest.raises(InvalidFields) as e:
        add_claim(db, article_id="pakistan-russia-2012", quote="US$630 million in 2008", kind="rumour", claim=" ",
                  value="lots", unit="USD", date_start="2008", date_end="2007",
                  sources=[{"url": "ftp://example.org/x"}])
    assert list(e.value.errors) == ["value", "kind", "date_end", "claim", "source_1_url"]
    assert str(e.value).startswith("value 'lots' is not a number") and str(e.value).endswith(
        "(and 4 more: kind, date_end, claim, source_1_url)")
    assert dump(db_path) == before


def test_a_unit_is_stored_as_its_code_or_its_words(db):
    claim_id = add_claim(db, article_id="pakistan-russia-2012", quote="US$630 million in 2008", kind="trade_figure",
                         claim="Trade was US$630 million in 2008.", value="630 million", unit="US$")
    assert db.execute("select value, unit from claims where id = ?", [claim_id]).fetchone() == (630000000, "USD")


@pytest.mark.parametrize("written,number", [
    ("92 million", 92_000_000), ("1.2bn", 1_200_000_000), ("92,000,000", 92_000_000), ("3.5", 3.5),
    ("-4", -4), ("250k", 250_000), ("2 trillion", 2_000_000_000_000),
])
def test_a_figure_written_as_people_write_it(written, number):
    from checker.store.fields import written_number
    assert written_number(written) == number


def test_the_same_quote_typed_two_ways_is_the_same_claim(db):
    article = "The minister’s visit was the first in 40 years."
    add_article(db, id="visit", title="The visit", text=article)
    add_claim(db, article_id="visit", quote="the minister's visit", kind="other", claim="A first visit.")
    with pytest.raises(DuplicateClaim):
        add_claim(db, article_id="visit", quote="The Minister’s  visit", kind="other", claim="A first visit.")


def test_seed_quotes_are_the_articles_words(db):
    text = db["articles"].get("pakistan-russia-2012")["text"]
    assert all(row["quote"] in text for row in db["claims"].rows)


def trade_claim(db):
    return db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]


def read(text, title=None, outcome="ok", when=None, **changes):
    attempt = Attempt(requested_url=URL, started_at=when or time.time(), elapsed_ms=5, outcome=outcome, **changes)
    if text is not None:
        attempt.snapshot = Snapshot(text=text, body=text.encode(), title=title)
    return attempt


def failed(outcome="connection_error", when=None):
    return Attempt(requested_url=URL, started_at=when or time.time(), elapsed_ms=5, outcome=outcome,
                   error="connection refused")


def source_title(db, source_id):
    return db["sources"].get(source_id)["title"]


def test_a_source_takes_the_title_of_its_first_page_read(db):
    source_id = add_source(db, trade_claim(db), URL)
    save(db, {"id": source_id, "url": URL}, [failed()])
    assert source_title(db, source_id) is None
    save(db, {"id": source_id, "url": URL}, [read("Not here.", "Page not found", outcome="soft_404")])
    assert source_title(db, source_id) is None
    save(db, {"id": source_id, "url": URL}, [read(SUPPORTING, "  Trade report\n 2008 ")])
    assert source_title(db, source_id) == "Trade report 2008"
    save(db, {"id": source_id, "url": URL}, [read(SUPPORTING + " Updated.", "A later title")])
    assert source_title(db, source_id) == "Trade report 2008"


def test_a_title_someone_gave_is_kept(db):
    source_id = add_source(db, trade_claim(db), URL, title="The ministry's trade report")
    save(db, {"id": source_id, "url": URL}, [read(SUPPORTING, "Home | Ministry")])
    assert source_title(db, source_id) == "The ministry's trade report"


def test_an_archive_capture_gives_its_title_when_the_live_page_fails(db):
    source_id = add_source(db, trade_claim(db), URL)
    capture = read(SUPPORTING, "Trade report (archived)", via_archive=True,
                   archive_url="https://web.archive.org/web/2012id_/" + URL, archive_timestamp="20120301000000")
    save(db, {"id": source_id, "url": URL}, [failed(), capture])
    assert source_title(db, source_id) == "Trade report (archived)"


def test_a_304_gives_the_title_of_the_page_already_held(db):
    source_id = add_source(db, trade_claim(db), URL)
    save(db, {"id": source_id, "url": URL}, [read(SUPPORTING, "Trade report")])
    snapshot_id = db.execute("select snapshot_id from checks where source_id = ?", [source_id]).fetchone()[0]
    db.execute("update sources set title = null where id = ?", [source_id])  # a title someone removed
    save(db, {"id": source_id, "url": URL}, [read(None, outcome="not_modified", snapshot_id=snapshot_id)])
    assert source_title(db, source_id) == "Trade report"


def test_add_claim_takes_source_titles(db):
    claim_id = add_claim(db, article_id="pakistan-russia-2012", quote="US$630 million in 2008", kind="other",
                         claim="Trade was US$630 million in 2008.",
                         sources=[{"url": URL, "title": "Trade report"}, {"url": "https://example.org/b"}])
    titles = [s["title"] for s in get_claim(db, claim_id)["sources"]]
    assert titles == ["Trade report", None]


def test_claims_by_health(db):
    claim_id = trade_claim(db)
    source_id = add_source(db, claim_id, URL)
    save(db, {"id": source_id, "url": URL}, [read(SUPPORTING, "Trade report")])
    supported = list_claims(db, health="supported")
    assert [r["id"] for r in supported] == [claim_id]
    assert supported[0]["health"] == "supported"
    unchecked = list_claims(db, health="unchecked")
    assert len(unchecked) == SEED_CLAIMS - 1 and claim_id not in {r["id"] for r in unchecked}
    assert list_claims(db, health="at_risk") == []
    assert list(list_claims(db)[0]) == ["id", "kind", "verdict", "health", "sources", "claim"]
    with pytest.raises(InvalidInput) as e:
        list_claims(db, health="maybe")
    assert e.value.field == "health" and "unknown health 'maybe'" in str(e.value)


def test_get_claim_gives_health_and_evidence(db):
    claim_id = trade_claim(db)
    source_id = add_source(db, claim_id, URL, passage="reached US$630 million in 2008")
    day = 86400
    save(db, {"id": source_id, "url": URL}, [read(SUPPORTING, "Trade report", when=time.time() - 2 * day)])
    save(db, {"id": source_id, "url": URL}, [failed(when=time.time() - day)])
    claim = get_claim(db, claim_id)
    status = claim["health_status"]
    assert (status["health"], status["supporting"], status["unreachable"]) == ("supported", 1, 1)
    assert status["unreachable_since"] and status["sources"] == len(claim["sources"])
    link = next(s for s in claim["sources"] if s["id"] == source_id)
    assert (link["title"], link["support"], link["source_state"], link["latest_outcome"]) == (
        "Trade report", "supports", "failing", "connection_error")
    assert link["read_from_archive"] == 0 and link["read_at"] < link["unreachable_since"]
    assert link["facts_found"] and isinstance(link["facts_missing"], list)
    assert "630 million" in link["snippet"]
    assert (link["passage_found_at"], link["passage"]) == (URL, "reached US$630 million in 2008")
    assert link["passage_checked_on"] == time.strftime("%Y-%m-%d", time.gmtime())


def test_where_a_passage_was_read_is_held_by_the_store_and_the_database(db):
    """passage_read_in: one of the vocabulary, only with a passage, and an archive capture is never the source's own
    address; the library says so in one line, and the database refuses such a row whichever way it comes."""
    import sqlite3

    claim_id = trade_claim(db)
    links = db["claim_sources"].count
    for kwargs, message in [
        ({"passage": "p", "passage_read_in": "rumour"}, "unknown passage read in 'rumour'"),
        ({"passage_read_in": "stored_copy"}, "there is no passage"),
        ({"passage": "p", "passage_read_in": "archive_capture"}, "needs the capture's own address"),
        ({"passage": "p", "passage_read_in": "archive_capture", "passage_found_at": "HTTPS://new.example/x"},
         "needs the capture's own address"),
    ]:
        with pytest.raises(InvalidInput, match=message):
            add_source(db, claim_id, "https://new.example/x", **kwargs)
    assert db["claim_sources"].count == links
    source_id = add_source(db, claim_id, "https://new.example/x", passage="p", passage_read_in="stored_copy")
    row = {"claim_id": claim_id, "source_id": source_id}
    where = "claim_id = :claim_id AND source_id = :source_id"
    for change, refusal in [
        ("passage_read_in = 'hearsay'", "CHECK constraint failed"),
        ("passage = NULL", "CHECK constraint failed"),
        ("passage_found_at = NULL", "CHECK constraint failed"),
        ("passage_read_in = 'archive_capture'", "the capture's own address, not the source's"),
    ]:
        with pytest.raises(sqlite3.IntegrityError, match=refusal):
            db.execute(f"UPDATE claim_sources SET {change} WHERE {where}", row)
    db.execute(f"UPDATE claim_sources SET passage_read_in = 'archive_capture',"
               f" passage_found_at = 'https://archive.example/x' WHERE {where}", row)
    other = db["sources"].insert({"url": "https://other.example/y"}).last_pk
    with pytest.raises(sqlite3.IntegrityError, match="the capture's own address, not the source's"):
        db.execute("INSERT INTO claim_sources (claim_id, source_id, relation, passage, passage_found_at, passage_read_in)"
                   " VALUES (?, ?, 'context', 'p', 'https://other.example/y', 'archive_capture')", [claim_id, other])
