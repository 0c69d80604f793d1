import re
import sqlite3
import time

import pytest

from checker.net.attempt import Attempt, Snapshot
from checker.check import save
from checker.store.claims import add_source

from .conftest import SEED_CLAIMS, dump, main

QUOTE = "US$630 million in 2008"
ARTICLE_TITLE = "Pakistan and Russia seek enhanced cooperation"
SUPPORTING = "Two-way trade between Russia and Pakistan reached US$630 million in 2008, the ministry said."
CAPTURE_URL = "https://web.archive.org/web/20120301000000id_/https://trade.example/report"
DAY = 86400


def test_init_creates_and_reruns(tmp_path, run):
    path = tmp_path / "new.db"
    result = run("init", "--db", str(path), db=None)
    assert result.exit_code == 0, result.output
    assert f"{SEED_CLAIMS} claims added" in result.output
    assert f"1 article, {SEED_CLAIMS} claims," in result.output
    result = run("init", "--db", str(path), db=None)
    assert "0 claims added" in result.output


def test_init_empty(tmp_path, run):
    path = tmp_path / "empty.db"
    result = run("init", "--empty", "--db", str(path), db=None)
    assert result.exit_code == 0
    assert result.output.strip().endswith(": 0 claims added; 0 articles, 0 claims, 0 sources, 0 links")


def test_add_article(tmp_path, run, db):
    text = tmp_path / "a.txt"
    text.write_text("The minister said exports rose to $5 billion in 2025.\n")
    result = run("add-article", "--id", "exports-2025", "--title", "Exports", "--url", "https://Example.org/exports",
                 "--author", "A. Writer", "--published", "2025-06-01", "--text-file", str(text))
    assert result.exit_code == 0, result.output
    article = db["articles"].get("exports-2025")
    assert article["url"] == "https://example.org/exports"
    assert article["published"] == "2025-06-01"


def test_add_claim_with_sources_and_passages(run, db):
    result = run(
        "add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "trade_figure",
        "--claim", "Trade reached US$630 million in 2008.", "--value", "630000000", "--unit", "USD",
        "--date-start", "2008",
        "--source", "https://example.org/a", "--passage", "630 million dollars",
        "--source", "https://example.org/b",
        "--source", "https://example.org/c", "--passage", "in 2008",
        "--by", "tester",
    )
    assert result.exit_code == 0, result.output
    claim_id = int(result.output.strip())
    claim = db["claims"].get(claim_id)
    assert (claim["value"], claim["unit"], claim["added_by"], claim["verdict"]) == (630000000, "USD", "tester", "unrated")
    links = db.execute(
        "select sources.url, relation, passage from claim_sources join sources on sources.id = source_id"
        " where claim_id = ? order by sources.url", [claim_id]).fetchall()
    assert links == [
        ("https://example.org/a", "cited", "630 million dollars"),
        ("https://example.org/b", "cited", None),
        ("https://example.org/c", "cited", "in 2008"),
    ]


def test_add_source_verdict_claims_show(run, db):
    result = run("add-source", "3", "https://example.org/report", "--relation", "contradicts",
                 "--passage", "trade was $500 million", "--title", "Report", "--note", "a later estimate")
    assert result.exit_code == 0, result.output
    source_id = int(result.output)
    assert db["claim_sources"].get((3, source_id))["relation"] == "contradicts"

    result = run("verdict", "3", "partly_accurate", "--note", "Sources disagree.", "--by", "editor")
    assert result.output.strip() == "claim 3: partly_accurate"
    claim = db["claims"].get(3)
    assert (claim["verdict"], claim["verdict_note"], claim["verdict_by"]) == ("partly_accurate", "Sources disagree.", "editor")

    result = run("claims", "--kind", "trade_figure")
    assert result.exit_code == 0
    assert result.output.count("trade_figure") == 3
    result = run("claims", "--verdict", "inaccurate", "--search", "Medvedev")
    assert "inaccurate" in result.output and "trade_figure" not in result.output
    result = run("claims", "--search", "zzzznothing")
    assert "no claims match" in result.output

    result = run("show", "3")
    assert result.exit_code == 0
    assert "US$630 million in 2008" in result.output
    assert "https://example.org/report" in result.output and "trade was $500 million" in result.output
    assert "health:     not checked yet: nothing read yet from its" in result.output


def test_add_claim_stores_the_articles_curly_apostrophe(run, db):
    result = run("add-claim", "--article", "pakistan-russia-2012", "--quote", "pakistan's  rapprochement with RUSSIA",
                 "--kind", "other", "--claim", "Pakistan is drawing closer to Russia.")
    assert result.exit_code == 0, result.output
    assert db["claims"].get(int(result.output))["quote"] == "Pakistan’s rapprochement with Russia"


def test_add_claim_with_source_titles(run, db):
    result = run(
        "add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "trade_figure",
        "--claim", "Trade reached US$630 million in 2008.",
        "--source", "https://example.org/a", "--source-title", "Trade report", "--passage", "630 million dollars",
        "--source", "https://example.org/b",
        "--source", "https://example.org/c", "--passage", "in 2008", "--source-title=Consulate page",
    )
    assert result.exit_code == 0, result.output
    links = db.execute(
        "select sources.url, sources.title, passage from claim_sources join sources on sources.id = source_id"
        " where claim_id = ? order by sources.url", [int(result.output)]).fetchall()
    assert links == [
        ("https://example.org/a", "Trade report", "630 million dollars"),
        ("https://example.org/b", None, None),
        ("https://example.org/c", "Consulate page", "in 2008"),
    ]


def checked_source(db, *, archive=False):
    """The 2008 trade claim with a source that backed it two days ago and could not be reached
    yesterday (its archive capture read instead, with archive)."""
    claim_id = db.execute("select id from claims where seed_key = 'trade-2008'").fetchone()[0]
    url = "https://trade.example/report"
    source_id = add_source(db, claim_id, url, passage="reached US$630 million in 2008")
    ok = Attempt(requested_url=url, started_at=time.time() - 2 * DAY, elapsed_ms=5, outcome="ok")
    ok.snapshot = Snapshot(text=SUPPORTING, body=SUPPORTING.encode(), title="Russia-Pakistan trade report")
    down = Attempt(requested_url=url, started_at=time.time() - DAY, elapsed_ms=5, outcome="connection_error",
                   error="connection refused")
    save(db, {"id": source_id, "url": url}, [ok] if not archive else [down])
    attempts = [down]
    if archive:
        capture = Attempt(requested_url=url, started_at=time.time() - DAY, elapsed_ms=5, outcome="ok", via_archive=True,
                          archive_url=CAPTURE_URL, archive_timestamp="20120301000000")
        capture.snapshot = Snapshot(text=SUPPORTING, body=SUPPORTING.encode())
        attempts.append(capture)
    save(db, {"id": source_id, "url": url}, attempts)
    return claim_id, source_id


def day_of(seconds):
    day = time.gmtime(seconds)
    return f"{day.tm_mday} {time.strftime('%b %Y', day)}"


def test_show_a_claim_after_a_check(run, db):
    claim_id, source_id = checked_source(db)
    sources = db["claim_sources"].count_where("claim_id = ?", [claim_id])
    out = run("show", str(claim_id)).output
    assert f"from “{ARTICLE_TITLE}” [pakistan-russia-2012]" in out
    assert "  figure:     US$630 million\n" in out and "  dates:      2008\n" in out
    assert "630000000" not in out
    assert (f"  health:     supported: 1 of {sources} sources backs it now; 1 could not be reached since "
            f"{day_of(time.time() - DAY)}\n") in out
    assert f"\n{sources} sources:\n" in out
    block = out[out.index(f"[{source_id}] supports: Russia-Pakistan trade report"):]
    assert "      https://trade.example/report\n" in block
    assert (f"      state:    could not be reached, latest check: could not connect, on {day_of(time.time() - DAY)}"
            f" {time.strftime('%H:%M', time.gmtime(time.time() - DAY))} UTC; could not be reached since"
            f" {day_of(time.time() - DAY)}\n") in block
    assert re.search(rf"      evidence: backs it \(\d+\), read from the page on {day_of(time.time() - 2 * DAY)} \d\d:\d\d UTC\n", block)
    assert "      facts:    ✓ " in block and "  ✓ 2008  ✓ Russia  ✓ Pakistan\n" in block
    assert '      snippet:  "' in block and "US$630 million in 2008" in block
    assert "      names:    Russia: " in block and "\n                Pakistan: " in block  # where each name was found
    assert '      passage:  "reached US$630 million in 2008"\n' in block
    assert f"                where it was read is not recorded; checked on {day_of(time.time())}\n" in block


def test_show_evidence_read_from_an_archive_capture(run, db):
    claim_id, source_id = checked_source(db, archive=True)
    out = run("show", str(claim_id)).output
    block = out[out.index(f"[{source_id}] supports: "):]
    assert f"evidence: backs it" in block and f"read from an archive capture ({CAPTURE_URL}) on" in block


def test_show_figures_and_dates_as_people_write_them(run):
    result = run("add-claim", "--article", "pakistan-russia-2012", "--quote", "US$92 million in 2003", "--kind", "other",
                 "--claim", "c", "--value", "92000000", "--unit", "USD", "--date-start", "2012-02-07",
                 "--date-end", "2012-02-09")
    out = run("show", result.output.strip()).output
    assert "  figure:     US$92 million\n" in out and "  dates:      7-9 February 2012\n" in out
    assert "92000000" not in out and "2012-02-07" not in out
    assert "\n0 sources:\n" in out and "health:     not checked yet: it has no sources" in out


def test_claims_by_health(run, db):
    claim_id, _ = checked_source(db)
    out = run("claims", "--health", "supported").output
    assert re.search(rf"^ +{claim_id} +trade_figure +\w+ +supported ", out, re.M)
    assert out.rstrip().endswith("\n1 claim")
    out = run("claims", "--health", "unchecked").output
    assert out.rstrip().endswith(f"\n{SEED_CLAIMS - 1} claims")
    assert len(re.findall(r"^ +\d+ +\w+ +\w+ +unchecked +\d+ ", out, re.M)) == SEED_CLAIMS - 1
    assert "no claims match" in run("claims", "--health", "at_risk").output
    assert "health" in run("claims").output.splitlines()[0]


@pytest.mark.parametrize("columns", [80, 100, 160])
def test_claims_wrap_to_the_terminal_instead_of_cutting(run, db, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    out = run("claims").output
    assert "…" not in out
    assert max(len(line) for line in out.splitlines()) <= columns
    squashed = "".join(out.split())  # a wrapped claim's lines follow each other, the other cells blank
    for (claim,) in db.execute("select claim from claims").fetchall():
        assert "".join(claim.split()) in squashed
    longest = max(db.execute("select claim from claims").fetchall(), key=lambda r: len(r[0]))[0]
    assert len(longest) > columns  # so the table must wrap it
    assert longest.split()[-1] in out


BAD_INPUT = [
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", "", "--kind", "other", "--claim", "c"], "quote must not be empty"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", "Russia invaded Canada", "--kind", "other", "--claim", "c"], "does not occur in the text"),
    (["add-claim", "--article", "no-such-article", "--quote", QUOTE, "--kind", "other", "--claim", "c"], "no article with id 'no-such-article'"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "rumour", "--claim", "c"], "unknown kind 'rumour'"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--source", "ftp://example.org/x"], "invalid URL"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--source", "https://example.org/x", "--source", "https://EXAMPLE.org/x"], "already cites"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--passage", "orphan"], "must follow the --source"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--value", "lots", "--unit", "USD"], "not a number"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--value", "5"], "value and unit go together"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--date-start", "March 2012"], "not a date"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", ""], "claim must not be empty"),
    (["add-source", "999", "https://example.org/x"], "no claim with id 999"),
    (["add-source", "1", "javascript:alert(1)"], "invalid URL"),
    (["add-source", "1", "https://example.org/x", "--relation", "endorses"], "unknown relation 'endorses'"),
    (["add-source", "1", "http://www.rusconsulkarachi.mid.ru/RUSSIA-PAKISTAN.htm"], "already cites"),
    (["add-source", "1", "HTTP://WWW.rusconsulkarachi.mid.ru:80/RUSSIA-PAKISTAN.htm#top"], "already cites"),
    (["add-source", "1", "https://example.org/x", "--passage", "words", "--passage-read-in", "memory"],
     "unknown passage read in 'memory': expected one of live_page, stored_copy, archive_capture"),
    (["add-source", "1", "https://example.org/x", "--passage-read-in", "live_page"], "and there is no passage"),
    (["add-source", "1", "https://example.org/x", "--passage", "words", "--passage-read-in", "archive_capture"],
     "needs the capture's own address"),
    (["add-source", "1", "https://example.org/x", "--passage", "words", "--passage-read-in", "archive_capture",
      "--passage-found-at", "https://EXAMPLE.org/x#top"], "needs the capture's own address"),
    (["verdict", "999", "accurate"], "no claim with id 999"),
    (["verdict", "1", "true"], "unknown verdict 'true'"),
    (["verdict", "1", ""], "unknown verdict ''"),
    (["show", "999"], "no claim with id 999"),
    (["claims", "--verdict", "maybe"], "unknown verdict 'maybe'"),
    (["claims", "--health", "maybe"], "unknown health 'maybe': expected one of supported, contradicted, at_risk, unsupported, unchecked"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", "Russia invaded Canada", "--kind", "other", "--claim", "c"],
     f"quote 'Russia invaded Canada' does not occur in the text of “{ARTICLE_TITLE}”"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--source-title", "T"], "each --source-title must follow the --source"),
    (["add-claim", "--article", "pakistan-russia-2012", "--quote", QUOTE, "--kind", "other", "--claim", "c", "--source", "https://example.org/x",
      "--source-title", "T", "--source-title", "U"], "each --source-title must follow the --source"),
    (["add-claim", "--article", "pakistan-russia-2012"], "Missing option '--quote'"),
]


@pytest.mark.parametrize("args,message", BAD_INPUT)
def test_bad_input_one_line_nonzero_nothing_written(db_path, capsys, args, message):
    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main([*args, "--db", str(db_path)])
    assert e.value.code != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Error: "), err
    assert message in err
    assert dump(db_path) == before


def test_add_source_says_where_its_passage_was_read(run, db):
    capture = "https://web.archive.org/web/2012/https://example.org/gone"
    run("add-source", "3", "https://example.org/gone", "--passage", "trade reached $630 million",
        "--passage-read-in", "archive_capture", "--passage-found-at", capture)
    run("add-source", "3", "https://example.org/live", "--passage", "trade reached $630 million",
        "--passage-read-in", "live_page")
    assert db.execute("select url, passage_read_in, passage_found_at from claim_sources join sources on id = source_id"
                      " where claim_id = 3 and url like 'https://example.org/%' order by url").fetchall() == [
        ("https://example.org/gone", "archive_capture", capture),
        ("https://example.org/live", "live_page", "https://example.org/live")]
    out = run("show", "3").output
    assert f"read in an archive capture at {capture} on " in out and "read on the live page on " in out
    assert "read in a stored copy kept under the page's own address on 5 Dec 2026" in out  # the seed's


def test_bad_article_input(tmp_path, db_path, capsys):
    text = tmp_path / "t.txt"
    text.write_text("Some text.\n")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    before = dump(db_path)
    for args, message in [
        (["--id", "pakistan-russia-2012", "--title", "T", "--url", "https://example.org/", "--text-file", str(text)], "already exists"),
        (["--id", "Bad Id", "--title", "T", "--url", "https://example.org/", "--text-file", str(text)], "lower-case"),
        (["--id", "ok", "--title", " ", "--url", "https://example.org/", "--text-file", str(text)], "title must not be empty"),
        (["--id", "ok", "--title", "T", "--url", "file:///etc/passwd", "--text-file", str(text)], "invalid URL"),
        (["--id", "ok", "--title", "T", "--url", "https://example.org/", "--published", "21/03/2012", "--text-file", str(text)], "not a date"),
        (["--id", "ok", "--title", "T", "--url", "https://example.org/", "--text-file", str(blank)], "article text must not be empty"),
        (["--id", "ok", "--title", "T", "--url", "https://example.org/", "--text-file", str(binary)], "is not text in any encoding"),
    ]:
        with pytest.raises(SystemExit) as e:
            main(["add-article", *args, "--db", str(db_path)])
        assert e.value.code != 0
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and message in err, err
    assert dump(db_path) == before


@pytest.mark.parametrize("command", [["claims"], ["show", "1"], ["verdict", "1", "accurate"], ["add-source", "1", "https://example.org/"], ["serve"],
                                     ["propose", "an-article"], ["proposals"], ["accept", "1"], ["reject", "1", "--reason", "x"], ["reopen", "1"]])
def test_missing_or_foreign_database(tmp_path, capsys, command):
    missing = tmp_path / "missing.db"
    with pytest.raises(SystemExit) as e:
        main([*command, "--db", str(missing)])
    assert e.value.code == 1
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()

    foreign = tmp_path / "foreign.db"
    foreign.write_bytes(b"PK\x03\x04 this is a zip file, not SQLite" * 20)
    before = foreign.read_bytes()
    with pytest.raises(SystemExit) as e:
        main([*command, "--db", str(foreign)])
    assert e.value.code == 1
    assert "is not an SQLite database" in capsys.readouterr().err
    assert foreign.read_bytes() == before


def test_db_from_environment(db_path, monkeypatch, capsys):
    monkeypatch.setenv("CHECKER_DB", str(db_path))
    main(["show", "1"])
    assert "two-way trade" in capsys.readouterr().out


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "windows-1251", "koi8-r"])
def test_article_text_in_any_encoding(tmp_path, db_path, encoding):
    text = "Товарооборот между Россией и Пакистаном в 2008 году составил 630 млн долларов."
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    main(["add-article", "--id", "ru", "--title", "T", "--url", "https://example.org/ru", "--text-file", str(path),
          "--db", str(db_path)])
    conn = sqlite3.connect(db_path)
    assert conn.execute("select text from articles where id = 'ru'").fetchone()[0] == text
    conn.close()


TOO_LARGE = str(2**64)  # past SQLite's 64-bit integers
TOO_SMALL = str(-2**63 - 1)
LARGEST = str(2**63 - 1)  # SQLite holds it; no row has it

# Every command that takes an id: (command, options, arguments), with the id in its place. Each id
# that names nothing, however large, is "no ... with id ...", exit 1, one line
ID_COMMANDS = [
    (["show"], [], ["{id}"], "claim"),
    (["verdict"], ["--note", "n"], ["{id}", "accurate"], "claim"),
    (["add-source"], [], ["{id}", "https://example.org/x"], "claim"),
    (["check"], ["--claim", "{id}"], [], "claim"),
    (["check"], ["--source", "{id}"], [], "source"),
    (["reassess"], ["--claim", "{id}"], [], "claim"),
    (["export", "csv"], ["--claim", "{id}"], [], "claim"),
    (["export", "claimreview"], ["--claim", "{id}"], [], "claim"),
    (["accept"], [], ["{id}"], "proposal"),
    (["reject"], ["--reason", "x"], ["{id}"], "proposal"),
    (["reopen"], [], ["{id}"], "proposal"),
]


@pytest.mark.parametrize("number", [TOO_LARGE, TOO_SMALL, LARGEST, "99999999999999999999999999999999999999"])
@pytest.mark.parametrize("command,options,arguments,what", ID_COMMANDS,
                         ids=[" ".join(c + o[:1]) for c, o, _, _ in ID_COMMANDS])
def test_ids_beyond_sqlite_are_not_found(db_path, capsys, command, options, arguments, what, number):
    before = dump(db_path)
    # "--" lets a negative id stand as an argument rather than read as an option
    argv = [*command, *options, "--db", "{db}", "--", *arguments]
    with pytest.raises(SystemExit) as e:
        main([word.format(id=number, db=db_path) for word in argv])
    assert e.value.code == 1
    assert capsys.readouterr().err == f"Error: no {what} with id {number}\n"
    assert dump(db_path) == before


# Values outside an option's range, non-finite ones included: one line, exit 2, nothing written
OUT_OF_RANGE = [
    (["check", "--timeout", "inf"], "'--timeout': 'inf' is not a finite number of seconds"),
    (["check", "--timeout", "-inf"], "'--timeout': '-inf' is not a finite number of seconds"),
    (["check", "--timeout", "nan"], "'--timeout': 'nan' is not a finite number of seconds"),
    (["check", "--timeout", "1e12"], "'--timeout': 1000000000000.0 is not in the range 0.1<=x<=600"),
    (["check", "--timeout", "0"], "'--timeout': 0.0 is not in the range 0.1<=x<=600"),
    (["check", "--min-interval", "NaN"], "'--min-interval': 'NaN' is not a finite number of seconds"),
    (["check", "--min-interval", "-1"], "'--min-interval': -1.0 is not in the range 0<=x<=600"),
    (["check", "--min-interval", "601"], "'--min-interval': 601.0 is not in the range 0<=x<=600"),
    (["check", "--concurrency", "257"], "'--concurrency': 257 is not in the range 1<=x<=256"),
    (["check", "--concurrency", "99999999999999999999"], "'--concurrency': 99999999999999999999 is not in the range"),
    (["check", "--max-bytes", "0"], "'--max-bytes': 0 is not in the range 1<=x<=1073741824"),
    (["check", "--max-bytes", "1e3"], "'--max-bytes': '1e3' is not a valid integer"),
    (["check", "--retries", "-1"], "'--retries': -1 is not in the range 0<=x<=10"),
    (["check", "--retries", "11"], "'--retries': 11 is not in the range 0<=x<=10"),
    (["check", "--max-retry-wait", "inf"], "'--max-retry-wait': 'inf' is not a finite number of seconds"),
    (["check", "--max-retry-wait", "3601"], "'--max-retry-wait': 3601.0 is not in the range 0<=x<=3600"),
    (["check", "--turn-timeout", "infinity"], "'--turn-timeout': 'infinity' is not a finite number of seconds"),
    (["check", "--turn-timeout", "0.5"], "'--turn-timeout': 0.5 is not in the range 1<=x<=86400"),
    (["check", "--stale-after", "99999999999d"], "'--stale-after': duration '99999999999d' is not within 0s to 3650d"),
    (["check", "--stale-after", "3651d"], "'--stale-after': duration '3651d' is not within 0s to 3650d"),
    (["serve", "--recheck-every", "99999999999d"], "'--recheck-every': duration '99999999999d' is not within 1m to 365d"),
    (["serve", "--recheck-every", "1s"], "'--recheck-every': duration '1s' is not within 1m to 365d"),
    (["serve", "--port", "0"], "'--port': 0 is not in the range 1<=x<=65535"),
    (["serve", "--port", "65536"], "'--port': 65536 is not in the range 1<=x<=65535"),
]


@pytest.mark.parametrize("args,message", OUT_OF_RANGE, ids=[" ".join(a) for a, _ in OUT_OF_RANGE])
def test_options_out_of_range_one_line_exit_2(db_path, capsys, args, message):
    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main([*args, "--db", str(db_path)])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"Error: Invalid value for {message}"), err
    assert dump(db_path) == before


def sparse(path, size):
    with open(path, "wb") as f:
        f.truncate(size)  # its size, without writing it
    return path


@pytest.mark.parametrize("make,message", [
    (lambda tmp: "/dev/zero", "/dev/zero holds more than 10 MB: checker reads at most that much from a file"),
    (lambda tmp: sparse(tmp / "big.txt", 11 * 1024 * 1024), "big.txt is 11 MB: checker reads at most 10 MB from a file"),
    (lambda tmp: (tmp / "long.txt").write_text("word " * 500_000) and tmp / "long.txt",
     "the article's text is 2,499,999 characters: checker keeps at most 2,000,000"),
], ids=["/dev/zero", "a file over 10 MB", "a text over 2,000,000 characters"])
def test_add_article_refuses_a_text_past_the_limits(tmp_path, db_path, capsys, make, message):
    before = dump(db_path)
    with pytest.raises(SystemExit) as e:
        main(["add-article", "--id", "big", "--title", "T", "--url", "https://example.org/big", "--text-file",
              make(tmp_path), "--db", db_path])
    assert e.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("Error: ") and message in err
    assert dump(db_path) == before


def test_spot_refuses_dev_zero(capsys):
    with pytest.raises(SystemExit) as e:
        main(["spot", "/dev/zero"])
    assert e.value.code == 1
    assert capsys.readouterr().err == "Error: /dev/zero holds more than 10 MB: checker reads at most that much from a file\n"


# What starting the command line may load: click, the group, its options and the shared base they
# need. No storage (sqlite-utils, migrations), no HTTP, no page or sentence reading, no Datasette.
HEAVY = ("requests", "sqlite_utils", "datasette", "bs4", "rapidfuzz", "checker.store", "checker.reading",
         "checker.pages", "checker.net.fetch", "checker.migrations", "checker.web")


@pytest.mark.parametrize("code", [
    "import checker.cli",
    "from checker.cli import cli; cli(['--help'], standalone_mode=False)",
    "from checker.cli import cli; cli(['--version'], standalone_mode=False)",
])
def test_starting_loads_no_heavy_layer(code):
    import json
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", f"{code}\nimport json, sys; print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True).stdout
    loaded = json.loads(out.splitlines()[-1])
    assert not [m for m in loaded if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]


def test_the_help_lists_each_command_as_its_own_help_begins():
    """`checker --help` lists the commands from the group's table without importing them; each line
    must be what the command's own help would give, at any width."""
    import click

    from checker.cli import COMMANDS, cli
    from checker.cli.options import CheckerGroup

    ctx = click.Context(cli)
    fresh = CheckerGroup(lazy_commands=COMMANDS)  # none of its commands loaded yet
    listed = {limit: {name: fresh.listed_help(ctx, name, limit) for name in COMMANDS} for limit in (30, 45, 80, 1000)}
    assert not fresh.commands
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        for limit in listed:
            assert listed[limit][name] == command.get_short_help_str(limit), name


def test_the_library_names_load_on_first_use():
    import checker
    from checker.store.claims import add_claim

    assert checker.add_claim is add_claim
    assert set(checker.__all__) <= set(dir(checker))
    assert checker.__version__
    with pytest.raises(AttributeError):
        checker.no_such_name
