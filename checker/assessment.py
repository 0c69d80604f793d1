"""Assessment: each claim against its source's latest snapshot (the evidence rows), each claim's health
from its links, and every change of health logged (the review queue reads that log)."""
import difflib
import functools
import json
import re
import time

from rapidfuzz import fuzz

from .db import iso_time, require_rows, transaction
from .facts import index_page
from .match import assess

DIFF_CONTEXT = 6  # words of unchanged text kept around each change


@functools.lru_cache(maxsize=64)
def _page(text):
    return index_page(text)


def page_for(db, snapshot_id):
    if snapshot_id is None:
        return None
    row = db.execute("SELECT text FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
    return _page(row[0]) if row else None


def effective_snapshot(db, source_id, live_check_id):
    """The snapshot a source stands on now: the live check's, else the latest good archive capture."""
    live = db.execute("SELECT snapshot_id, outcome FROM checks WHERE id = ?", [live_check_id]).fetchone()
    if live and live[0] is not None and live[1] in ("ok", "not_modified"):
        return live[0]
    row = db.execute(
        "SELECT snapshot_id FROM checks WHERE source_id = ? AND via_archive = 1 AND outcome = 'ok'"
        " AND snapshot_id IS NOT NULL ORDER BY id DESC LIMIT 1",
        [source_id],
    ).fetchone()
    return row[0] if row else None


# A claim's health from the latest evidence of each of its links (contradicting sources aside):
# at_risk when a link that supported it no longer does, or when every source that supports it is
# failing or dead; supported when a link supports it; unsupported when checked and never supported.
HEALTH_SQL = """
WITH links AS (
    SELECT ls.claim_id, ls.relation <> 'contradicts' AS backs, ls.support, ls.check_id, ls.ever_supported,
           coalesce(ss.state, 'unchecked') AS source_state, ss.latest_check_at
    FROM link_status ls LEFT JOIN source_state ss ON ss.source_id = ls.source_id
    WHERE ls.claim_id IN ({marks})
)
SELECT claim_id,
    CASE
        WHEN count(check_id) = 0 THEN 'unchecked'
        WHEN sum(backs AND ever_supported AND support IS NOT 'supports') > 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0
             AND sum(backs AND support = 'supports' AND source_state NOT IN ('failing', 'dead')) = 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0 THEN 'supported'
        ELSE 'unsupported'
    END AS health,
    coalesce(sum(backs AND support = 'supports'), 0) AS supporting,
    max(latest_check_at) AS latest_check_at
FROM links GROUP BY claim_id
"""
RANK = {"supported": 2, "unsupported": 1, "at_risk": 0}


def health_of(db, claim_ids):
    """{claim_id: (health, supporting, latest_check_at)} computed now from the evidence."""
    if not claim_ids:
        return {}
    rows = db.execute(HEALTH_SQL.format(marks=",".join("?" * len(claim_ids))), list(claim_ids)).fetchall()
    found = {r[0]: tuple(r[1:]) for r in rows}
    return {c: found.get(c, ("unchecked", 0, None)) for c in claim_ids}


def logged_health(db, claim_id):
    row = db.execute("SELECT health FROM claim_health WHERE claim_id = ?", [claim_id]).fetchone()
    return row[0] if row else "unchecked"


def worse(before, after):
    """A change for the worse between checked states (a first result is not a worsening)."""
    return before in RANK and after in RANK and RANK[after] < RANK[before]


def store_health(db, claim_id, verdict, health, supporting, latest_check_at, change_id=None, worsened=None):
    changes = {"health": health, "verdict": verdict, "supporting": supporting, "latest_check_at": latest_check_at,
               "assessed_at": iso_time(time.time())}
    if change_id is not None:
        changes.update(last_change_id=change_id, worsened=int(bool(worsened)))
    db["claim_health"].upsert({"claim_id": claim_id, **changes}, pk="claim_id")


def word_diff(before, after):
    """A short word-level diff: unchanged words trimmed, changes as [-old-] {+new+}."""
    a, b = before.split(), after.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            words = a[i1:i2]
            if not out and len(words) > DIFF_CONTEXT:  # before the first change
                words = ["…"] + words[-DIFF_CONTEXT:]
            elif i2 == len(a) and len(words) > DIFF_CONTEXT:  # after the last change
                words = words[:DIFF_CONTEXT] + ["…"]
            elif len(words) > 2 * DIFF_CONTEXT:
                words = words[:DIFF_CONTEXT] + ["…"] + words[-DIFF_CONTEXT:]
            out.extend(words)
        else:
            if i2 > i1:
                out.append("[-" + " ".join(a[i1:i2]) + "-]")
            if j2 > j1:
                out.append("{+" + " ".join(b[j1:j2]) + "+}")
    text = " ".join(out)
    return text if len(text) <= 600 else text[:597] + "…"


def surroundings_diff(old_snippet, new_page):
    """How the text around an old snippet reads in the new snapshot, as a word diff."""
    old = re.sub(r"^…|…$", "", old_snippet or "").strip()
    if not old or new_page is None:
        return None
    found = fuzz.partial_ratio_alignment(old.lower(), new_page.text)
    if not found or found.score < 40:
        return "[-" + old + "-] (the passage's surroundings are no longer on the page)"
    new = new_page.display[found.dest_start:found.dest_end]
    return word_diff(old, new) if new != old else None


def assess_link(db, check_id, claim, source_id, passage, snapshot_id):
    """Compute and store (or replace) the evidence of one claim against one check; returns its id and support."""
    result = assess(claim, passage, page_for(db, snapshot_id))
    row = {
        "check_id": check_id,
        "claim_id": claim["id"],
        "source_id": source_id,
        "snapshot_id": snapshot_id if result.support != "unreachable" else None,
        "support": result.support,
        "score": result.score,
        "facts_found": json.dumps(result.facts_found),
        "facts_missing": json.dumps(result.facts_missing),
        "snippet": result.snippet or None,
    }
    db.execute(
        """INSERT INTO evidence (check_id, claim_id, source_id, snapshot_id, support, score, facts_found, facts_missing, snippet)
        VALUES (:check_id, :claim_id, :source_id, :snapshot_id, :support, :score, :facts_found, :facts_missing, :snippet)
        ON CONFLICT (check_id, claim_id) DO UPDATE SET
            snapshot_id = excluded.snapshot_id, support = excluded.support, score = excluded.score,
            facts_found = excluded.facts_found, facts_missing = excluded.facts_missing,
            snippet = excluded.snippet, created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')""",
        row,
    )
    evidence_id = db.execute("SELECT id FROM evidence WHERE check_id = ? AND claim_id = ?", [check_id, claim["id"]]).fetchone()[0]
    return evidence_id, result.support


def previous_evidence(db, claim_id, source_id, before_check_id):
    row = db.execute(
        "SELECT support, snippet, snapshot_id FROM evidence WHERE claim_id = ? AND source_id = ? AND check_id < ?"
        " ORDER BY check_id DESC LIMIT 1",
        [claim_id, source_id, before_check_id],
    ).fetchone()
    return row


def links_of_source(db, source_id, claim_ids=None):
    sql = """SELECT claims.*, claim_sources.passage AS link_passage FROM claim_sources
             JOIN claims ON claims.id = claim_sources.claim_id WHERE claim_sources.source_id = ?"""
    params = [source_id]
    if claim_ids:
        sql += f" AND claims.id IN ({','.join('?' * len(claim_ids))})"
        params += list(claim_ids)
    return [dict(r) for r in db.query(sql, params)]


def assess_source(db, source_id, check_id, claim_ids=None):
    """After a check of a source: evidence for every claim citing it, then any change of health logged."""
    snapshot_id = effective_snapshot(db, source_id, check_id)
    outcome = db.execute("SELECT outcome FROM checks WHERE id = ?", [check_id]).fetchone()[0]
    with transaction(db):
        links = links_of_source(db, source_id, claim_ids)
        before = {link["id"]: previous_evidence(db, link["id"], source_id, check_id) for link in links}
        written = {}
        for link in links:
            written[link["id"]] = assess_link(db, check_id, link, source_id, link["link_passage"], snapshot_id)
        verdicts = {link["id"]: link["verdict"] for link in links}
        now = health_of(db, list(written))
        for claim_id, (evidence_id, new_support) in written.items():
            was = logged_health(db, claim_id)
            health, supporting, latest_check_at = now[claim_id]
            if health == was:
                store_health(db, claim_id, verdicts[claim_id], health, supporting, latest_check_at)
                continue
            support, snippet, old_snapshot = before[claim_id] or (None, None, None)
            diff = None
            if old_snapshot is not None and snapshot_id is not None and old_snapshot != snapshot_id:
                diff = surroundings_diff(snippet, page_for(db, snapshot_id))
            change_id = db["claim_health_log"].insert(
                {
                    "claim_id": claim_id,
                    "health": health,
                    "previous_health": was,
                    "evidence_id": evidence_id,
                    "source_id": source_id,
                    "outcome": outcome,
                    "support": new_support,
                    "previous_support": support,
                    "diff": diff,
                }
            ).last_pk
            store_health(db, claim_id, verdicts[claim_id], health, supporting, latest_check_at, change_id, worse(was, health))
    return written


def reassess(db, claim_ids=None):
    """Recompute the evidence of every link from stored snapshots (no network); returns links assessed."""
    require_rows(db, "claims", claim_ids, "claim")
    sql = """SELECT DISTINCT claim_sources.source_id,
                (SELECT max(id) FROM checks WHERE checks.source_id = claim_sources.source_id AND via_archive = 0)
             FROM claim_sources"""
    params = []
    if claim_ids:
        sql += f" WHERE claim_sources.claim_id IN ({','.join('?' * len(claim_ids))})"
        params = list(claim_ids)
    count = 0
    for source_id, check_id in db.execute(sql, params).fetchall():
        if check_id is not None:
            count += len(assess_source(db, source_id, check_id, claim_ids))
    return count
