"""Exports: schema.org ClaimReview JSON-LD for publishing verdicts, and CSV for spreadsheets."""
import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO, TypeVar

from sqlite_utils import Database

from .store.db import require_rows

T = TypeVar("T")

# Our scale as schema.org numbers: 1 (worst) to 4 (best). unverifiable is not on the scale, so it
# carries only its words (alternateName); unrated claims are not exported.
RATINGS = {
    "accurate": (4, "Accurate"),
    "mostly_accurate": (3, "Mostly accurate"),
    "partly_accurate": (2, "Partly accurate"),
    "inaccurate": (1, "Inaccurate"),
    "unverifiable": (None, "Unverifiable"),
}
BEST_RATING, WORST_RATING = 4, 1


def _claims(db: Database, claim_ids: Sequence[int] | None) -> list[dict[str, Any]]:
    require_rows(db, "claims", claim_ids, "claim")
    sql = """SELECT claims.*, claim_status.health, claim_status.sources AS source_count,
                    claim_status.supporting, claim_status.latest_check_at,
                    articles.title AS article_title, articles.url AS article_url, articles.author,
                    articles.publisher AS article_publisher, articles.published
             FROM claims JOIN claim_status ON claim_status.claim_id = claims.id
             JOIN articles ON articles.id = claims.article_id"""
    params: list[int] = []
    if claim_ids:
        sql += f" WHERE claims.id IN ({','.join('?' * len(claim_ids))})"
        params = list(claim_ids)
    return [dict(r) for r in db.query(sql + " ORDER BY claims.id", params)]


def _citations(db: Database, claim_id: int) -> list[dict[str, Any]]:
    rows = db.query(
        """SELECT sources.url, sources.title, sources.publisher, claim_sources.relation,
                  source_health.archive_url, source_health.archive_timestamp
           FROM claim_sources JOIN sources ON sources.id = claim_sources.source_id
           LEFT JOIN source_health ON source_health.source_id = sources.id
           WHERE claim_sources.claim_id = ? ORDER BY claim_sources.relation = 'cited' DESC, sources.id""",
        [claim_id],
    )
    citations = []
    for r in rows:
        work: dict[str, Any] = {"@type": "CreativeWork", "url": r["url"]}
        if r["title"]:
            work["name"] = r["title"]
        if r["publisher"]:
            work["publisher"] = {"@type": "Organization", "name": r["publisher"]}
        if r["archive_url"]:
            work["archivedAt"] = r["archive_url"]
        citations.append(work)
    return citations


def claim_reviews(db: Database, *, claim_ids: Sequence[int] | None = None, org_name: str, org_url: str | None = None,
                  base_url: str) -> list[dict[str, Any]]:
    """One ClaimReview per rated claim."""
    reviews = []
    for c in _claims(db, claim_ids):
        if c["verdict"] == "unrated":
            continue
        value, words = RATINGS[c["verdict"]]
        rating: dict[str, Any] = {"@type": "Rating", "bestRating": BEST_RATING, "worstRating": WORST_RATING, "alternateName": words}
        if value is not None:
            rating["ratingValue"] = value
        appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": c["article_title"]}
        if c["article_url"]:
            appearance["url"] = c["article_url"]
        item: dict[str, Any] = {"@type": "Claim", "appearance": [appearance]}
        if c["author"]:
            item["author"] = {"@type": "Person", "name": c["author"]}
        if c["published"]:
            item["datePublished"] = c["published"]
        author: dict[str, Any] = {"@type": "Organization", "name": org_name}
        if org_url:
            author["url"] = org_url
        review: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base_url.rstrip('/')}/claims/claims/{c['id']}",
            "claimReviewed": c["claim"],
            "itemReviewed": item,
            "reviewRating": rating,
            "author": author,
            "datePublished": (c["verdict_at"] or c["added_at"])[:10],
            "citation": _citations(db, c["id"]),
        }
        if c["verdict_note"]:
            review["reviewBody"] = c["verdict_note"]
        reviews.append(review)
    return reviews


def write_claimreview(db: Database, out: TextIO, **kwargs: Any) -> int:
    reviews = claim_reviews(db, **kwargs)
    json.dump(reviews, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(reviews)


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): =HYPERLINK(...) in a
# claim would run in whoever opens the export. Such a text gets a leading single quote, which shows
# the text as written. Numbers (SQLite integers and reals) are never text, so a negative value stays
# a number: only text cells are escaped, and "-5" given as text is escaped like any other.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: T) -> T | str:
    """A CSV cell that no spreadsheet runs as a formula: text beginning with one of FORMULA_STARTS gets
    a leading single quote; numbers, None and other text are returned as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


CSV_COLUMNS = ["id", "article_id", "kind", "claim", "quote", "verdict", "verdict_note", "verdict_at",
               "health", "source_count", "supporting", "latest_check_at", "value", "unit", "date_start", "date_end"]


def write_csv(db: Database, out: TextIO, *, claim_ids: Sequence[int] | None = None) -> int:
    rows = _claims(db, claim_ids)
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({column: spreadsheet_safe(row[column]) for column in CSV_COLUMNS} for row in rows)
    return len(rows)
