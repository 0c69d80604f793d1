"""The ledger: what a check leaves behind, written and never rewritten. A check's attempts and the
snapshot each read, the evidence matched from that content (one row per claim citing the source) and
the change of health it brings, all in one transaction. The matching happens before, elsewhere
(assessment.py); this module only records its results, so that nothing here reads a page."""
import hashlib
import json
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, cast

from sqlite_utils import Database

from .db import CheckRecord, SnapshotRecord, insert, iso_time, transaction
from .health import link_states, refresh_health
from .sources import title_from_check


class Reading(Protocol):
    """What the ledger keeps of one match (reading/match.py's SupportResult; the store does not read)."""

    support: str
    score: float
    facts_found: list[str]
    facts_missing: list[str]
    snippet: str
    facts_where: list[dict[str, str]]


def save_snapshot(db: Database, snapshot: SnapshotRecord) -> int:
    """The id of the snapshot holding this extracted text, storing it (body compressed) if new."""
    text_hash = hashlib.sha256(snapshot.text.encode("utf-8")).hexdigest()
    row = db.execute("SELECT id FROM snapshots WHERE text_hash = ?", [text_hash]).fetchone()
    if row:
        return cast(int, row[0])
    body = snapshot.body or b""
    return insert(db, "snapshots",
        {
            "text_hash": text_hash,
            "content_type": snapshot.content_type,
            "title": snapshot.title,
            "canonical_url": snapshot.canonical_url,
            "locale": snapshot.locale,
            "locale_from": snapshot.locale_from,
            "text": snapshot.text,
            "body": zlib.compress(body, 6),
            "body_encoding": "zlib",
            "body_bytes": len(body),
        })


def save_check(db: Database, source_id: int, attempt: CheckRecord) -> int:
    """Record one Attempt (and its snapshot) in one transaction; returns the check's id."""
    assert attempt.started_at is not None, "an attempt is recorded with the time it started"
    with transaction(db):
        snapshot_id = attempt.snapshot_id
        if attempt.snapshot is not None:
            snapshot_id = save_snapshot(db, attempt.snapshot)
        row = {
            "source_id": source_id,
            "started_at": iso_time(attempt.started_at),
            "finished_at": iso_time(attempt.started_at + attempt.elapsed_ms / 1000),
            "elapsed_ms": attempt.elapsed_ms,
            "requested_url": attempt.requested_url,
            "final_url": attempt.final_url,
            "redirects": json.dumps(attempt.redirects or []),
            "http_status": attempt.http_status,
            "outcome": attempt.outcome,
            "error": attempt.error,
            "content_type": attempt.content_type,
            "bytes": attempt.bytes,
            "etag": attempt.etag,
            "last_modified": attempt.last_modified,
            "snapshot_id": snapshot_id,
            "via_archive": 1 if attempt.via_archive else 0,
            "archive_url": attempt.archive_url,
            "archive_timestamp": attempt.archive_timestamp,
        }
        return insert(db, "checks", row)


def claims_citing(db: Database, source_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT claim_id FROM claim_sources WHERE source_id = ?", [source_id])]


def record_evidence(db: Database, check_id: int, source_id: int,
                    results: Iterable[tuple[Mapping[str, Any], Reading]]) -> dict[int, tuple[int, str]]:
    """Store one evidence row per result, for the content this check read; {claim_id: (id, support)}."""
    snapshot_id = db.execute("SELECT snapshot_id FROM checks WHERE id = ?", [check_id]).fetchone()[0]
    written: dict[int, tuple[int, str]] = {}
    for link, result in results:
        evidence_id = insert(db, "evidence", {
            "check_id": check_id,
            "claim_id": link["id"],
            "source_id": source_id,
            "snapshot_id": snapshot_id,
            "support": result.support,
            "score": result.score,
            "facts_found": json.dumps(result.facts_found),
            "facts_missing": json.dumps(result.facts_missing),
            "snippet": result.snippet or None,
            "facts_where": json.dumps(result.facts_where, ensure_ascii=False),
        })
        written[link["id"]] = (evidence_id, result.support)
    return written


def record_check(db: Database, source_id: int, attempts: Sequence[CheckRecord], read: int | None = None,
                 results: Iterable[tuple[Mapping[str, Any], Reading]] = (),
                 describe_change: Callable[[str | None, str | None], str | None] | None = None) -> list[int]:
    """Everything one check of a source leaves, in one transaction: its attempts, the evidence from the
    content attempt ``read`` got (matched beforehand into ``results``), and the health of every claim
    citing the source (``describe_change`` words how a passage's surroundings changed, for the log).
    Returns the checks' ids."""
    with transaction(db):
        claim_ids = claims_citing(db, source_id)
        before = link_states(db, source_id, claim_ids)
        check_ids = [save_check(db, source_id, attempt) for attempt in attempts]
        title_from_check(db, source_id, attempts)
        written = record_evidence(db, check_ids[read], source_id, results) if read is not None else {}
        refresh_health(db, claim_ids, source_id=source_id, outcome=attempts[0].outcome, written=written, before=before,
                       describe_change=describe_change)
    return check_ids
