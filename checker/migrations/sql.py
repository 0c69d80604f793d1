"""SQL fragments the migrations build their constraints from.

Landed migrations call these, so each must keep meaning what it meant: to change a rule, add a new
function for the new steps instead of editing one that is in use."""
import sqlite3

WHITESPACE = "' ' || char(9) || char(10) || char(13) || char(160)"
NOW = "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"


def filled(column):
    """SQL: the column holds something other than whitespace (web forms send '')."""
    return f"trim({column}, {WHITESPACE}) <> ''"


def optional(column):
    """SQL: NULL, or a real value (never an empty string)."""
    return f"{column} IS NULL OR {filled(column)}"


def squashed(expr):
    """SQL: expr with every whitespace character removed, for whitespace-insensitive matching."""
    for ch in ("' '", "char(9)", "char(10)", "char(13)", "char(160)"):
        expr = f"replace({expr}, {ch}, '')"
    return expr


def iso_date(column, partial=True):
    """SQL: an ISO date; partial spellings (2008, 2003-02) allowed when partial."""
    # '+0 days' makes SQLite roll an impossible day over (2012-02-30 -> 2012-03-01).
    full = f"date({column}, '+0 days') IS {column}"
    if not partial:
        return f"{column} IS NULL OR {full}"
    year = f"{column} GLOB '[0-9][0-9][0-9][0-9]'"
    month = f"(length({column}) = 7 AND date({column} || '-01', '+0 days') IS {column} || '-01')"
    return f"{column} IS NULL OR {year} OR {month} OR {full}"


def http_url(column):
    """SQL: an absolute http(s) URL with a host and no whitespace."""
    return (
        f"({column} GLOB 'http://?*' OR {column} GLOB 'https://?*') "
        f"AND {column} NOT GLOB '*[' || {WHITESPACE} || ']*'"
    )


def quote_in_article(quote, article_id):
    """SQL: the quote occurs in its article's text, whitespace ignored."""
    return (
        f"EXISTS (SELECT 1 FROM articles WHERE articles.id = {article_id} "
        f"AND instr({squashed('articles.text')}, {squashed(quote)}) > 0)"
    )
def in_text(quote, text):
    """SQL: the quote occurs in the text, whitespace ignored; word for word tried first, since squashing
    copies the whole text and a long article's quotes are nearly always there as written."""
    return f"(instr({text}, {quote}) > 0 OR instr({squashed(text)}, {squashed(quote)}) > 0)"


def occurs_in_article(quote, article_id):
    """SQL: what quote_in_article says, at the cost of one scan of the text when the quote is there
    word for word."""
    return f"EXISTS (SELECT 1 FROM articles WHERE articles.id = {article_id} AND {in_text(quote, 'articles.text')})"


NOW_MS = "(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"


def statements(script):
    """The statements of an SQL script, one by one (triggers whole), for running inside a transaction:
    sqlite3's executescript would commit whatever transaction is open first."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending.strip()
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:80]}")


def run(db, script):
    for statement in statements(script):
        db.execute(statement)


def a_record(table):
    """SQL: the two triggers that keep a history table as a record of what happened, never rewritten or
    deleted (the words every such table's triggers have said since m009)."""
    return f"""CREATE TRIGGER {table}_never_rewritten BEFORE UPDATE ON {table}
    BEGIN
        SELECT RAISE(ABORT, '{table} is a record of what happened: it is never rewritten');
    END;
    CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON {table}
    BEGIN
        SELECT RAISE(ABORT, '{table} is a record of what happened: it is never deleted');
    END;"""
