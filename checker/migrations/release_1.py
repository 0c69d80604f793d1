"""The first release's schema: articles, claims, sources, checks, evidence, health and verdict history.

Frozen: these steps landed, so they never change (checker/migrations/__init__.py says why)."""
from . import migrations
from .sql import NOW, NOW_MS, filled, http_url, iso_date, optional, quote_in_article, squashed


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
        kind TEXT NOT NULL CHECK (kind IN ('trade_figure', 'visit_date', 'meeting_count', 'first_visit', 'attribution', 'quote', 'membership', 'title', 'historical', 'prediction', 'other')),
        verdict TEXT NOT NULL DEFAULT 'unrated' CHECK (verdict IN ('unrated', 'accurate', 'mostly_accurate', 'partly_accurate', 'inaccurate', 'unverifiable')),
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
        relation TEXT NOT NULL CHECK (relation IN ('cited', 'supports', 'contradicts', 'context')),
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
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'not_modified', 'soft_404', 'not_found', 'gone', 'blocked', 'rate_limited', 'server_error', 'timeout', 'dns_error', 'connection_error', 'tls_error', 'too_many_redirects', 'too_large', 'unsupported_type', 'robots_disallowed', 'refused_address', 'invalid_url')),
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

    -- Each source's standing, kept up to date by the trigger below as checks are recorded, so that
    -- reading it never means scanning the whole history.
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
        archive_url TEXT,
        archive_timestamp TEXT
    );
    CREATE INDEX source_state_state ON source_state(state);

    -- dead: at least three consecutive failures spanning at least three days (as InternetArchiveBot);
    -- an answer, or a block (paywall, anti-bot, robots.txt, our address policy), ends a streak.
    CREATE TRIGGER checks_keep_source_state AFTER INSERT ON checks WHEN NEW.via_archive = 0
    BEGIN
        INSERT INTO source_state (source_id, state, latest_check_id, latest_outcome, latest_http_status,
                                  latest_check_at, consecutive_failures, failing_since)
        VALUES (
            NEW.source_id,
            CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type') THEN 'alive'
                 WHEN NEW.outcome IN ('blocked', 'robots_disallowed', 'refused_address') THEN 'blocked' ELSE 'failing' END,
            NEW.id, NEW.outcome, NEW.http_status, NEW.started_at,
            CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type', 'blocked', 'robots_disallowed', 'refused_address') THEN 0 ELSE 1 END,
            CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type', 'blocked', 'robots_disallowed', 'refused_address') THEN NULL ELSE NEW.started_at END
        )
        ON CONFLICT (source_id) DO UPDATE SET
            latest_check_id = excluded.latest_check_id,
            latest_outcome = excluded.latest_outcome,
            latest_http_status = excluded.latest_http_status,
            latest_check_at = excluded.latest_check_at,
            consecutive_failures = CASE WHEN excluded.consecutive_failures = 0 THEN 0
                                        ELSE source_state.consecutive_failures + 1 END,
            failing_since = CASE WHEN excluded.consecutive_failures = 0 THEN NULL
                                 ELSE coalesce(source_state.failing_since, excluded.failing_since) END,
            state = CASE
                WHEN excluded.state <> 'failing' THEN excluded.state
                WHEN source_state.consecutive_failures + 1 >= 3
                     AND julianday(excluded.latest_check_at)
                         - julianday(coalesce(source_state.failing_since, excluded.latest_check_at)) >= 3 THEN 'dead'
                ELSE 'failing' END;
    END;
    CREATE TRIGGER checks_keep_archive_capture AFTER INSERT ON checks
    WHEN NEW.via_archive = 1 AND NEW.outcome = 'ok'
    BEGIN
        UPDATE source_state SET archive_check_id = NEW.id, archive_url = NEW.archive_url,
               archive_timestamp = NEW.archive_timestamp
        WHERE source_id = NEW.source_id;
    END;

    CREATE VIEW source_health AS
    SELECT
        sources.id AS source_id,
        sources.url,
        coalesce(s.state, 'unchecked') AS state,
        s.latest_outcome,
        s.latest_http_status,
        s.latest_check_at,
        s.latest_check_id,
        coalesce(s.consecutive_failures, 0) AS consecutive_failures,
        s.failing_since,
        s.archive_url,
        s.archive_timestamp
    FROM sources LEFT JOIN source_state s ON s.source_id = sources.id;
    """)




@migrations()
def m004_evidence_health_and_verdict_history(db):
    db.executescript(f"""
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        snapshot_id INTEGER REFERENCES snapshots(id),
        support TEXT NOT NULL CHECK (support IN ('supports', 'partial', 'missing', 'unreachable')),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
        facts_found TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facts_found) AND json_type(facts_found) = 'array'),
        facts_missing TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facts_missing) AND json_type(facts_missing) = 'array'),
        snippet TEXT,
        created_at TEXT NOT NULL DEFAULT {NOW_MS},
        UNIQUE (check_id, claim_id),
        CHECK (support = 'unreachable' OR snapshot_id IS NOT NULL)
    );
    CREATE INDEX evidence_link ON evidence(claim_id, source_id, check_id);
    CREATE TRIGGER evidence_source_is_the_checks BEFORE INSERT ON evidence
    WHEN NEW.source_id IS NOT (SELECT source_id FROM checks WHERE id = NEW.check_id)
    BEGIN
        SELECT RAISE(ABORT, 'evidence.source_id must be the source of its check');
    END;

    CREATE TABLE claim_health_log (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL DEFAULT {NOW_MS},
        health TEXT NOT NULL CHECK (health IN ('supported', 'at_risk', 'unsupported', 'unchecked')),
        previous_health TEXT NOT NULL CHECK (previous_health IN ('supported', 'at_risk', 'unsupported', 'unchecked')),
        evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
        source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('ok', 'not_modified', 'soft_404', 'not_found', 'gone', 'blocked', 'rate_limited', 'server_error', 'timeout', 'dns_error', 'connection_error', 'tls_error', 'too_many_redirects', 'too_large', 'unsupported_type', 'robots_disallowed', 'refused_address', 'invalid_url')),
        support TEXT CHECK (support IS NULL OR support IN ('supports', 'partial', 'missing', 'unreachable')),
        previous_support TEXT CHECK (previous_support IS NULL OR previous_support IN ('supports', 'partial', 'missing', 'unreachable')),
        diff TEXT,
        CHECK (health <> previous_health)
    );
    CREATE INDEX claim_health_log_claim ON claim_health_log(claim_id, id);

    CREATE TABLE verdict_history (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL,
        changed_by TEXT,
        from_verdict TEXT CHECK (from_verdict IS NULL OR from_verdict IN ('unrated', 'accurate', 'mostly_accurate', 'partly_accurate', 'inaccurate', 'unverifiable')),
        to_verdict TEXT NOT NULL CHECK (to_verdict IN ('unrated', 'accurate', 'mostly_accurate', 'partly_accurate', 'inaccurate', 'unverifiable')),
        note TEXT
    );
    CREATE INDEX verdict_history_claim ON verdict_history(claim_id, id);
    INSERT INTO verdict_history (claim_id, changed_at, changed_by, from_verdict, to_verdict, note)
        SELECT id, coalesce(verdict_at, added_at), verdict_by, 'unrated', verdict, verdict_note
        FROM claims WHERE verdict <> 'unrated';

    -- Every change of verdict or note is kept, whoever writes it (CLI, Datasette, SQL).
    CREATE TRIGGER claims_verdict_history AFTER UPDATE OF verdict, verdict_note ON claims
    WHEN OLD.verdict IS NOT NEW.verdict OR OLD.verdict_note IS NOT NEW.verdict_note
    BEGIN
        INSERT INTO verdict_history (claim_id, changed_at, changed_by, from_verdict, to_verdict, note)
        VALUES (
            NEW.id,
            CASE WHEN NEW.verdict_at IS NOT OLD.verdict_at AND NEW.verdict_at IS NOT NULL
                 THEN NEW.verdict_at ELSE {NOW_MS} END,
            CASE WHEN NEW.verdict_at IS NOT OLD.verdict_at OR NEW.verdict_by IS NOT OLD.verdict_by
                 THEN NEW.verdict_by END,
            OLD.verdict, NEW.verdict, NEW.verdict_note
        );
    END;
    -- A writer that changes the verdict without stamping it (a raw edit) still moves verdict_at.
    CREATE TRIGGER claims_verdict_stamp AFTER UPDATE OF verdict, verdict_note ON claims
    WHEN NEW.verdict_at IS OLD.verdict_at AND (OLD.verdict IS NOT NEW.verdict OR OLD.verdict_note IS NOT NEW.verdict_note)
    BEGIN
        UPDATE claims SET verdict_at = {NOW_MS}, verdict_by = NULL WHERE id = NEW.id;
    END;

    -- The latest evidence for each link between a claim and a source.
    CREATE VIEW link_status AS
    SELECT
        cs.claim_id, cs.source_id, cs.relation, cs.passage, cs.note,
        e.id AS evidence_id, e.check_id, e.snapshot_id, e.support, e.score, e.snippet,
        e.facts_found, e.facts_missing, e.created_at AS assessed_at,
        EXISTS (SELECT 1 FROM evidence p WHERE p.claim_id = cs.claim_id AND p.source_id = cs.source_id
                AND p.support = 'supports') AS ever_supported,
        (SELECT outcome FROM checks WHERE checks.id = e.check_id) AS outcome
    FROM claim_sources cs
    LEFT JOIN evidence e ON e.id = (
        SELECT x.id FROM evidence x WHERE x.claim_id = cs.claim_id AND x.source_id = cs.source_id
        ORDER BY x.check_id DESC LIMIT 1);

    -- Each claim's health as last assessed (checker check and reassess keep it), and its last change.
    CREATE TABLE claim_health (
        claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
        health TEXT NOT NULL CHECK (health IN ('supported', 'at_risk', 'unsupported', 'unchecked')),
        verdict TEXT NOT NULL,  -- the claim's, copied so that counts by verdict and health read one index
        supporting INTEGER NOT NULL DEFAULT 0,
        latest_check_at TEXT,
        last_change_id INTEGER REFERENCES claim_health_log(id) ON DELETE SET NULL,
        worsened INTEGER NOT NULL DEFAULT 0 CHECK (worsened IN (0, 1)),
        assessed_at TEXT NOT NULL DEFAULT {NOW_MS}
    );
    CREATE INDEX claim_health_health ON claim_health(health);
    CREATE INDEX claim_health_verdict_health ON claim_health(verdict, health);
    CREATE TRIGGER claims_verdict_to_health AFTER UPDATE OF verdict ON claims
    BEGIN
        UPDATE claim_health SET verdict = NEW.verdict WHERE claim_id = NEW.id;
    END;
    CREATE INDEX claim_health_worsened ON claim_health(claim_id) WHERE worsened = 1;

    CREATE VIEW claim_status AS
    SELECT
        c.id AS claim_id,
        c.article_id,
        c.kind,
        c.claim,
        (SELECT count(*) FROM claim_sources WHERE claim_sources.claim_id = c.id) AS sources,
        coalesce(h.supporting, 0) AS supporting,
        h.latest_check_at,
        coalesce(h.health, 'unchecked') AS health,
        c.verdict,
        c.verdict_note,
        c.verdict_at
    FROM claims c LEFT JOIN claim_health h ON h.claim_id = c.id;

    -- Claims whose latest change of health was for the worse and came after their verdict.
    CREATE VIEW review_queue AS
    SELECT
        c.id AS claim_id,
        c.claim,
        c.verdict,
        c.verdict_at,
        l.previous_health,
        l.health,
        l.changed_at,
        l.source_id,
        s.url AS source_url,
        l.outcome,
        l.previous_support,
        l.support,
        l.diff
    FROM claim_health h
    JOIN claim_health_log l ON l.id = h.last_change_id
    JOIN claims c ON c.id = h.claim_id
    LEFT JOIN sources s ON s.id = l.source_id
    WHERE h.worsened = 1
      AND julianday(l.changed_at) > coalesce(julianday(c.verdict_at), 0)
    ORDER BY l.changed_at DESC, l.id DESC;
    """)
