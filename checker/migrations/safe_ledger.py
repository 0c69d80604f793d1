"""m006: a ledger nobody can rewrite, only http(s) addresses, only finite numbers.

- Every URL column holds an absolute http(s) URL or nothing (checks, source_state, snapshots),
  so that no stored value can become a javascript: link on a page.
- claims.value is a finite number, more than 0 for what counts things that exist (trade figures,
  meetings); the same claim (article, quote, restatement) cannot be recorded twice.
- checks, snapshots, evidence, verdict_history and claim_health_log are append-only: triggers
  refuse UPDATE and DELETE, whoever asks.
- A verdict changed without a stamp keeps the name its writer gave (verdict_by), not none.
Frozen, like every landed step."""
from . import migrations
from .rebuild import rebuilding
from .sql import NOW, NOW_MS, filled, http_url, iso_date, optional, run

# DBL_MAX: SQLite stores an overflowing literal (1e999) as Inf, which compares greater than this.
FINITE = "value IS NULL OR (typeof(value) IN ('integer', 'real') AND value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308)"


def web_url(column):
    return f"{column} IS NULL OR ({http_url(column)})"


CLAIMS = f"""
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    quote TEXT NOT NULL CHECK ({filled('quote')}),
    claim TEXT NOT NULL CHECK ({filled('claim')}),
    kind TEXT NOT NULL CHECK (kind IN ('trade_figure', 'visit_date', 'meeting_count', 'first_visit', 'attribution', 'quote', 'membership', 'title', 'historical', 'prediction', 'other')),
    verdict TEXT NOT NULL DEFAULT 'unrated' CHECK (verdict IN ('unrated', 'accurate', 'mostly_accurate', 'partly_accurate', 'inaccurate', 'unverifiable')),
    verdict_note TEXT CHECK ({optional('verdict_note')}),
    verdict_at TEXT CHECK ({optional('verdict_at')}),
    verdict_by TEXT CHECK ({optional('verdict_by')}),
    value NUMERIC CHECK ({FINITE}),
    unit TEXT CHECK ({optional('unit')}),
    date_start TEXT CHECK ({iso_date('date_start')}),
    date_end TEXT CHECK ({iso_date('date_end')}),
    added_at TEXT NOT NULL DEFAULT {NOW},
    added_by TEXT CHECK ({optional('added_by')}),
    seed_key TEXT UNIQUE CHECK ({optional('seed_key')}),
    CHECK ((value IS NULL) = (unit IS NULL)),
    CHECK (value IS NULL OR kind NOT IN ('trade_figure', 'meeting_count') OR value > 0),
    CHECK (date_end IS NULL OR date_start IS NOT NULL),
    CHECK (date_end IS NULL OR substr(date_end, 1, min(length(date_start), length(date_end)))
           >= substr(date_start, 1, min(length(date_start), length(date_end))))
)
"""

SNAPSHOTS = f"""
CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    text_hash TEXT NOT NULL UNIQUE,
    content_type TEXT,
    title TEXT,
    canonical_url TEXT CHECK ({web_url('canonical_url')}),
    text TEXT NOT NULL,
    body BLOB,
    body_encoding TEXT CHECK (body_encoding IN ('zlib')),
    body_bytes INTEGER,
    created_at TEXT NOT NULL DEFAULT {NOW}
)
"""

CHECKS = f"""
CREATE TABLE checks (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
    requested_url TEXT NOT NULL CHECK ({http_url('requested_url')}),
    final_url TEXT CHECK ({web_url('final_url')}),
    redirects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(redirects) AND json_type(redirects) = 'array'),
    http_status INTEGER CHECK (http_status IS NULL OR http_status BETWEEN 100 AND 599),
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'not_modified', 'soft_404', 'not_found', 'gone', 'blocked', 'rate_limited', 'server_error', 'timeout', 'dns_error', 'connection_error', 'tls_error', 'too_many_redirects', 'too_large', 'unsupported_type', 'robots_disallowed', 'refused_address', 'invalid_url')),
    error TEXT,
    content_type TEXT,
    bytes INTEGER,
    etag TEXT,
    last_modified TEXT,
    snapshot_id INTEGER REFERENCES snapshots(id),
    via_archive INTEGER NOT NULL DEFAULT 0 CHECK (via_archive IN (0, 1)),
    archive_url TEXT CHECK ({web_url('archive_url')}),
    archive_timestamp TEXT,
    CHECK (via_archive = 1 OR (archive_url IS NULL AND archive_timestamp IS NULL)),
    CHECK (outcome NOT IN ('ok', 'not_modified') OR snapshot_id IS NOT NULL)
)
"""

SOURCE_STATE = f"""
CREATE TABLE source_state (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('alive', 'failing', 'dead', 'blocked')),
    latest_check_id INTEGER NOT NULL,
    latest_outcome TEXT NOT NULL,
    latest_http_status INTEGER,
    latest_check_at TEXT NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    failing_since TEXT,
    archive_check_id INTEGER,
    archive_url TEXT CHECK ({web_url('archive_url')}),
    archive_timestamp TEXT,
    unreachable_since TEXT
)
"""

# Rows written before these rules: what no rule admits is dropped (a relative canonical link), never
# kept as something a page could render as a link.
CLEAN = f"""
UPDATE snapshots SET canonical_url = NULL WHERE NOT ({web_url('canonical_url')});
UPDATE checks SET final_url = NULL WHERE NOT ({web_url('final_url')});
UPDATE source_state SET archive_url = NULL WHERE NOT ({web_url('archive_url')});
"""

APPEND_ONLY = ("checks", "snapshots", "evidence", "verdict_history", "claim_health_log")

TRIGGERS = "\n".join(f"""
CREATE TRIGGER {table}_never_deleted BEFORE DELETE ON {table}
BEGIN
    SELECT RAISE(ABORT, '{table} is a record of what happened: it is never deleted');
END;""" + ("" if table == "checks" else f"""
CREATE TRIGGER {table}_never_rewritten BEFORE UPDATE ON {table}
BEGIN
    SELECT RAISE(ABORT, '{table} is a record of what happened: it is never rewritten');
END;""") for table in APPEND_ONLY) + f"""
-- A writer that changes the verdict without stamping it still moves verdict_at; verdict_by is whom
-- that same write named, or nobody.
CREATE TRIGGER claims_verdict_stamp AFTER UPDATE OF verdict, verdict_note ON claims
WHEN NEW.verdict_at IS OLD.verdict_at AND (OLD.verdict IS NOT NEW.verdict OR OLD.verdict_note IS NOT NEW.verdict_note)
BEGIN
    UPDATE claims SET verdict_at = {NOW_MS},
                      verdict_by = CASE WHEN NEW.verdict_by IS NOT OLD.verdict_by THEN NEW.verdict_by END
    WHERE id = NEW.id;
END;
CREATE TRIGGER claims_said_once BEFORE INSERT ON claims
WHEN EXISTS (SELECT 1 FROM claims c WHERE c.article_id = NEW.article_id AND c.quote = NEW.quote AND c.claim = NEW.claim)
BEGIN
    SELECT RAISE(ABORT, 'this article already has this claim with this quote');
END;
"""


@migrations(transactional=False)
def m006_safe_ledger(db):
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'claims_said_once'").fetchone():
        return  # applied; only its record was lost (it runs outside the migrations' own transaction)
    with rebuilding(db) as schema:
        run(db, CLEAN)
        schema.replace_table("claims", CLAIMS)
        schema.replace_table("snapshots", SNAPSHOTS)
        schema.replace_table("checks", CHECKS)
        schema.replace_table("source_state", SOURCE_STATE)
        schema.retire("claims_verdict_stamp")
        schema.put_back()  # the triggers on these tables first, then the new ones beside them
        run(db, TRIGGERS)
