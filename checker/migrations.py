"""Named, ordered, append-only schema steps; ``apply`` runs whatever is pending.

A step that has landed is never edited: change the schema by adding a step.
"""
from sqlite_utils.migrations import Migrations

from .vocab import ALIVE_OUTCOMES, BLOCKED_OUTCOMES, KINDS, LIVE_STATE_OUTCOMES, OUTCOMES, RELATIONS, VERDICTS, sql_list

migrations = Migrations("checker")

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


@migrations()
def m001_core_tables(db):
    db.executescript(f"""
    CREATE TABLE articles (
        id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
        title TEXT NOT NULL CHECK ({filled('title')}),
        author TEXT CHECK ({optional('author')}),
        publisher TEXT CHECK ({optional('publisher')}),
        published TEXT CHECK ({iso_date('published', partial=False)}),
        url TEXT CHECK (url IS NULL OR ({http_url('url')})),
        text TEXT NOT NULL CHECK ({filled('text')}),
        added_at TEXT NOT NULL DEFAULT {NOW}
    );

    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        quote TEXT NOT NULL CHECK ({filled('quote')}),
        claim TEXT NOT NULL CHECK ({filled('claim')}),
        kind TEXT NOT NULL CHECK (kind IN ({sql_list(KINDS)})),
        verdict TEXT NOT NULL DEFAULT 'unrated' CHECK (verdict IN ({sql_list(VERDICTS)})),
        verdict_note TEXT CHECK ({optional('verdict_note')}),
        verdict_at TEXT CHECK ({optional('verdict_at')}),
        verdict_by TEXT CHECK ({optional('verdict_by')}),
        value NUMERIC CHECK (value IS NULL OR typeof(value) IN ('integer', 'real')),
        unit TEXT CHECK ({optional('unit')}),
        date_start TEXT CHECK ({iso_date('date_start')}),
        date_end TEXT CHECK ({iso_date('date_end')}),
        added_at TEXT NOT NULL DEFAULT {NOW},
        added_by TEXT CHECK ({optional('added_by')}),
        seed_key TEXT UNIQUE CHECK ({optional('seed_key')}),
        CHECK ((value IS NULL) = (unit IS NULL)),
        CHECK (date_end IS NULL OR date_start IS NOT NULL),
        CHECK (date_end IS NULL OR substr(date_end, 1, min(length(date_start), length(date_end)))
               >= substr(date_start, 1, min(length(date_start), length(date_end))))
    );
    CREATE INDEX claims_article_id ON claims(article_id);
    CREATE INDEX claims_kind ON claims(kind);
    CREATE INDEX claims_verdict ON claims(verdict);

    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE CHECK ({http_url('url')}),
        title TEXT CHECK ({optional('title')}),
        publisher TEXT CHECK ({optional('publisher')}),
        added_at TEXT NOT NULL DEFAULT {NOW}
    );

    CREATE TABLE claim_sources (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        relation TEXT NOT NULL CHECK (relation IN ({sql_list(RELATIONS)})),
        passage TEXT CHECK ({optional('passage')}),
        note TEXT CHECK ({optional('note')}),
        added_at TEXT NOT NULL DEFAULT {NOW},
        PRIMARY KEY (claim_id, source_id)
    );
    CREATE INDEX claim_sources_source_id ON claim_sources(source_id);

    -- A claim quotes its article: held here so that every writer (CLI, Datasette, SQL) obeys it.
    CREATE TRIGGER claims_quote_in_article_insert BEFORE INSERT ON claims
    WHEN NEW.quote IS NOT NULL AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id)
         AND NOT {quote_in_article('NEW.quote', 'NEW.article_id')}
    BEGIN
        SELECT RAISE(ABORT, 'claims.quote must occur in the text of its article');
    END;
    CREATE TRIGGER claims_quote_in_article_update BEFORE UPDATE OF quote, article_id ON claims
    WHEN NEW.quote IS NOT NULL AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id)
         AND NOT {quote_in_article('NEW.quote', 'NEW.article_id')}
    BEGIN
        SELECT RAISE(ABORT, 'claims.quote must occur in the text of its article');
    END;
    CREATE TRIGGER articles_text_keeps_quotes BEFORE UPDATE OF text ON articles
    WHEN EXISTS (
        SELECT 1 FROM claims WHERE claims.article_id = NEW.id
        AND instr({squashed('NEW.text')}, {squashed('claims.quote')}) = 0
    )
    BEGIN
        SELECT RAISE(ABORT, 'articles.text must still contain the quote of every claim on it');
    END;
    """)


@migrations()
def m002_full_text_search(db):
    db["claims"].enable_fts(["quote", "claim", "verdict_note"], create_triggers=True)
    db["sources"].enable_fts(["title", "url"], create_triggers=True)


@migrations()
def m003_checks_and_snapshots(db):
    db.executescript(f"""
    CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        text_hash TEXT NOT NULL UNIQUE,
        content_type TEXT,
        title TEXT,
        canonical_url TEXT,
        text TEXT NOT NULL,
        body BLOB,
        body_encoding TEXT CHECK (body_encoding IN ('zlib')),
        body_bytes INTEGER,
        created_at TEXT NOT NULL DEFAULT {NOW}
    );

    CREATE TABLE checks (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
        requested_url TEXT NOT NULL,
        final_url TEXT,
        redirects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(redirects) AND json_type(redirects) = 'array'),
        http_status INTEGER CHECK (http_status IS NULL OR http_status BETWEEN 100 AND 599),
        outcome TEXT NOT NULL CHECK (outcome IN ({sql_list(OUTCOMES)})),
        error TEXT,
        content_type TEXT,
        bytes INTEGER,
        etag TEXT,
        last_modified TEXT,
        snapshot_id INTEGER REFERENCES snapshots(id),
        via_archive INTEGER NOT NULL DEFAULT 0 CHECK (via_archive IN (0, 1)),
        archive_url TEXT,
        archive_timestamp TEXT,
        CHECK (via_archive = 1 OR (archive_url IS NULL AND archive_timestamp IS NULL)),
        CHECK (outcome NOT IN ('ok', 'not_modified') OR snapshot_id IS NOT NULL)
    );
    CREATE INDEX checks_source_live ON checks(source_id, via_archive, id);
    CREATE INDEX checks_started_at ON checks(started_at);

    -- A check records what happened: it is never rewritten.
    CREATE TRIGGER checks_are_append_only BEFORE UPDATE ON checks
    BEGIN
        SELECT RAISE(ABORT, 'checks are append-only: record a new check instead');
    END;

    CREATE VIEW source_health AS
    WITH latest AS (
        SELECT source_id, max(id) AS check_id FROM checks WHERE via_archive = 0 GROUP BY source_id
    ),
    last_good AS (
        SELECT source_id, max(id) AS check_id FROM checks
        WHERE via_archive = 0 AND outcome IN ({sql_list(LIVE_STATE_OUTCOMES + BLOCKED_OUTCOMES)})
        GROUP BY source_id
    ),
    streak AS (
        SELECT checks.source_id, count(*) AS failures,
               min(checks.started_at) AS first_failure, max(checks.started_at) AS last_failure
        FROM checks LEFT JOIN last_good ON last_good.source_id = checks.source_id
        WHERE checks.via_archive = 0 AND checks.id > coalesce(last_good.check_id, 0)
        GROUP BY checks.source_id
    ),
    capture AS (
        SELECT source_id, max(id) AS check_id FROM checks
        WHERE via_archive = 1 AND outcome = 'ok' GROUP BY source_id
    )
    SELECT
        sources.id AS source_id,
        sources.url,
        CASE
            WHEN latest.check_id IS NULL THEN 'unchecked'
            WHEN c.outcome IN ({sql_list(LIVE_STATE_OUTCOMES)}) THEN 'alive'
            WHEN c.outcome IN ({sql_list(BLOCKED_OUTCOMES)}) THEN 'blocked'
            WHEN streak.failures >= 3
                 AND julianday(streak.last_failure) - julianday(streak.first_failure) >= 3 THEN 'dead'
            ELSE 'failing'
        END AS state,
        c.outcome AS latest_outcome,
        c.http_status AS latest_http_status,
        c.started_at AS latest_check_at,
        latest.check_id AS latest_check_id,
        coalesce(streak.failures, 0) AS consecutive_failures,
        streak.first_failure AS failing_since,
        a.archive_url,
        a.archive_timestamp
    FROM sources
    LEFT JOIN latest ON latest.source_id = sources.id
    LEFT JOIN checks c ON c.id = latest.check_id
    LEFT JOIN streak ON streak.source_id = sources.id
    LEFT JOIN capture ON capture.source_id = sources.id
    LEFT JOIN checks a ON a.id = capture.check_id;
    """)


def apply(db):
    """Apply every pending step, each in its own transaction."""
    migrations.apply(db)
