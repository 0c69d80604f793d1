"""m009: what the workbench needs of the schema.

- link_removals: a source taken off a claim is recorded (who, when, why, and what the link said);
  its checks stay in the ledger. claim_sources rows go only through that record.
- review_queue and health_changes carry Atom columns (atom_id, atom_title, atom_updated, ...), so
  that a team can subscribe to /claims/review_queue.atom and /claims/health_changes.atom.
Frozen, like every landed step."""
from . import migrations
from .sql import NOW_MS, optional, run


# What a feed entry says of a change of health, and where it links (both views).
ATOM_CONTENT_AND_LINK = """c.claim || char(10) || 'Source: ' || coalesce(s.url, '(none)') || char(10)
            || 'Support: ' || coalesce(l.previous_support, 'none') || ' to ' || coalesce(l.support, 'none')
            || coalesce(char(10) || 'Change: ' || l.diff, '') AS atom_content,
        '/-/claim/' || c.id AS atom_link"""


@migrations()
def m009_workbench(db):
    run(db, f"""
    CREATE TABLE link_removals (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        relation TEXT NOT NULL,
        passage TEXT,
        note TEXT,
        removed_at TEXT NOT NULL DEFAULT {NOW_MS},
        removed_by TEXT CHECK ({optional('removed_by')}),
        reason TEXT CHECK ({optional('reason')})
    );
    CREATE INDEX link_removals_claim ON link_removals(claim_id, id);
    CREATE TRIGGER link_removals_never_rewritten BEFORE UPDATE ON link_removals
    BEGIN
        SELECT RAISE(ABORT, 'link_removals is a record of what happened: it is never rewritten');
    END;
    CREATE TRIGGER link_removals_never_deleted BEFORE DELETE ON link_removals
    BEGIN
        SELECT RAISE(ABORT, 'link_removals is a record of what happened: it is never deleted');
    END;
    -- A link leaves a claim only once its removal is on record (the row written just before).
    CREATE TRIGGER claim_sources_removed_on_record BEFORE DELETE ON claim_sources
    WHEN NOT EXISTS (SELECT 1 FROM link_removals r WHERE r.id = (SELECT max(id) FROM link_removals)
                     AND r.claim_id = OLD.claim_id AND r.source_id = OLD.source_id)
    BEGIN
        SELECT RAISE(ABORT, 'a source leaves a claim only through its removal: record it in link_removals first');
    END;

    DROP VIEW review_queue;
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
        l.diff,
        'checker:review:' || l.id AS atom_id,
        'Claim ' || c.id || ' (' || replace(c.verdict, '_', ' ') || '): ' || replace(l.previous_health, '_', ' ')
            || ' to ' || replace(l.health, '_', ' ') AS atom_title,
        l.changed_at AS atom_updated,
        {ATOM_CONTENT_AND_LINK}
    FROM claim_health h
    JOIN claim_health_log l ON l.id = h.last_change_id
    JOIN claims c ON c.id = h.claim_id
    LEFT JOIN sources s ON s.id = l.source_id
    WHERE h.worsened = 1
      AND julianday(l.changed_at) > coalesce(julianday(c.verdict_at), 0)
    ORDER BY l.changed_at DESC, l.id DESC;

    CREATE VIEW health_changes AS
    SELECT
        l.id,
        l.claim_id,
        c.claim,
        c.verdict,
        l.previous_health,
        l.health,
        l.changed_at,
        l.source_id,
        s.url AS source_url,
        l.outcome,
        l.previous_support,
        l.support,
        l.diff,
        'checker:health:' || l.id AS atom_id,
        'Claim ' || c.id || ': ' || replace(l.previous_health, '_', ' ') || ' to ' || replace(l.health, '_', ' ') AS atom_title,
        l.changed_at AS atom_updated,
        {ATOM_CONTENT_AND_LINK}
    FROM claim_health_log l
    JOIN claims c ON c.id = l.claim_id
    LEFT JOIN sources s ON s.id = l.source_id
    ORDER BY l.id DESC;
    """)
