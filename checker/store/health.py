"""The health rules, named where people will look for them. The database applies them (the trigger and
views below, made by the migrations, which keep frozen copies of their own; tests/test_health.py checks
that the database's are these); this module keeps each claim's stored health up to date with them.

- A source is **dead** after at least three consecutive failed checks spanning at least three days
  (as InternetArchiveBot judges links); an answer, or a block (a paywall, an anti-bot page,
  robots.txt, our address policy), ends a streak. `SOURCE_STATE` keeps each source's state.
- A link between a claim and a source says what the latest content **read** from the source says:
  live content while the source is not dead (an outage changes nothing), an archive capture once it
  is dead or when nothing live was ever read. A failed attempt leaves no evidence. `LINK_STATUS`.
- A claim is **unchecked** until one of its sources was read; **contradicted** when what was last
  read from one of its sources gives another figure or date than the claim (whatever the others
  say: sources that disagree need reading); **at risk** when a source that backed it no longer does,
  or when every source that backs it is dead and read only live; **supported** when a source that
  does not contradict it supports it; else **unsupported**. `CLAIM_HEALTH_NOW`.
"""
import time
from collections.abc import Callable, Mapping, Sequence

from sqlite_utils import Database

from .db import insert, iso_time, upsert

# A link's state as link_status gives it: (support, snippet, snapshot id).
LinkState = tuple[str | None, str | None, int | None]

SOURCE_STATE = """\
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
END"""

LINK_STATUS = """\
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
LEFT JOIN checks k ON k.id = e.check_id"""

CLAIM_HEALTH_NOW = """\
CREATE VIEW claim_health_now AS
SELECT
    claim_id,
    CASE
        WHEN count(evidence_id) = 0 THEN 'unchecked'
        WHEN sum(support = 'contradicts') > 0 THEN 'contradicted'
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
GROUP BY claim_id"""

RULES = {"checks_keep_source_state": SOURCE_STATE, "link_status": LINK_STATUS, "claim_health_now": CLAIM_HEALTH_NOW}
# For the review queue: a change for the worse between checked states.
RANK = {"supported": 2, "unsupported": 1, "at_risk": 0, "contradicted": 0}


def worsened(was: str, health: str, verdict: str) -> bool:
    """Whether a change of health is for the worse, and so for the review queue: down the ranks
    between checked states; or a claim's first reading contradicting it, unless its verdict already
    says it is inaccurate (a source that says otherwise is then what the verdict rests on)."""
    if was == "unchecked":
        return health == "contradicted" and verdict != "inaccurate"
    return was in RANK and health in RANK and RANK[health] < RANK[was]
UNCHECKED = ("unchecked", 0, None, 0, None)


def rules_in(db: Database) -> dict[str, str]:
    """{name: SQL} of the rules as this database holds them."""
    marks = ",".join("?" * len(RULES))
    return dict(db.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({marks})", list(RULES)).fetchall())


def snapshot_text(db: Database, snapshot_id: int | None) -> str | None:
    row = db.execute("SELECT text FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
    return row[0] if row else None


def snapshot_reading(db: Database, snapshot_id: int | None) -> tuple[str | None, str | None, str | None]:
    """(text, title, locale) of a snapshot, what the matcher reads; the locale ("en-NZ") is None when
    nothing said or the snapshot predates m014. All None when there is no such snapshot."""
    row = db.execute("SELECT text, title, locale FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
    return (row[0], row[1], row[2]) if row else (None, None, None)


def link_states(db: Database, source_id: int, claim_ids: Sequence[int]) -> dict[int, LinkState]:
    """{claim_id: (support, snippet, snapshot_id)} of each link to the source, as it stands now."""
    if not claim_ids:
        return {}
    rows = db.execute(
        f"SELECT claim_id, support, snippet, snapshot_id FROM link_status WHERE source_id = ?"
        f" AND claim_id IN ({','.join('?' * len(claim_ids))})", [source_id, *claim_ids]).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def refresh_health(db: Database, claim_ids: Sequence[int], *, source_id: int | None = None, outcome: str | None = None,
                   written: Mapping[int, tuple[int, str]] | None = None, before: Mapping[int, LinkState] | None = None,
                   describe_change: Callable[[str | None, str | None], str | None] | None = None) -> None:
    """Bring each claim's stored health up to what the rules read now; log every change with its cause:
    the source and outcome of the check, the link's support before and after, and how the words
    around it changed (``describe_change(old_snippet, new_text)``, given by whoever read the pages)."""
    if not claim_ids:
        return
    marks = ",".join("?" * len(claim_ids))
    now = {r[0]: tuple(r[1:]) for r in db.execute(
        "SELECT claim_id, health, supporting, latest_check_at, unreachable, unreachable_since"
        f" FROM claim_health_now WHERE claim_id IN ({marks})", list(claim_ids))}
    stored = dict(db.execute(f"SELECT claim_id, health FROM claim_health WHERE claim_id IN ({marks})", list(claim_ids)))
    verdicts = dict(db.execute(f"SELECT id, verdict FROM claims WHERE id IN ({marks})", list(claim_ids)))
    after = link_states(db, source_id, list(claim_ids)) if source_id is not None else {}
    for claim_id in claim_ids:
        if claim_id not in verdicts:
            continue
        health, supporting, latest_check_at, unreachable, unreachable_since = now.get(claim_id, UNCHECKED)
        was = stored.get(claim_id, "unchecked")
        row = {"claim_id": claim_id, "health": health, "verdict": verdicts[claim_id], "supporting": supporting,
               "latest_check_at": latest_check_at, "unreachable": unreachable, "unreachable_since": unreachable_since,
               "assessed_at": iso_time(time.time())}
        if health != was:
            old_support, old_snippet, old_snapshot = (before or {}).get(claim_id) or (None, None, None)
            new_support, _, new_snapshot = after.get(claim_id) or (None, None, None)
            diff = None
            if describe_change and old_snapshot is not None and new_snapshot is not None and old_snapshot != new_snapshot:
                diff = describe_change(old_snippet, snapshot_text(db, new_snapshot))
            row["last_change_id"] = insert(db, "claim_health_log", {
                "claim_id": claim_id, "health": health, "previous_health": was,
                "evidence_id": ((written or {}).get(claim_id) or (None,))[0],
                "source_id": source_id, "outcome": outcome,
                "support": new_support, "previous_support": old_support, "diff": diff,
            })
            row["worsened"] = int(worsened(was, health, verdicts[claim_id]))
        upsert(db, "claim_health", row, "claim_id")
