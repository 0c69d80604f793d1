"""m005: a link's support comes from what was last read, never from a failed attempt.

- source_state.unreachable_since: when the source's current run of unread checks began.
- evidence is append-only (each assessment a new row; the latest counts), so reassessing adds rows.
- link_status: the latest evidence from content actually read: live content while the source is
  not confirmed dead, an archive capture when it is (or when nothing live was ever read).
- claim_health_now: each claim's health by those rules; claim_health keeps a copy per claim, with
  how many of its sources cannot be reached now and since when (claim_status shows both).
Frozen, like every landed step."""
from . import migrations
from .rebuild import rebuilding
from .sql import NOW_MS, run

EVIDENCE = f"""
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
    CHECK (support = 'unreachable' OR snapshot_id IS NOT NULL)
)
"""

SCHEMA = """
CREATE INDEX evidence_check ON evidence(check_id);

ALTER TABLE source_state ADD COLUMN unreachable_since TEXT;
UPDATE source_state SET unreachable_since = (
    SELECT min(c.started_at) FROM checks c
    WHERE c.source_id = source_state.source_id AND c.via_archive = 0
      AND c.id > coalesce((SELECT max(g.id) FROM checks g WHERE g.source_id = source_state.source_id
                           AND g.via_archive = 0 AND g.outcome IN ('ok', 'not_modified')), 0))
WHERE latest_outcome NOT IN ('ok', 'not_modified');

-- dead: at least three consecutive failures spanning at least three days (as InternetArchiveBot);
-- an answer, or a block (paywall, anti-bot, robots.txt, our address policy), ends a streak.
-- unreachable_since: the first of the latest checks that read nothing (any outcome but ok, not_modified).
CREATE TRIGGER checks_keep_source_state AFTER INSERT ON checks WHEN NEW.via_archive = 0
BEGIN
    INSERT INTO source_state (source_id, state, latest_check_id, latest_outcome, latest_http_status,
                              latest_check_at, consecutive_failures, failing_since, unreachable_since)
    VALUES (
        NEW.source_id,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type') THEN 'alive'
             WHEN NEW.outcome IN ('blocked', 'robots_disallowed', 'refused_address') THEN 'blocked' ELSE 'failing' END,
        NEW.id, NEW.outcome, NEW.http_status, NEW.started_at,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type', 'blocked', 'robots_disallowed', 'refused_address') THEN 0 ELSE 1 END,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type', 'blocked', 'robots_disallowed', 'refused_address') THEN NULL ELSE NEW.started_at END,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified') THEN NULL ELSE NEW.started_at END
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
        unreachable_since = CASE WHEN excluded.unreachable_since IS NULL THEN NULL
                                 ELSE coalesce(source_state.unreachable_since, excluded.unreachable_since) END,
        state = CASE
            WHEN excluded.state <> 'failing' THEN excluded.state
            WHEN source_state.consecutive_failures + 1 >= 3
                 AND julianday(excluded.latest_check_at)
                     - julianday(coalesce(source_state.failing_since, excluded.latest_check_at)) >= 3 THEN 'dead'
            ELSE 'failing' END;
END;

-- Each link between a claim and a source, with the latest evidence from content that was read:
-- live content while the source is not confirmed dead (an outage changes nothing), an archive
-- capture once it is dead or when nothing live was ever read. Failed attempts leave no evidence.
CREATE VIEW link_status AS
SELECT
    cs.claim_id, cs.source_id, cs.relation, cs.passage, cs.note,
    e.id AS evidence_id, e.check_id, e.snapshot_id, e.support, e.score, e.snippet,
    e.facts_found, e.facts_missing, e.created_at AS assessed_at,
    k.started_at AS read_at,
    coalesce(k.via_archive, 0) AS read_from_archive,
    k.archive_url AS read_archive_url,
    k.outcome,
    coalesce(ss.state, 'unchecked') AS source_state,
    ss.latest_outcome, ss.latest_check_at, ss.unreachable_since,
    EXISTS (SELECT 1 FROM evidence p WHERE p.claim_id = cs.claim_id AND p.source_id = cs.source_id
            AND p.support = 'supports') AS ever_supported
FROM claim_sources cs
LEFT JOIN source_state ss ON ss.source_id = cs.source_id
LEFT JOIN evidence e ON e.id = (
    SELECT id FROM (
        SELECT x.id, x.check_id,
               CASE WHEN ss.state = 'dead' THEN xc.via_archive ELSE 1 - xc.via_archive END AS preferred
        FROM evidence x JOIN checks xc ON xc.id = x.check_id
        WHERE x.claim_id = cs.claim_id AND x.source_id = cs.source_id AND x.support <> 'unreachable')
    ORDER BY preferred DESC, check_id DESC, id DESC
    LIMIT 1)
LEFT JOIN checks k ON k.id = e.check_id;

-- A claim's health from its links (contradicting sources aside): unchecked until something was read;
-- at_risk when a link that supported it no longer does (its page changed), or when every link that
-- supports it rests on a live page now confirmed dead with no archive capture holding the facts;
-- supported when a link supports it; unsupported when content was read and none of it supports it.
CREATE VIEW claim_health_now AS
SELECT
    claim_id,
    CASE
        WHEN count(evidence_id) = 0 THEN 'unchecked'
        WHEN sum(backs AND ever_supported AND evidence_id IS NOT NULL AND support <> 'supports') > 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0 AND sum(backs AND support = 'supports' AND NOT lost) = 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0 THEN 'supported'
        ELSE 'unsupported'
    END AS health,
    coalesce(sum(backs AND support = 'supports' AND NOT lost), 0) AS supporting,
    max(latest_check_at) AS latest_check_at,
    coalesce(sum(unreachable_since IS NOT NULL), 0) AS unreachable,
    min(unreachable_since) AS unreachable_since
FROM (
    SELECT claim_id, evidence_id, support, ever_supported, latest_check_at, unreachable_since,
           relation <> 'contradicts' AS backs,
           (source_state = 'dead' AND read_from_archive = 0) AS lost
    FROM link_status
)
GROUP BY claim_id;

ALTER TABLE claim_health ADD COLUMN unreachable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claim_health ADD COLUMN unreachable_since TEXT;

CREATE VIEW claim_status AS
SELECT
    c.id AS claim_id,
    c.article_id,
    c.kind,
    c.claim,
    (SELECT count(*) FROM claim_sources WHERE claim_sources.claim_id = c.id) AS sources,
    coalesce(h.supporting, 0) AS supporting,
    coalesce(h.unreachable, 0) AS unreachable,
    h.unreachable_since,
    h.latest_check_at,
    coalesce(h.health, 'unchecked') AS health,
    c.verdict,
    c.verdict_note,
    c.verdict_at
FROM claims c LEFT JOIN claim_health h ON h.claim_id = c.id;

-- Health as these rules read the record now; a change made here is the rules', not the sources',
-- so it leaves the review queue rather than entering it.
UPDATE claim_health SET
    health = n.health, supporting = n.supporting, latest_check_at = n.latest_check_at,
    unreachable = n.unreachable, unreachable_since = n.unreachable_since,
    worsened = CASE WHEN n.health = claim_health.health THEN claim_health.worsened ELSE 0 END
FROM claim_health_now n WHERE n.claim_id = claim_health.claim_id;
"""


@migrations(transactional=False)
def m005_health_from_what_was_read(db):
    if "unreachable_since" in db["source_state"].columns_dict:
        return  # applied; only its record was lost (it runs outside the migrations' own transaction)
    with rebuilding(db) as schema:
        schema.retire("checks_keep_source_state", "link_status", "claim_status")
        schema.replace_table("evidence", EVIDENCE)
        run(db, SCHEMA)
