"""Sources: the rows of cited and found pages, how a typed source becomes one, and which to check."""
import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from sqlite_utils import Database

from .db import CheckRecord, require_rows
from .rows import SourceFields, SourceToCheck
from ..text import clean
from ..urls import normalise_url
from ..vocab import ALIVE_OUTCOMES


def source_row(source: Mapping[str, Any]) -> SourceFields:
    """The sources row for a dict with ``url`` and optionally ``title`` and ``publisher``."""
    return {
        "url": normalise_url(source.get("url")),
        "title": clean(source.get("title")),
        "publisher": clean(source.get("publisher")),
    }


def ensure_source(db: Database, row: SourceFields) -> int:
    """The id of the source with this URL, inserting it (or filling its blanks) as needed."""
    existing = list(db["sources"].rows_where("url = ?", [row["url"]]))
    if not existing:
        return cast(int, db.table("sources").insert(dict(row)).last_pk)
    found = existing[0]
    blanks = {k: v for k, v in row.items() if v is not None and found.get(k) is None}
    if blanks:
        db.table("sources").update(found["id"], blanks)
    return cast(int, found["id"])


def title_from_check(db: Database, source_id: int, attempts: Iterable[CheckRecord]) -> None:
    """Give a source nobody titled the title of the page a check read (live first, else an archive
    capture of it); a title someone gave is never overwritten. Runs inside the check's transaction."""
    for attempt in attempts:
        if attempt.outcome not in ALIVE_OUTCOMES:
            continue
        if attempt.snapshot is not None:
            title = attempt.snapshot.title
        elif attempt.snapshot_id is not None:  # a 304: the title of the page already held
            row = db.execute("SELECT title FROM snapshots WHERE id = ?", [attempt.snapshot_id]).fetchone()
            title = row[0] if row else None
        else:
            continue
        title = clean(" ".join((title or "").split()))
        if title:
            db.execute("UPDATE sources SET title = ? WHERE id = ? AND title IS NULL", [title, source_id])
            return


def select_sources(db: Database, *, claims: Sequence[int] = (), sources: Sequence[int] = (),
                   articles: Sequence[str] = (), stale_after: datetime.timedelta | None = None,
                   now: datetime.datetime | None = None) -> list[SourceToCheck]:
    """The sources to check, each with what the last good check left (etag, snapshot) and its citation date.

    Claims, sources and articles that do not exist are refused before anything is chosen."""
    require_rows(db, "claims", claims, "claim")
    require_rows(db, "sources", sources, "source")
    require_rows(db, "articles", articles, "article")
    where: list[str] = []
    params: list[object] = []
    picks = []
    if claims:
        picks.append(f"sources.id IN (SELECT source_id FROM claim_sources WHERE claim_id IN ({','.join('?' * len(claims))}))")
        params += list(claims)
    if sources:
        picks.append(f"sources.id IN ({','.join('?' * len(sources))})")
        params += list(sources)
    if articles:
        picks.append(
            "sources.id IN (SELECT source_id FROM claim_sources JOIN claims ON claims.id = claim_id"
            f" WHERE claims.article_id IN ({','.join('?' * len(articles))}))"
        )
        params += list(articles)
    if picks:
        where.append("(" + " OR ".join(picks) + ")")
    if stale_after is not None:
        cutoff = (now or datetime.datetime.now(datetime.timezone.utc)) - stale_after
        where.append(
            "coalesce((SELECT max(started_at) FROM checks WHERE checks.source_id = sources.id AND via_archive = 0), '') < ?"
        )
        params.append(cutoff.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
    sql = f"""
        SELECT sources.id, sources.url,
            (SELECT min(articles.published) FROM claim_sources
             JOIN claims ON claims.id = claim_sources.claim_id
             JOIN articles ON articles.id = claims.article_id
             WHERE claim_sources.source_id = sources.id) AS cited_on,
            good.etag, good.last_modified, good.snapshot_id
        FROM sources
        LEFT JOIN checks good ON good.id = (
            SELECT max(id) FROM checks
            WHERE source_id = sources.id AND via_archive = 0 AND snapshot_id IS NOT NULL
              AND outcome IN ('ok', 'not_modified'))
        {'WHERE ' + ' AND '.join(where) if where else ''}
        ORDER BY sources.id
    """
    return [cast(SourceToCheck, dict(r)) for r in db.query(sql, params)]
