"""Exports: schema.org ClaimReview JSON-LD for publishing verdicts, and CSV for spreadsheets."""
import csv
import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO, TypeVar

from sqlite_utils import Database

from .store.db import require_rows

T = TypeVar("T")

# Our scale as schema.org numbers: 1 (worst) to 4 (best). unverifiable is not on the scale, so it
# carries only its words (alternateName); unrated claims are never exported (docs/verdicts.md#claimreview).
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
                    articles.publisher AS article_publisher, articles.published,
                    (SELECT min(changed_at) FROM workflow_history w
                     WHERE w.claim_id = claims.id AND w.to_status = 'published') AS first_published_at
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


def claim_page_url(base_url: str, claim_id: int) -> str:
    """Where a claim is published: its page in the workbench under ``base_url``."""
    return f"{base_url.rstrip('/')}/-/claim/{claim_id}"


def rating(verdict: str) -> dict[str, Any]:
    """A verdict as a schema.org Rating on our scale (RATINGS); unverifiable carries its words only."""
    value, words = RATINGS[verdict]
    rated: dict[str, Any] = {"@type": "Rating", "bestRating": BEST_RATING, "worstRating": WORST_RATING,
                             "alternateName": words}
    if value is not None:
        rated["ratingValue"] = value
    return rated


def claim_review(c: Mapping[str, Any], citations: list[dict[str, Any]], *, org_name: str, org_url: str | None,
                 url: str) -> dict[str, Any]:
    """One claim as ClaimReview JSON-LD: what it says (claimReviewed), where it appeared (the article, as the
    Claim's appearance), our rating, who reviewed it and when it was first published; ``c`` is a row of
    _claims and ``url`` the claim page's own address. The claim page and `checker export claimreview` both
    write it with this function."""
    person = {"@type": "Person", "name": c["author"]} if c["author"] else None
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": c["article_title"]}
    if c["article_url"]:
        appearance["url"] = c["article_url"]
    if c["published"]:
        appearance["datePublished"] = c["published"]
    if person:
        appearance["author"] = person
    item: dict[str, Any] = {"@type": "Claim", "appearance": [appearance]}
    if person:
        item["author"] = person
    if c["published"]:
        item["datePublished"] = c["published"]
    author: dict[str, Any] = {"@type": "Organization", "name": org_name}
    if org_url:
        author["url"] = org_url
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": c["claim"],
        "itemReviewed": item,
        "reviewRating": rating(c["verdict"]),
        "author": author,
        # first published; a claim exported before publication (--all-rated) is dated by its verdict
        "datePublished": (c["first_published_at"] or c["verdict_at"] or c["added_at"])[:10],
        "citation": citations,
    }
    if c["verdict_note"]:
        review["reviewBody"] = c["verdict_note"]
    return review


def claim_reviews(db: Database, *, claim_ids: Sequence[int] | None = None, org_name: str, org_url: str | None = None,
                  base_url: str, published_only: bool = True) -> list[dict[str, Any]]:
    """One ClaimReview per published claim (per rated claim unless ``published_only``), its url the claim's page
    under ``base_url``."""
    return [claim_review(c, _citations(db, c["id"]), org_name=org_name, org_url=org_url,
                         url=claim_page_url(base_url, c["id"]))
            for c in _claims(db, claim_ids)
            if c["verdict"] != "unrated" and (c["status"] == "published" or not published_only)]


def published_review(db: Database, claim_id: int, *, org_name: str, org_url: str | None,
                     url: str) -> dict[str, Any] | None:
    """The ClaimReview a published claim's page carries at ``url``; None for a claim not published."""
    [c] = _claims(db, [claim_id])
    if c["status"] != "published" or c["verdict"] == "unrated":
        return None
    return claim_review(c, _citations(db, c["id"]), org_name=org_name, org_url=org_url, url=url)


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
