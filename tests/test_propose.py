"""Proposed claims: atomic claims from check-worthy sentences (atomic.py), their repeats, accepting and
rejecting them (propose.py), and the commands propose, proposals, accept, reject and spot."""
import json
import pathlib
import re
import sqlite3

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from checker.store import claims
from checker import propose
from checker.reading import cited_links, wording
from checker.reading.atomic import atomise
from checker.reading.speech import is_led_speech_tag, is_speech_tag, named_speaker
from checker.cli import proposals as commands
from checker.cli import cli as checker_cli
from checker.store.db import open_db
from checker.errors import CheckerError, NotFound
from checker.limits import MAX_NEW_PROPOSALS, MAX_SENTENCE_CHARS
from checker.store.seed import load_seed, read_seed
from checker.sentences import split_sentences

from .conftest import SEED_CLAIMS, dump, main

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "propose_cases.yaml").read_text(encoding="utf-8"))
SEED = read_seed()
SEED_ID = SEED["article"]["id"]
COPY = "pakistan-russia-2012-copy"
FIELDS = ("kind", "claim", "value", "unit", "date_start", "date_end")


def body(text):
    """An article's own text: after its byline and before "Sorry comments are closed", where a capture
    of its page keeps them (checker/seed/article.txt holds the body alone)."""
    end = text.find("Sorry comments are closed")
    text = text[:end] if end >= 0 else text
    byline = re.search(r"^This post first appeared on .*$", text, re.M)
    return text[byline.start():] if byline else text


# The seed's first trade figure as it is proposed: with its subject and verb, as the dataset quotes it.
T92 = "two-way trade between Russia and Pakistan increased from a minute US$92 million in 2003"


def locate(quote, text):
    """Where a quote stands in a text, whitespace ignored (as the database compares them)."""
    m = re.search(r"\s*".join(re.escape(c) for c in re.sub(r"\s", "", quote)), text)
    assert m, f"{quote!r} is not in the text"
    return m.span()


def add_copy(db):
    claims.add_article(db, id=COPY, title="Pakistan and Russia seek enhanced cooperation (again)",
                       text=SEED["article"]["text"], published=SEED["article"]["published"])


def seed_claim_ids(db):
    return {key: claim_id for claim_id, key in db.execute("SELECT id, seed_key FROM claims WHERE seed_key IS NOT NULL")}


# --- atomic claims, from the case table -------------------------------------------------------

@pytest.mark.parametrize("case", CASES["atoms"], ids=[c["name"] for c in CASES["atoms"]])
def test_atoms(case):
    atoms = atomise(case["text"], published=case.get("published"), locale=case.get("locale"))
    shown = "\n".join(f"{a.kind} | {a.quote} | {a.claim} | {a.value} {a.unit} {a.date_start} {a.date_end}" for a in atoms)
    for atom in atoms:
        assert case["text"][atom.start:atom.end] == atom.quote, "a quote is a verbatim span of its text"
        opening = atom.claim.lstrip("“‘\"'")[:1]
        assert (opening.isupper() or opening.isdigit()) and atom.claim[-1] in ".!?”’\"", atom.claim
    if "count" in case:
        assert len(atoms) == case["count"], shown
    for quote in case.get("absent", []):
        assert quote not in [a.quote for a in atoms], shown
    for claim in case.get("absent_claims", []):
        assert claim not in [a.claim for a in atoms], shown
    for expected in case.get("expect", []):
        found = [a for a in atoms if a.quote == expected["quote"]]
        assert found, f"no claim quotes {expected['quote']!r}:\n{shown}"
        for name in FIELDS:
            if name in expected:
                assert getattr(found[0], name) == expected[name], f"{name} of {expected['quote']!r}:\n{shown}"


def test_atoms_need_no_word_about_the_seed():
    """The rules are general: the same sentence about other places, people and money gives the same shape."""
    seed = atomise("Two-way trade between Russia and Pakistan increased from US$92 million in 2003 to "
                   "US$441 million in 2006.", published="2012-03-21")
    other = atomise("Two-way trade between Chile and Peru increased from CLP92 million in 2003 to "
                    "CLP441 million in 2006.", published="2012-03-21")
    assert [(a.kind, a.value, a.date_start) for a in seed] == [(a.kind, a.value, a.date_start) for a in other]
    assert [a.unit for a in other] == ["CLP", "CLP"]


# --- the seed article -------------------------------------------------------------------------

def test_seed_article_coverage_and_count(db, capsys):
    """The proposals for the seed article cover its dataset's claims (a claim is covered when its quote
    overlaps some proposal's quote), with no more than two proposals per claim, and each trade figure
    is its own proposal with its value, unit and year."""
    result = propose.propose(db, SEED_ID)
    text = body(SEED["article"]["text"])
    rows = propose.list_proposals(db, article_id=SEED_ID)
    spans = [locate(r["quote"], text) for r in rows]
    covered = [c["key"] for c in SEED["claims"]
               if any(a < locate(c["quote"], text)[1] and locate(c["quote"], text)[0] < b for a, b in spans)]
    share = len(covered) / SEED_CLAIMS
    with capsys.disabled():
        print(f"\nseed article: {len(rows)} proposals from {result.checkworthy} check-worthy sentences of "
              f"{result.sentences}; they cover {len(covered)} of {SEED_CLAIMS} dataset claims ({share:.0%}); "
              f"uncovered: {sorted(set(c['key'] for c in SEED['claims']) - set(covered)) or 'none'}")
    assert share >= 0.9
    assert len(rows) <= 2 * SEED_CLAIMS
    for amount, year in [(92_000_000, "2003"), (441_000_000, "2006"), (630_000_000, "2008")]:
        trade = [r for r in rows if r["kind"] == "trade_figure" and r["value"] == amount]
        assert len(trade) == 1
        assert (trade[0]["unit"], trade[0]["date_start"], trade[0]["date_end"]) == ("USD", year, year)
        # quoted as the dataset quotes it: the first with its subject and verb, the next with its "to"
        assert trade[0]["quote"] == {"2003": T92, "2006": "to US$441 million in 2006", "2008": "US$630 million in 2008"}[year]
    assert all(0 <= r["score"] <= 1 and r["status"] == "proposed" for r in rows)


def test_seed_copy_names_each_seed_claim_it_overlaps(db):
    """The seed article's text imported again: every proposal whose quote overlaps a seed claim's quote
    names that claim among its repeats, with its verdict."""
    add_copy(db)
    propose.propose(db, COPY)
    text = SEED["article"]["text"]
    ids = seed_claim_ids(db)
    verdicts = dict(db.execute("SELECT id, verdict FROM claims").fetchall())
    seed_spans = {c["key"]: locate(c["quote"], text) for c in SEED["claims"]}
    rows = propose.list_proposals(db, article_id=COPY)
    assert rows
    missing = []
    for row in rows:
        assert text.count(row["quote"]) == 1 or len(row["quote"]) > 40, row["quote"]
        a, b = locate(row["quote"], text)
        named = {r["claim_id"]: r for r in row["repeats"]}
        for key, (lo, hi) in seed_spans.items():
            if lo < b and a < hi:
                if ids[key] not in named:
                    missing.append((row["quote"], key))
                else:
                    assert named[ids[key]]["verdict"] == verdicts[ids[key]]
                    assert 0 < named[ids[key]]["score"] <= 1
    assert not missing
    trade = next(r for r in rows if r["quote"] == "US$630 million in 2008")
    assert [r["claim_id"] for r in trade["repeats"]] == [ids["trade-2008"]]
    assert propose.describe_repeats(trade["repeats"]) == f"repeats claim {ids['trade-2008']} (rated unverifiable)"


@pytest.mark.parametrize("case", CASES["repeats"], ids=[c["name"] for c in CASES["repeats"]])
def test_repeats(db, case):
    claims.add_article(db, id="second", title="Second", text=case["text"], published=case["published"])
    propose.propose(db, "second")
    ids = seed_claim_ids(db)
    rows = {r["quote"]: [x["claim_id"] for x in r["repeats"]] for r in propose.list_proposals(db, article_id="second")}
    for quote, keys in (case.get("expect") or {}).items():
        assert quote in rows, rows
        assert rows[quote] == [ids[k] for k in keys], (quote, rows[quote])
    for quote, keys in (case.get("contains") or {}).items():
        assert set(ids[k] for k in keys) <= set(rows[quote]), (quote, rows[quote])


def test_rerun_adds_nothing(db):
    first = propose.propose(db, SEED_ID)
    before = db.execute("SELECT * FROM proposals ORDER BY id").fetchall()
    second = propose.propose(db, SEED_ID)
    assert first.added and not second.added
    assert second.already == len(first.added)
    assert db.execute("SELECT * FROM proposals ORDER BY id").fetchall() == before


def test_a_proposal_repeats_claims_of_other_articles_only(db):
    propose.propose(db, SEED_ID)
    assert all(not r["repeats"] for r in propose.list_proposals(db, article_id=SEED_ID))


def test_cited_urls_come_from_the_links_of_the_sentence(db):
    add_copy(db)
    text = SEED["article"]["text"]
    trade = next(s for s in text.split(". ") if "US$441 million" in s)
    paragraph = text[:text.index("US$441")].count("\n\n")
    db["article_links"].insert_all([
        {"article_id": COPY, "url": "https://example.org/consulate-trade", "anchor": "the website",
         "sentence": trade + ".", "paragraph": paragraph},
        {"article_id": COPY, "url": "https://example.org/elsewhere", "anchor": "elsewhere",
         "sentence": "A sentence the article does not have at all.", "paragraph": paragraph},
    ])
    propose.propose(db, COPY)
    rows = propose.list_proposals(db, article_id=COPY)
    for row in rows:
        expected = ["https://example.org/consulate-trade"] if row["quote"] in trade else []
        assert row["cited_urls"] == expected, row["quote"]


def test_cited_urls_hold_only_http_urls(db):
    """Links that are not plain http(s) URLs (a bidi override, a control character, a user name) stay
    in article_links but never reach a proposal's cited_urls; the database may refuse some of them
    itself (its URL columns have CHECKs of their own)."""
    add_copy(db)
    text = SEED["article"]["text"]
    trade = next(s for s in text.split(". ") if "US$441 million" in s) + "."
    paragraph = text[:text.index("US$441")].count("\n\n")
    urls = ["https://example.org/report\u202efdp.exe", "https://example.org/a\x01b", "https://example.org/\u200b",
            "https://user:pw@example.org/", "https://example.org:x/", "https://example.org:0/",
            "https://Example.org/kept#part"]
    for n, url in enumerate(urls):
        try:
            db["article_links"].insert({"article_id": COPY, "url": url, "anchor": f"link {n}", "sentence": trade,
                                        "paragraph": paragraph})
        except sqlite3.IntegrityError:
            pass
    propose.propose(db, COPY)
    cited = [row["cited_urls"] for row in propose.list_proposals(db, article_id=COPY) if row["quote"] in trade]
    assert cited and all(urls == ["https://example.org/kept"] for urls in cited), cited


# --- accepting and rejecting ------------------------------------------------------------------

@pytest.fixture
def proposed(db):
    """The seed article's text again as a second article, proposed; its trade sentence cites a page."""
    add_copy(db)
    text = SEED["article"]["text"]
    db["article_links"].insert({"article_id": COPY, "url": "https://example.org/consulate-trade", "anchor": "the website",
                                "sentence": next(s for s in text.split(". ") if "US$441 million" in s) + ".",
                                "paragraph": text[:text.index("US$441")].count("\n\n")})
    propose.propose(db, COPY)
    return {r["quote"]: r for r in propose.list_proposals(db, article_id=COPY)}


def test_accept_makes_a_claim_with_its_cited_sources(db, proposed):
    row = proposed["to US$441 million in 2006"]
    claim_id = propose.accept(db, row["id"], by="tester")
    claim = db["claims"].get(claim_id)
    assert {k: claim[k] for k in ("article_id", "quote", *FIELDS)} == {k: row[k] for k in ("article_id", "quote", *FIELDS)}
    assert claim["added_by"] == "tester"
    assert db.execute("SELECT sources.url, relation FROM claim_sources JOIN sources ON sources.id = source_id "
                      "WHERE claim_id = ?", [claim_id]).fetchall() == [("https://example.org/consulate-trade", "cited")]
    after = db["proposals"].get(row["id"])
    assert (after["status"], after["claim_id"]) == ("accepted", claim_id)


OVERRIDES = [
    ({"claim": "Russia-Pakistan trade was US$441 million in 2006."}, {"claim": "Russia-Pakistan trade was US$441 million in 2006."}),
    ({"kind": "other"}, {"kind": "other"}),
    ({"value": "450000000"}, {"value": 450000000, "unit": "USD"}),
    ({"value": "0.441", "unit": "USD bn"}, {"value": 0.441, "unit": "USD bn"}),
    ({"date_start": "2006-01"}, {"date_start": "2006-01", "date_end": None}),
    ({"date_start": "2005", "date_end": "2006"}, {"date_start": "2005", "date_end": "2006"}),
    ({"date_end": "2007"}, {"date_start": "2006", "date_end": "2007"}),
    ({"claim": "   ", "unit": ""}, {}),  # blank options keep the proposal's fields
]


@pytest.mark.parametrize("overrides,expected", OVERRIDES, ids=[" ".join(f"{k}={v.strip() or 'blank'}" for k, v in o.items()) for o, _ in OVERRIDES])
def test_accept_with_overrides(db, proposed, overrides, expected):
    row = proposed["to US$441 million in 2006"]
    claim = db["claims"].get(propose.accept(db, row["id"], **overrides))
    for name in FIELDS:
        assert claim[name] == expected.get(name, row[name]), name


def refusals():
    """(what to do, the message): each refused in one line, with nothing written."""
    return [
        (lambda db, p: propose.accept(db, 99999), "no proposal with id 99999"),
        (lambda db, p: propose.reject(db, 99999, "no reason"), "no proposal with id 99999"),
        (lambda db, p: propose.reject(db, p["US$630 million in 2008"]["id"], "  "), "say why the proposal is rejected"),
        (lambda db, p: propose.accept(db, p["US$630 million in 2008"]["id"], kind="rumour"), "unknown kind 'rumour'"),
        (lambda db, p: propose.accept(db, p["US$630 million in 2008"]["id"], value="lots"), "is not a number"),
        (lambda db, p: propose.accept(db, p["US$630 million in 2008"]["id"], date_start="March 2012"), "is not a date"),
        (lambda db, p: propose.accept(db, p["US$630 million in 2008"]["id"], date_start="2008", date_end="2007"),
         "date end 2007 is before date start 2008"),
        (lambda db, p: propose.accept(db, p["President Vladimir Putin"]["id"], value="5"), "value and unit go together"),
        (lambda db, p: propose.accept(db, p["US$630 million in 2008"]["id"], kind="meeting_count", value="-3", unit="meetings"),
         "must be more than 0"),
    ]


@pytest.mark.parametrize("action,message", refusals(), ids=[str(i) for i in range(len(refusals()))])
def test_accept_and_reject_refusals(db_path, db, proposed, action, message):
    db.conn.commit()
    before = dump(db_path)
    with pytest.raises(CheckerError) as e:
        action(db, proposed)
    assert message in str(e.value) and "\n" not in str(e.value)
    assert dump(db_path) == before


BUDGET = "The council set a budget of NZ$1.2 billion for 2026, the mayor said. Turnout was 67 percent."


@pytest.mark.parametrize("quote,sentence,text,expected,now", [
    ("the mayor said", "The council set a budget of NZ$1.2 billion for 2026, the mayor said.", BUDGET, "current", None),
    # the text's own line breaks and spacing do not count as a change
    ("the mayor said", "The council set a budget of NZ$1.2 billion for 2026, the mayor said.",
     BUDGET.replace("for 2026, ", "for 2026,\n"), "current", None),
    ("the mayor said", "The council set a budget of NZ$1.2 billion for 2026, the mayor said.",
     BUDGET.replace("NZ$1.2 billion", "NZ$1.4 billion"), "sentence_changed",
     "The council set a budget of NZ$1.4 billion for 2026, the mayor said."),
    ("NZ$1.2 billion", "The council set a budget of NZ$1.2 billion for 2026, the mayor said.",
     BUDGET.replace("NZ$1.2 billion", "NZ$1.4 billion"), "quote_gone", None),
    ("67 percent", "Turnout was 67 percent.", BUDGET, "current", None),
    ("67 percent", None, BUDGET.replace("Turnout", "Participation"), "current", None),  # made before sentences were kept
    ("67 percent", None, BUDGET.replace("67", "64"), "quote_gone", None),
    ("Turnout", "Turnout was 67 percent.", BUDGET.replace("67", "64"), "sentence_changed", "Turnout was 64 percent."),
], ids=["unchanged", "rewrapped", "figure changed beside", "figure changed", "other sentence", "no sentence kept",
        "no sentence kept, gone", "figure changed after"])
def test_standing(quote, sentence, text, expected, now):
    proposal = {"quote": quote, "sentence": sentence}
    assert propose.standing(proposal, text) == expected
    if expected == "sentence_changed":
        assert propose.sentence_now(proposal, text) == now


def test_unknown_proposal_is_not_found(db):
    with pytest.raises(NotFound):
        propose.get_proposal(db, 1)


def test_a_decided_proposal_stays_decided(db, proposed):
    accepted = proposed["to US$441 million in 2006"]["id"]
    rejected = proposed[T92]["id"]
    claim_id = propose.accept(db, accepted)
    propose.reject(db, rejected, "a duplicate", by="tester")
    for action, pid, message in [
        (propose.accept, accepted, f"proposal {accepted} is already accepted as claim {claim_id}"),
        (lambda db, i: propose.reject(db, i, "why"), accepted, f"proposal {accepted} is already accepted as claim {claim_id}"),
        (propose.accept, rejected, f"proposal {rejected} is already rejected: only a proposed one can be accepted"),
        (lambda db, i: propose.reject(db, i, "why"), rejected, f"proposal {rejected} is already rejected: only a proposed one can be rejected"),
    ]:
        with pytest.raises(CheckerError, match=re.escape(message)):
            action(db, pid)
    assert db["proposals"].get(rejected)["status"] == "rejected"
    assert db.execute("SELECT count(*) FROM claims WHERE article_id = ?", [COPY]).fetchone()[0] == 1


def test_accepting_a_claim_already_recorded_is_refused(db):
    """The seed article's own proposal for its 2008 figure is the seed claim's fact (its figure and year, in other
    words: with its source): accepting it would record the fact twice."""
    propose.propose(db, SEED_ID)
    row = next(r for r in propose.list_proposals(db, article_id=SEED_ID) if r["quote"] == "US$630 million in 2008")
    with pytest.raises(CheckerError, match="already has the claim"):
        propose.accept(db, row["id"])
    assert db["proposals"].get(row["id"])["status"] == "proposed"


def test_list_filters(db, proposed):
    propose.reject(db, proposed[T92]["id"], "a duplicate")
    assert [r["status"] for r in propose.list_proposals(db, status="rejected")] == ["rejected"]
    assert len(propose.list_proposals(db, article_id=COPY, status="proposed")) == len(proposed) - 1
    assert propose.list_proposals(db, article_id=SEED_ID) == []
    with pytest.raises(CheckerError, match="unknown status 'maybe'"):
        propose.list_proposals(db, status="maybe")
    with pytest.raises(NotFound):
        propose.list_proposals(db, article_id="no-such-article")


def test_listed_verdicts_are_current(db, proposed):
    trade = proposed["US$630 million in 2008"]
    claims.set_verdict(db, trade["repeats"][0]["claim_id"], "inaccurate", note="Rated again for this test.")
    row = next(r for r in propose.list_proposals(db, article_id=COPY) if r["id"] == trade["id"])
    assert propose.describe_repeats(row["repeats"]) == f"repeats claim {trade['repeats'][0]['claim_id']} (rated inaccurate)"


# --- the commands -----------------------------------------------------------------------------

NAMES = [c.name for c in (commands.propose, commands.proposals, commands.accept, commands.reject, commands.reopen, commands.spot)]


@pytest.fixture
def cli(db_path):
    runner = CliRunner()

    def invoke(*args, db=True, input=None):
        return runner.invoke(checker_cli, [*args, "--db", str(db_path)] if db else list(args), input=input,
                             catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("name", NAMES)
def test_command_has_help_with_an_example(name):
    result = CliRunner().invoke(checker_cli, [name, "--help"])
    assert result.exit_code == 0
    description = result.output.split("Options:")[0].rstrip().split("\n\n")
    assert " ".join(description[-1].split()).startswith(f"Example: checker {name} ")


def test_propose_and_proposals_commands(cli, db_path, monkeypatch):
    from checker.store.db import open_db
    db = open_db(db_path)
    add_copy(db)
    db.conn.close()
    result = cli("propose", COPY)
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert re.fullmatch(rf"{COPY}: \d+ new proposals from 25 check-worthy sentences of 26; \d+ repeat recorded claims", first)
    assert f"checker proposals --article {COPY}" in result.output
    again = cli("propose", COPY).output
    assert re.match(rf"{COPY}: 0 new proposals from 25 check-worthy sentences of 26 \(\d+ already proposed\)", again)
    for columns in (80, 140):
        monkeypatch.setenv("COLUMNS", str(columns))
        out = cli("proposals", "--article", COPY).output
        lines = out.splitlines()
        assert lines[0].split() == ["id", "status", "kind", "score", "claim"]
        assert max(len(line) for line in lines) <= columns
        assert re.search(r"^ {20,}repeats claim \d+ \(rated unverifiable\)$", out, re.M)
        assert "…" in out
        assert lines[-1].endswith(" proposals")
    assert cli("proposals", "--status", "rejected").output.strip() == "no proposals match"


def test_accept_and_reject_commands(cli, db_path):
    from checker.store.db import open_db
    db = open_db(db_path)
    add_copy(db)
    propose.propose(db, COPY)
    rows = {r["quote"]: r["id"] for r in propose.list_proposals(db, article_id=COPY)}
    db.conn.close()
    pid = rows["to US$441 million in 2006"]
    result = cli("accept", str(pid), "--claim", "Trade was US$441 million in 2006.", "--kind", "trade_figure",
                 "--value", "441000000", "--unit", "USD", "--date-start", "2006", "--date-end", "2006")
    assert result.exit_code == 0, result.output
    claim_id = int(re.fullmatch(rf"proposal {pid} accepted as claim (\d+)\n", result.output).group(1))
    assert cli("reject", str(rows[T92]), "--reason", "already a claim").output == f"proposal {rows[T92]} rejected\n"
    assert open_db(db_path).execute("select rejected_because from proposals where id = ?", [rows[T92]]).fetchone() == (
        "already a claim",)
    assert cli("reopen", str(rows[T92])).output == f"proposal {rows[T92]} is open again\n"
    assert cli("reject", str(rows[T92]), "--reason", "already a claim").output == f"proposal {rows[T92]} rejected\n"
    db = open_db(db_path)
    assert db["claims"].get(claim_id)["claim"] == "Trade was US$441 million in 2006."
    out = cli("proposals", "--status", "accepted").output
    assert f"accepted as {claim_id}" in out


def bad_input(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return [
        (["propose", "no-such-article"], "no article with id 'no-such-article'", 1),
        (["proposals", "--status", "maybe"], "unknown status 'maybe': expected one of proposed, accepted, rejected", 1),
        (["proposals", "--article", "no-such-article"], "no article with id 'no-such-article'", 1),
        (["accept", "99999"], "no proposal with id 99999", 1),
        (["reject", "99999", "--reason", "x"], "no proposal with id 99999", 1),
        (["reject", "{id}", "--reason", " "], "say why the proposal is rejected", 1),
        (["reopen", "{id}"], "only a rejected one can be reopened", 1),
        (["accept", "first"], "'first' is not a valid integer", 2),
        (["accept", "{id}", "--kind", "rumour"], "unknown kind 'rumour'", 1),
        (["accept", "{id}", "--date-start", "March 2012"], "is not a date", 1),
        (["accept", "{id}", "--value", "lots"], "is not a number", 1),
        (["accept", "{accepted}"], "is already accepted as claim", 1),
        (["reject", "{accepted}", "--reason", "x"], "is already accepted as claim", 1),
        (["accept", "{rejected}"], "is already rejected", 1),
        (["reject", "{rejected}", "--reason", "x"], "is already rejected", 1),
        (["accept"], "Missing argument 'PROPOSAL_ID'", 2),
        (["spot", str(tmp_path / "missing.txt"), "--db-less"], "No such option '--db-less'", 2),
        (["spot", str(tmp_path / "missing.txt")], "No such file or directory", 2),
        (["spot", str(binary)], "is not text in any encoding", 1),
    ]


def test_bad_input_one_line_nonzero_nothing_written(tmp_path, db_path, capsys):
    from checker.store.db import open_db
    db = open_db(db_path)
    add_copy(db)
    propose.propose(db, COPY)
    rows = {r["quote"]: r["id"] for r in propose.list_proposals(db, article_id=COPY)}
    ids = {"id": rows["US$630 million in 2008"], "accepted": rows["to US$441 million in 2006"],
           "rejected": rows[T92]}
    propose.accept(db, ids["accepted"])
    propose.reject(db, ids["rejected"], "a duplicate")
    db.conn.close()
    before = dump(db_path)
    for args, message, status in bad_input(tmp_path):
        args = [a.format(**ids) for a in args]
        with pytest.raises(SystemExit) as e:
            main([*args] + ([] if args[0] == "spot" else ["--db", str(db_path)]))
        assert e.value.code == status, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("Error: "), (args, err)
        assert message in err, (args, err)
    assert dump(db_path) == before


# --- checker spot -----------------------------------------------------------------------------

TEXT = ("Unemployment fell to 3.9% in October, the Office for National Statistics said. Share this article\n\n"
        "What happens next?")


def test_spot_json(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = cli("spot", str(path), "--json", db=False).output
    rows = [json.loads(line) for line in out.splitlines()]
    assert [sorted(r) for r in rows] == [["checkworthy", "score", "sentence"]] * len(rows)
    assert rows[0]["sentence"].startswith("Unemployment fell") and rows[0]["checkworthy"] and rows[0]["score"] >= 0.5
    assert all(0 <= r["score"] <= 1 and r["checkworthy"] == (r["score"] >= 0.5) for r in rows)
    assert not rows[-1]["checkworthy"]


def test_spot_readable_from_stdin(cli):
    out = cli("spot", db=False, input=TEXT.encode("utf-8")).output.splitlines()
    assert re.fullmatch(r"\d\.\d\d \* Unemployment fell to 3\.9% in October, the Office for National Statistics said\.", out[0])
    assert re.fullmatch(r"\d\.\d\d   What happens next\?", out[-2])
    assert re.fullmatch(r"\d+ of \d+ sentences check-worthy \(score 0\.5 or more, marked \*\)", out[-1])
    assert cli("spot", "-", db=False, input=b"").output == "0 of 0 sentences check-worthy (score 0.5 or more, marked *)\n"


def test_spot_lines_and_any_encoding(cli, tmp_path):
    path = tmp_path / "lines.txt"
    path.write_bytes("Le déficit a atteint 5,5 % du PIB en 2023, selon l’Insee.\nTurnout was 67.4% in 2024\n"
                     .encode("cp1252"))
    rows = [json.loads(line) for line in cli("spot", str(path), "--lines", "--json", db=False).output.splitlines()]
    assert [r["sentence"] for r in rows] == ["Le déficit a atteint 5,5 % du PIB en 2023, selon l’Insee.",
                                              "Turnout was 67.4% in 2024"]


# --- bounds: linear work, a limit per run, two phases ---------------------------------------------

TRADE = "Two-way trade between Chile and Peru reached US$630 million in 2008, the ministry said."


def link(url, sentence, paragraph=0):
    return {"url": url, "anchor": "a", "sentence": sentence, "paragraph": paragraph}


# name, the article's links, a sentence of its paragraph 2, the URLs that bear on it
LINK_CASES = [
    ("the same sentence, spaced and quoted otherwise", [link("https://a.example/", TRADE.replace(" ", "  "))],
     TRADE, ["https://a.example/"]),
    ("a link sentence inside the sentence", [link("https://a.example/", "reached US$630 million in 2008")],
     TRADE, ["https://a.example/"]),
    ("the sentence inside a link sentence", [link("https://a.example/", "Before that: " + TRADE + " After that.")],
     TRADE, ["https://a.example/"]),
    ("a short link sentence inside it counts only when the same", [link("https://a.example/", "US$630 million")],
     TRADE, []),
    ("the sentence across two link sentences", [link("https://a.example/", "Two-way trade between Chile and"),
                                                link("https://b.example/", "Peru reached US$630 million in 2008")],
     "Chile and Peru reached", []),
    ("a sentence of two long words inside a link sentence",
     [link("https://a.example/", "The word is internationalisation counterproductively so.")],
     "internationalisation counterproductively", ["https://a.example/"]),
    ("no link on it: the links of its paragraph without a sentence",
     [link("https://a.example/", None, 2), link("https://b.example/", None, 1), link("https://c.example/", "Elsewhere.", 2)],
     TRADE, ["https://a.example/"]),
    ("in the links' order, each once",
     [link("https://b.example/", TRADE), link("https://a.example/", "US$630 million in 2008, the ministry said", 3),
      link("https://b.example/", TRADE, 4)], TRADE, ["https://b.example/", "https://a.example/"]),
]


@pytest.mark.parametrize("name,links,sentence,urls", LINK_CASES, ids=[c[0] for c in LINK_CASES])
def test_the_links_that_bear_on_a_sentence(name, links, sentence, urls):
    assert cited_links.ArticleLinks(links).urls(sentence, 2) == urls


def test_the_link_index_follows_the_plain_rule():
    """Over every sentence of the seed article, against links made of its sentences, their halves and pairs
    of them: the index finds exactly the links the plain rule (same, or one holding the other, both of 20
    characters or more) finds by looking at each."""
    sentences = [s.text for s in split_sentences(SEED["article"]["text"])]
    pieces = sentences + [s[:len(s) // 2] for s in sentences] + [s[len(s) // 3:] for s in sentences] + [
        a + " " + b for a, b in zip(sentences, sentences[1:])] + ["US$630 million", "Russia"]
    links = [link(f"https://example.org/{i}", piece, i % 3) for i, piece in enumerate(pieces)]
    index = cited_links.ArticleLinks(links)

    def plain(sentence):
        mine = cited_links.folded_sentence(sentence)
        return list(dict.fromkeys(
            x["url"] for x in links if (other := cited_links.folded_sentence(x["sentence"])) == mine
            or (min(len(other), len(mine)) >= 20 and (other in mine or mine in other))))

    found = 0
    for sentence in sentences + [s[5:40] for s in sentences]:
        assert index.urls(sentence, 7) == plain(sentence), sentence
        found += bool(plain(sentence))
    assert found > len(sentences)


@pytest.mark.parametrize("a,b,run", [
    ("", "a b", ""), ("a b c", "x y", ""), ("a b c d", "x b c y", "b c"), ("a b a b c", "a b c", "a b c"),
    ("a b x a b", "a b", "a b"), ("p q r s", "r s p q", "p q"), ("the the the", "the the", "the the"),
])
def test_shared_run(a, b, run):
    assert wording.shared_run(a.split(), b.split()) == run.split()


def figures_text(n):
    """n check-worthy sentences, each a proposal: a figure of its own and its year."""
    return "\n\n".join(f"Exports of machinery reached US${100 + i} million in {1990 + i % 30}." for i in range(n))


def test_a_run_adds_at_most_its_limit_and_the_next_runs_the_rest(db, tmp_path):
    claims.add_article(db, id="figures", title="Figures", text=figures_text(30), published="2024-01-01")
    assert len(propose.find_proposals(db, "figures", limit=None).rows) == 30
    runs = []
    while True:
        result = propose.propose(db, "figures", limit=12)
        runs.append((len(result.added), result.already, result.more))
        if not result.more:
            break
    assert runs == [(12, 0, True), (12, 12, True), (6, 24, False)]
    assert len(propose.propose(db, "figures", limit=30).added) == 0
    other = open_db(tmp_path / "other.db", create=True)
    load_seed(other)
    claims.add_article(other, id="figures", title="Figures", text=figures_text(30), published="2024-01-01")
    propose.propose(other, "figures", limit=None)
    columns = "quote, claim, kind, value, unit, date_start, date_end, score, sentence, cited_urls, repeats"
    assert db.execute(f"SELECT {columns} FROM proposals WHERE article_id = 'figures' ORDER BY id").fetchall() == \
        other.execute(f"SELECT {columns} FROM proposals WHERE article_id = 'figures' ORDER BY id").fetchall()
    other.conn.close()


def test_the_command_says_a_run_stopped_at_its_limit(cli, db_path):
    db = open_db(db_path)
    claims.add_article(db, id="figures", title="Figures", text=figures_text(MAX_NEW_PROPOSALS + 20),
                       published="2024-01-01")
    db.conn.close()
    first = cli("propose", "figures").output.splitlines()[0]
    assert first.startswith(f"figures: {MAX_NEW_PROPOSALS} new proposals from ")
    assert first.endswith(f"; stopped at {MAX_NEW_PROPOSALS:,} new proposals, the most one run adds: run "
                          "`checker propose figures` again for the rest")
    second = cli("propose", "figures").output.splitlines()[0]
    assert second.startswith("figures: 20 new proposals from ") and "stopped" not in second
    assert f"at most {MAX_NEW_PROPOSALS:,} proposals" in " ".join(cli("propose", "--help", db=False).output.split())


def test_a_sentence_too_long_to_be_prose_is_left_out(cli, db_path):
    table = ", ".join(f"US${i} million in {1990 + i % 30}" for i in range(150))  # a table run together
    assert len(table) > MAX_SENTENCE_CHARS
    db = open_db(db_path)
    claims.add_article(db, id="table", title="Table", text=f"Exports rose to {table}.\n\n{TRADE}", published="2024-01-01")
    db.conn.close()
    out = cli("propose", "table").output.splitlines()[0]
    assert out.startswith("table: ") and " from 2 check-worthy sentences of 2" in out
    assert out.endswith(f"; 1 check-worthy sentence over {MAX_SENTENCE_CHARS:,} characters left out (a table or list "
                        "run together?)")
    rows = propose.list_proposals(open_db(db_path), article_id="table")
    assert rows and all(r["sentence"] == TRADE for r in rows)


def test_the_read_phase_writes_nothing_and_runs_on_a_read_only_connection(db_path, tmp_path):
    before = dump(db_path)
    reader = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    found = propose.find_proposals(sqlite_utils.Database(reader), SEED_ID)
    reader.close()
    assert dump(db_path) == before
    db = open_db(db_path)
    result = propose.save_proposals(db, found)
    assert len(result.added) == len(found.rows) == 42
    other = open_db(tmp_path / "other.db", create=True)
    load_seed(other)
    propose.propose(other, SEED_ID)
    columns = "quote, claim, kind, value, unit, date_start, date_end, score, sentence, cited_urls, repeats"
    assert db.execute(f"SELECT {columns} FROM proposals ORDER BY id").fetchall() == \
        other.execute(f"SELECT {columns} FROM proposals ORDER BY id").fetchall()
    other.conn.close()


def test_the_write_phase_counts_what_another_run_saved_in_between(db):
    first, second = propose.find_proposals(db, SEED_ID), propose.find_proposals(db, SEED_ID)
    assert len(propose.save_proposals(db, first).added) == 42
    again = propose.save_proposals(db, second)
    assert (again.added, again.already) == ([], 42)


def test_the_write_phase_refuses_a_text_changed_in_between(db_path):
    db = open_db(db_path)
    add_copy(db)
    found = propose.find_proposals(db, COPY)
    db["articles"].update(COPY, {"text": SEED["article"]["text"] + "\n\nA paragraph added since."})
    before = dump(db_path)
    with pytest.raises(CheckerError, match=f"the text of article '{COPY}' changed while its claims were proposed: "
                                           "propose again"):
        propose.save_proposals(db, found)
    assert dump(db_path) == before


# Words that only say who spoke and how claim nothing of their own (reading/speech.py is_speech_tag).
@pytest.mark.parametrize("words,tag", [
    ("“That can be true,” Prelogar said", True),
    ("Trump said of Mar-a-Lago", True),
    ("he said in an e-mail", True),
    ("CNN meteorologist Chad Myers said", True),
    ("the prime minister told reporters on Monday", True),
    ("“But,” Alito continued, as he confidently addressed Prelogar", True),
    ("said Jeffrey Wall", True),
    ("said the prime minister in a statement", True),
    ("Patrol Chief James Hall with the New York Police Department said Wednesday", True),
    ("Wallace asked Trump", True),
    ("Ellie Hall tweeted early Wednesday", True),
    ("Officials said", True),
    ("Amtrak reported no major delays systemwide", False),
    ("The company said it cut 500 jobs", False),
    ("Exports rose 5 percent, officials said", False),
    ("The parade will go on, organizers said Wednesday", False),
    ("Prelogar told Alito, asserting that the government’s interest extends", False),
    ("The minister announced a new tax", False),
    ("Trump replied, ignoring the contradiction", False),
    ("The ministry said the deficit fell", False),
])
def test_speech_tags(words, tag):
    assert is_speech_tag(words, 0, len(words)) is tag


# What is left of a sentence once its quotation is taken out may still only say who spoke: after a
# lead-in with no figure, before a phrase of how, or with who was told (reading/speech.py is_led_speech_tag).
@pytest.mark.parametrize("words,tag", [
    ("Of Friar Lawrence, Prelogar said at one point", True),
    ("Not satisfied, Alito continued", True),
    ("Referring to the fact that the audience had separately taken its own vote, Alito joked", True),
    ("Trump replied, ignoring the contradiction of his previous statement", True),
    ("Jennifer Peterson told CNN affiliate WUSA", True),
    ("After winning 52% of the vote, Smith said", False),  # a figure in the lead-in is a claim
    ("Amtrak reported no major delays systemwide", False),
    ("Exports rose 5 percent, officials said", False),
    ("The minister told parliament the deficit fell", False),
])
def test_speech_tags_left_by_a_quotation(words, tag):
    assert is_led_speech_tag(words, 0, len(words)) is tag


# A restatement stands only when it says what its sentence says (reading/grounding.py).
@pytest.mark.parametrize("claim,sentence,fields,ok", [
    ("Trade was US$441 million in 2006.", "Trade rose from US$92 million in 2003 to US$441 million in 2006.",
     (441e6, "USD", "2006"), True),
    ("Trade was US$92 million in 2006.", "Trade rose from US$92 million in 2003 to US$441 million in 2006.",
     (92e6, "USD", "2006"), False),  # the figure of one year with the other's
    ("Turnout was 67% in 2021.", "Turnout was 62.6% in 2021, down from 67% in 2019.", (67, "percent", "2021"), False),
    ("Turnout was 67% in 2019.", "Turnout was 62.6% in 2021, down from 67% in 2019.", (67, "percent", "2019"), True),
    ("Turnout fell sharply to 67% in 2019.", "Turnout was 62.6% in 2021, down from 67% in 2019.", (67, "percent", "2019"),
     False),  # "sharply" is not the sentence's
    ("The council met in March 2024.", "In March 2024, the council met.", (None, None, "2024-03"), True),
    ("the council met", "In March 2024, the council met.", (None, None, None), True),  # its own words
    ("The minister said: “We will not raise taxes.”", "The minister added: “We will not raise taxes.”",
     (None, None, None), True),
    ("The mayor said: “We will not raise taxes.”", "The minister added: “We will not raise taxes.”",
     (None, None, None), False),  # another speaker
])
def test_a_restatement_is_grounded_in_its_sentence(claim, sentence, fields, ok):
    from checker.reading.grounding import grounded
    value, unit, date = fields
    assert grounded(claim, sentence, value, unit, date, date) is ok


# Who a sentence gives its words to, when it names them: such a statement is proposed whatever the
# check-worthiness model scores it (reading/speech.py named_speaker, propose.find_proposals).
@pytest.mark.parametrize("sentence,speaker", [
    ("“That can be true,” Prelogar said.", "Prelogar"),
    ("“I am not here to hear it,” Judge Ana Ruiz said, raising her voice and telling both lawyers to sit down.",
     "Judge Ana Ruiz"),
    ("Sipho Ndlovu, a senior fellow at the Mapungubwe Institute, says the checks go too far.", "Sipho Ndlovu"),
    ("The country must stay in the alliance to keep its influence, the prime minister said.", "the prime minister"),
    ("The Prime Minister said the country must stay in the alliance.", "The Prime Minister"),
    ("According to the Federal Aviation Administration, delays reached an hour.", "the Federal Aviation Administration"),
    ("“The worst is over,” CNN meteorologist Chad Myers said.", "CNN meteorologist Chad Myers"),
    ("“We won,” he said.", None),
    ("Officials said the road was closed.", None),
    ("Heavy winds caused delays, according to officials.", None),
    ("The bill passed on Monday.", None),
    ("The man said it was late.", None),
    # (after a phrase of when or how: round 34)
    ("But after weeks of speculation, the Wrap reports that Brooks will not be performing.", "the Wrap"),
    ("In a statement, Acme Corp said it had closed the plant.", "Acme Corp"),
    ("After the meeting, officials said the road was closed.", None),
    # (words quoted as someone said them: round 35)
    ("Avoidance can be the norm, but as Jon Kabat-Zinn said \"you can't stop the waves, but you can learn to surf\".", "Jon Kabat-Zinn"),
    ("Prices rose, as Smith said they would.", None),
    # (a quotation broken by its tag, its second part running on past the sentence)
    ("“We have to choose, which is not our job. There is a huge difference,” Ruiz says, “I don’t think it helps.",
     "Ruiz"),
    ("“We have to choose,” said Ana Ruiz, “and we will", "Ana Ruiz"),
    ("“We have to choose,” he says, “I don’t think it helps.", None),
    # (a speaker named after the tag with who they are: a question's tag too, whose role is a claim of its own)
    ("“It helped,” said Ana Ruiz, a nurse at the clinic.", "Ana Ruiz"),
    ("“What help did it give?” says Tehilla Shwartz Altshuler, a senior fellow at the Israel Democracy Institute.",
     "Tehilla Shwartz Altshuler"),
    # (a speaker who opens the clause after ", and": round 39)
    ("There is debate about whether the ban is legal, and Anthropic has said it will sue if it is pursued.", "Anthropic"),
    ("Prices rose, and the bank said nothing.", None),
])
def test_named_speakers(sentence, speaker):
    assert named_speaker(sentence, 0, len(sentence)) == speaker


def test_a_statement_of_a_named_speaker_is_proposed_without_a_figure(empty_db):
    text = ("The country must stay in the alliance to keep its influence, the prime minister said.\n\n"
            "It was a cold and quiet morning in the capital.")
    claims.add_article(empty_db, id="alliance", title="Alliance", text=text)
    assert spot_score(text.split("\n\n")[0]) < 0.5  # the model alone would leave it out
    propose.propose(empty_db, "alliance")
    rows = empty_db.execute("SELECT quote, kind, claim FROM proposals").fetchall()
    assert rows == [("The country must stay in the alliance to keep its influence, the prime minister said", "attribution",
                     "The country must stay in the alliance to keep its influence, the prime minister said.")]



def test_a_quotation_of_several_sentences_is_proposed_with_the_speaker_its_tag_names(empty_db):
    text = ("“We will stay,” Mayor Ines Duarte said. “The river is ours and we will keep it clean.”\n\n"
            "It was a cold and quiet morning in the capital.")
    claims.add_article(empty_db, id="river", title="River", text=text)
    propose.propose(empty_db, "river")
    rows = empty_db.execute("SELECT quote, kind, claim FROM proposals ORDER BY id").fetchall()
    assert ("The river is ours and we will keep it clean.", "quote",
            "Mayor Ines Duarte said: “The river is ours and we will keep it clean.”") in rows, rows
    assert not any("cold and quiet" in r[0] for r in rows)


@pytest.mark.parametrize("text,said", [
    # a lead-in paragraph that ends on what it leads to, then a quotation over two paragraphs (each opened, the
    # last closed): every sentence the lead-in's speaker's, though the model scores them low
    ("When a reporter asked the governor about the delays, Amara Obi said the following.\n\n"
     "“Well, I read it when I need it. I don’t have to be told twice.\n\n“Could be twice a week. I don’t need that.”",
     ["Amara Obi said: “I don’t have to be told twice.”", "Amara Obi said: “Could be twice a week. I don’t need that.”"]),
    # "Here’s what X said ...:" leads in too, its speaker the one it names after "what"
    ("And here’s what Harbour Bank chief Ines Duarte said on Monday about the fees:\n\n"
     "\"I don't know why anybody would take something away that customers like. We priced it at $35.\"",
     ["Ines Duarte said: \"I don't know why anybody would take something away that customers like. "
      "We priced it at $35.\""]),
])
def test_a_quotation_a_lead_in_paragraph_gives_its_speaker_is_proposed(empty_db, text, said):
    claims.add_article(empty_db, id="led", title="Led", text=text)
    propose.propose(empty_db, "led")
    rows = [claim for (claim,) in empty_db.execute("SELECT claim FROM proposals")]
    assert all(s in rows for s in said), rows
    assert not any("said the following" in r or "here’s what" in r.lower() for r in rows), rows


@pytest.mark.parametrize("text,said,absent", [
    # a turn of an exchange, its speaker's surname and a colon before the quotation: theirs, whatever the model scores
    ("Solicitor General Amara Obi argued the case.\n\nThe judge pressed her on the statute.\n\n"
     "Obi: “I can’t think of anything else that’s precisely like this, but the statute allows it.”",
     "Obi said: “I can’t think of anything else that’s precisely like this, but the statute allows it.”", None),
    ("Amara Obi argued the case.\n\nAmara Obi: \"I would not say so, but the statute allows it.\"",
     "Amara Obi said: \"I would not say so, but the statute allows it.\"", None),
    # a word that names no one in the article, before a colon and a quotation, is a heading's: no speaker
    ("Amara Obi argued the case.\n\nUpdate: “I would not say so, but the statute allows it.”", None, "Update said"),
])
def test_a_turn_of_an_exchange_is_its_speakers_quotation(empty_db, text, said, absent):
    claims.add_article(empty_db, id="turn", title="Turn", text=text)
    propose.propose(empty_db, "turn")
    rows = [claim for (claim,) in empty_db.execute("SELECT claim FROM proposals")]
    assert said is None or said in rows, rows
    assert absent is None or not any(absent in r for r in rows), rows


@pytest.mark.parametrize("text,said", [
    # the tag before, with how it was said
    ("“We are not here to hear speeches,” Judge Amara Obi said, raising her voice and telling both lawyers to sit "
     "down. “We are here to hear him answer questions.”", "Judge Amara Obi said: “We are here to hear him answer questions.”"),
    # the tag before, with who the speaker is
    ("“Much of the analysis is credible,” writes Ines Duarte, a hydrologist at the University of Porto, over email. "
     "“However, I disagree on the remedy: no dam should be built.”",
     "Ines Duarte said: “However, I disagree on the remedy: no dam should be built.”"),
    # a tag with its verb first ("recalls X, the village head"), and one that describes an unnamed speaker
    ("“Nobody came to help us,” recalls Amina Yusuf, the village head, sitting outside her house. “The army arrived "
     "three days later with 40 tents.”", "Amina Yusuf said: “The army arrived three days later with 40 tents.”"),
    ("“Prices fell 12 percent in a month,” says a senior trade ministry official, who asked not to be named. “Exports "
     "to Vietnam will double by March.”", "A senior trade ministry official said: “Exports to Vietnam will double by March.”"),
    # a role of several words before "at" ("chief economist at ..."), then "who ..."; a statement tagged after it
    ("“Exports have been falling,” said Maria Gonzalez, chief economist at Banco Andino, who is based in Lima. “Copper "
     "shipments dropped by a third this year.”", "Maria Gonzalez said: “Copper shipments dropped by a third this year.”"),
    ("Rising rents push families out of the centre, Okafor said. “Half of the flats on Lagos Island are now empty.”",
     "Okafor said: “Half of the flats on Lagos Island are now empty.”"),
    # (who the speaker is, never "who was in ..." read as a role)
    ("“We came all the way from Puerto Rico,” said Jose Ramirez, who was in New York with his family. “We will stay "
     "until Sunday.”", "Jose Ramirez said: “We will stay until Sunday.”"),
])
def test_a_sentence_all_quotation_takes_its_speaker_from_the_tag_beside_it(empty_db, text, said):
    claims.add_article(empty_db, id="beside", title="Beside", text=text)
    propose.propose(empty_db, "beside")
    assert said in [claim for (claim,) in empty_db.execute("SELECT claim FROM proposals")]


@pytest.mark.parametrize("sentence,proposed", [
    ("“It is a terrible thing you have done,” he said to the judge.", True),
    ("“Done,” he said. “You believe that hack over there and it is a shame.”", True),  # the tag of the one before
    ("“Mostly,” he said. “Are you aware the loan was paid off?”", False),
    ("“We will not leave this valley,” she said, raising her voice.", True),
    ("“Done,” he said.", False),  # a word or two claims nothing
    ("“Are you aware the loan was paid off?” he asked.", False),  # a question
    ("It was a cold and quiet morning in the capital.", False),
])
def test_a_quotation_whose_tag_names_no_one_is_proposed_in_its_own_words(empty_db, sentence, proposed):
    claims.add_article(empty_db, id="quoted", title="Quoted", text=sentence)
    propose.propose(empty_db, "quoted")
    rows = empty_db.execute("SELECT quote, claim FROM proposals").fetchall()
    assert bool(rows) == proposed, rows
    assert all(claim.rstrip(".") in sentence for _, claim in rows)  # never a speaker the sentence does not name

def spot_score(sentence):
    from checker.reading import spot
    return spot.score([sentence])[0]
