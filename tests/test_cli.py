import sqlite3

import pytest

from .conftest import SEED_CLAIMS, dump, main

QUOTE = "US$630 million in 2008"


def test_init_creates_and_reruns(tmp_path, run):
    path = tmp_path / "new.db"
    result = run("init", "--db", str(path), db=None)
    assert result.exit_code == 0, result.output
    assert f"{SEED_CLAIMS} claims added" in result.output
    result = run("init", "--db", str(path), db=None)
    assert "0 claims added" in result.output


def test_init_empty(tmp_path, run):
    path = tmp_path / "empty.db"
    result = run("init", "--empty", "--db", str(path), db=None)
    assert result.exit_code == 0
    assert "0 articles" in result.output and "0 claims" in result.output


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
    (["verdict", "999", "accurate"], "no claim with id 999"),
    (["verdict", "1", "true"], "unknown verdict 'true'"),
    (["verdict", "1", ""], "unknown verdict ''"),
    (["show", "999"], "no claim with id 999"),
    (["claims", "--verdict", "maybe"], "unknown verdict 'maybe'"),
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


@pytest.mark.parametrize("command", [["claims"], ["show", "1"], ["verdict", "1", "accurate"], ["add-source", "1", "https://example.org/"], ["serve"]])
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
