"""Evidence end to end: a page that backs a claim, then stops backing it; the review queue; exports."""
import csv
import io
import json
import re

import pytest
from click.testing import CliRunner

from checker.check import run_checks

from checker.net.options import CheckOptions
from checker.store.sources import select_sources
from checker.store.claims import add_source, set_verdict
from checker.cli import cli
from checker.assessment import reassess, word_diff

from .conftest import SEED_CLAIMS, main
from .servers import LocalServer, html

SUPPORTING = "Russia's consulate reports that two-way trade with Pakistan reached US$630 million in 2008, up from 2006."
CHANGED = "Russia's consulate reports that two-way trade with Pakistan reached US$530 million in 2008, up from 2006."


@pytest.fixture
def page():
    content = {"text": SUPPORTING}
    with LocalServer() as s:
        s.routes = {"/trade": lambda h: h.send(200, html("Russia-Pakistan trade", content["text"]))}
        s.content = content
        yield s


def options():
    return CheckOptions(min_interval=0, timeout=3, allow_addresses=("127.0.0.1/32",), use_archive=False)


def trade_claim(db):
    return db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]


def status(db, claim_id):
    return dict(next(db.query("select * from claim_status where claim_id = ?", [claim_id])))


def check(db, source_id):
    run_checks(db, select_sources(db, sources=[source_id]), options())


def test_support_lost_goes_to_the_review_queue_and_a_verdict_clears_it(db, page):
    claim_id = trade_claim(db)
    source_id = add_source(db, claim_id, page.url("/trade"), relation="supports",
                           passage="two-way trade with Pakistan reached US$630 million in 2008")
    assert status(db, claim_id)["health"] == "unchecked"

    check(db, source_id)
    evidence = dict(next(db.query("select * from evidence where claim_id = ? and source_id = ?", [claim_id, source_id])))
    assert evidence["support"] == "supports" and evidence["score"] == 100
    assert "US$630 million in 2008" in evidence["snippet"]
    assert json.loads(evidence["facts_found"]) == ["US$630 million", "2008", "Russia", "Pakistan"]
    st = status(db, claim_id)
    assert (st["health"], st["supporting"]) == ("supported", 1)
    assert not list(db.query("select * from review_queue"))

    page.content["text"] = CHANGED
    check(db, source_id)
    latest = dict(next(db.query(
        "select * from evidence where claim_id = ? and source_id = ? order by check_id desc limit 1", [claim_id, source_id])))
    assert latest["support"] == "partial"
    assert json.loads(latest["facts_missing"]) == ["US$630 million"]
    assert status(db, claim_id)["health"] == "at_risk"
    [queued] = [dict(r) for r in db.query("select * from review_queue")]
    assert queued["claim_id"] == claim_id
    assert (queued["previous_health"], queued["health"]) == ("supported", "at_risk")
    assert (queued["previous_support"], queued["support"], queued["outcome"]) == ("supports", "partial", "ok")
    assert queued["source_url"] == page.url("/trade")
    assert "[-US$630-]" in queued["diff"] and "{+US$530+}" in queued["diff"]

    set_verdict(db, claim_id, "inaccurate", note="The source now gives US$530 million.", by="editor")
    assert not list(db.query("select * from review_queue"))
    history = [dict(r) for r in db.query("select * from verdict_history where claim_id = ? order by id", [claim_id])]
    assert (history[-1]["from_verdict"], history[-1]["to_verdict"], history[-1]["changed_by"]) == ("unverifiable", "inaccurate", "editor")
    assert history[-1]["note"] == "The source now gives US$530 million."

    # it comes back when the health worsens again, not before
    page.content["text"] = SUPPORTING
    check(db, source_id)
    assert status(db, claim_id)["health"] == "supported"
    assert not list(db.query("select * from review_queue"))
    page.content["text"] = CHANGED
    check(db, source_id)
    assert [r["claim_id"] for r in db.query("select * from review_queue")] == [claim_id]


def test_reassess_recomputes_without_the_network(db, page):
    claim_id = trade_claim(db)
    source_id = add_source(db, claim_id, page.url("/trade"), passage="a passage that is not there")
    check(db, source_id)
    first = db.execute("select support from evidence where source_id = ?", [source_id]).fetchone()[0]
    assert first == "supports"  # the facts are all there, together
    requests_before = len(page.log)
    db.execute("update claim_sources set passage = 'reached US$630 million in 2008' where source_id = ?", [source_id])
    assert reassess(db, [claim_id]) >= 1
    assert len(page.log) == requests_before
    rows = db.execute("select check_id, support, score from evidence where source_id = ? order by id", [source_id]).fetchall()
    assert len(rows) == 2 and rows[0][0] == rows[1][0]  # the same check, assessed again: a new row, the old one kept
    assert rows[0][1:] == ("supports", 95.0) and rows[1][1:] == ("supports", 100.0)
    link = db.execute("select support, score from link_status where source_id = ?", [source_id]).fetchone()
    assert link == ("supports", 100.0)


def test_verdict_history_from_any_writer(db):
    """Plain SQL on checker's connection: the writer names themselves; the history row and the stamp
    are the database's."""
    db.execute("update claims set verdict = 'accurate', verdict_note = 'Read again.', verdict_by = 'sql' where id = 1")
    row = dict(next(db.query("select * from verdict_history where claim_id = 1 order by id desc limit 1")))
    assert (row["from_verdict"], row["to_verdict"], row["changed_by"]) == ("unverifiable", "accurate", "sql")
    claim = db["claims"].get(1)
    assert (claim["verdict_at"], claim["verdict_by"]) == (row["changed_at"], "sql")
    assert db.execute("select count(*) from verdict_history").fetchone()[0] >= 31  # the seed's ratings, backfilled


def test_claim_status_for_every_claim(db):
    rows = [dict(r) for r in db.query("select * from claim_status")]
    assert len(rows) == SEED_CLAIMS and {r["health"] for r in rows} == {"unchecked"}
    assert all(r["sources"] >= 1 for r in rows)


@pytest.mark.parametrize("before,after,expected", [
    ("trade reached US$630 million in 2008", "trade reached US$530 million in 2008", "trade reached [-US$630-] {+US$530+} million in 2008"),
    ("a b c d e f g h i j k l m n", "a b c d e f g h i j k l m X", "… h i j k l m [-n-] {+X+}"),
])
def test_word_diff(before, after, expected):
    assert word_diff(before, after) == expected


def test_export_claimreview(db_path, tmp_path):
    out = tmp_path / "reviews.json"
    result = CliRunner().invoke(cli, ["export", "claimreview", "--db", str(db_path), "--out", str(out),
                                      "--org-name", "Example Fact Check", "--org-url", "https://facts.example.org",
                                      "--base-url", "https://facts.example.org/db", "--all-rated"])
    assert result.exit_code == 0, result.output
    reviews = json.loads(out.read_text())
    assert len(reviews) == SEED_CLAIMS
    for r in reviews:
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert isinstance(r["claimReviewed"], str) and r["claimReviewed"]
        assert re.fullmatch(r"https://facts\.example\.org/db/-/claim/[0-9]+", r["url"])
        assert r["itemReviewed"]["@type"] == "Claim"
        # the seed article's own address is not recorded (nobody here has read it): its headline stands alone
        assert r["itemReviewed"]["appearance"] == [{
            "@type": "CreativeWork", "headline": "Pakistan and Russia seek enhanced cooperation",
            "datePublished": "2012-03-21", "author": {"@type": "Person", "name": "Serge DeSilva-Ranasinghe"}}]
        assert r["itemReviewed"]["author"] == {"@type": "Person", "name": "Serge DeSilva-Ranasinghe"}
        assert r["itemReviewed"]["datePublished"] == "2012-03-21"
        rating = r["reviewRating"]
        assert rating["@type"] == "Rating" and rating["bestRating"] == 4 and rating["worstRating"] == 1
        assert isinstance(rating["alternateName"], str)
        if rating["alternateName"] != "Unverifiable":
            assert isinstance(rating["ratingValue"], int) and 1 <= rating["ratingValue"] <= 4
        assert r["author"] == {"@type": "Organization", "name": "Example Fact Check", "url": "https://facts.example.org"}
        assert len(r["datePublished"]) == 10
        assert r["citation"] and all(c["@type"] == "CreativeWork" and c["url"].startswith("http") for c in r["citation"])
    medvedev = next(r for r in reviews if "Medvedev was a former" in r["claimReviewed"])
    assert medvedev["reviewRating"]["ratingValue"] == 1 and medvedev["reviewRating"]["alternateName"] == "Inaccurate"
    # without --all-rated, only what is published: the seed's claims are all still in review
    result = CliRunner().invoke(cli, ["export", "claimreview", "--db", str(db_path)])
    assert (result.exit_code, json.loads(result.output)) == (0, [])


def test_export_claimreview_names_archive_captures(db, page):
    from checker.net.attempt import Attempt, Snapshot
    from checker.store.ledger import save_check, save_snapshot

    claim_id = trade_claim(db)
    source_id = add_source(db, claim_id, page.url("/gone-page"))
    snapshot = save_snapshot(db, Snapshot(text="captured", body=b"captured"))
    save_check(db, source_id, Attempt(started_at=1.0, elapsed_ms=5, requested_url=page.url("/gone-page"),
                                      outcome="not_found", http_status=404))
    save_check(db, source_id, Attempt(started_at=1.0, elapsed_ms=5, requested_url=page.url("/gone-page"), outcome="ok",
                                      snapshot_id=snapshot, via_archive=True,
                                      archive_url="https://web.archive.org/web/20120301000000id_/x",
                                      archive_timestamp="20120301000000"))
    from checker.export import claim_reviews

    [review] = claim_reviews(db, claim_ids=[claim_id], org_name="Desk", base_url="http://127.0.0.1:8001",
                             published_only=False)
    cited = next(c for c in review["citation"] if c["url"] == page.url("/gone-page"))
    assert cited["archivedAt"] == "https://web.archive.org/web/20120301000000id_/x"


def test_export_csv(db_path):
    result = CliRunner().invoke(cli, ["export", "csv", "--db", str(db_path), "--claim", "1", "--claim", "2"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["health"] == "unchecked" and rows[0]["verdict"] == "unverifiable" and rows[0]["value"] == "92000000"


@pytest.mark.parametrize("args,message", [
    (["export", "claimreview", "--claim", "999"], "no claim with id 999"),
    (["export", "claimreview", "--base-url", "not a url"], "invalid URL"),
    (["export", "csv", "--claim", "999"], "no claim with id 999"),
    (["reassess", "--claim", "999"], "no claim with id 999"),
])
def test_export_bad_input(db_path, tmp_path, capsys, args, message):
    out = tmp_path / "out.json"
    with pytest.raises(SystemExit) as e:
        main([*args, "--db", str(db_path), "--out", str(out)] if args[0] == "export" else [*args, "--db", str(db_path)])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert not out.exists()


def test_review_command(db_path, page):
    from checker.store.db import open_db

    db = open_db(db_path)
    claim_id = trade_claim(db)
    source_id = add_source(db, claim_id, page.url("/trade"), passage="reached US$630 million in 2008")
    check(db, source_id)
    assert "the review queue is empty" in CliRunner().invoke(cli, ["review", "--db", str(db_path)]).output
    page.content["text"] = CHANGED
    check(db, source_id)
    output = CliRunner().invoke(cli, ["review", "--db", str(db_path)]).output
    assert f"claim {claim_id} (unverifiable): supported -> at risk" in output and "{+US$530+}" in output
    result = CliRunner().invoke(cli, ["reassess", "--db", str(db_path)])
    assert "1 claims in the review queue" in result.output
