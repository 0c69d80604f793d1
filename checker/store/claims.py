"""Add, link, rate and read articles, claims and sources: the library behind every writer."""
import getpass
import json
import math
import os
import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from sqlite_utils import Database

from .db import iso_time, transaction
from .fields import Fields, written_number
from .health import refresh_health
from ..errors import (
    CheckerError, DuplicateClaim, DuplicateLink, InvalidInput, NotFound, QuoteNotInArticle, TooLargeInput,
)
from ..limits import MAX_TEXT_CHARS
from .rows import (
    ArticleRow, ArticleTitle, ClaimDetail, ClaimRow, ClaimSource, ClaimStatus, ClaimSummary, SourceFields,
)
from .sources import ensure_source, source_row
from ..text import clean, find_in_article, is_partial_date, quote_stops
from ..units import unit_as_written
from ..urls import normalise_url
from ..vocab import HEALTHS, KINDS, PASSAGE_READ_IN, POSITIVE_KINDS, RELATIONS, VERDICTS


def now() -> str:
    return iso_time(time.time())


def current_user() -> str | None:
    """Who is writing: $CHECKER_USER, else the login name."""
    try:
        return os.environ.get("CHECKER_USER") or getpass.getuser()
    except Exception:  # no login name in some containers
        return None


def _required(value: object, name: str, field: str | None = None) -> str:
    value = clean(value)
    if value is None:
        raise InvalidInput(f"{name} must not be empty").at(field or name)
    return value


def _choice(value: object, name: str, allowed: Sequence[str]) -> str:
    if clean(value) not in allowed:
        raise InvalidInput(f"unknown {name} {(value or '')!r}: expected one of {', '.join(allowed)}").at(name)
    return cast(str, clean(value))  # one of allowed


def _date(value: object, name: str, partial: bool = True) -> str | None:
    value = clean(value)
    if value is not None and not is_partial_date(value, partial=partial):
        shape = "YYYY, YYYY-MM or YYYY-MM-DD" if partial else "YYYY-MM-DD"
        raise InvalidInput(f"{name} {value!r} is not a date ({shape})").at(name.replace(" ", "_"))
    return value


def _number(value: str | float | None, name: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InvalidInput(f"{name} must be a number").at(name)
    try:
        number = written_number(value) if isinstance(value, str) else float(value)
    except (TypeError, ValueError, OverflowError):
        raise InvalidInput(f"{name} {value!r} is not a number: give the figure alone, such as 92000000, "
                           f"92,000,000 or 92 million, and what it counts under unit").at(name)
    if not math.isfinite(number):
        raise InvalidInput(f"{name} {value!r} is not a finite number").at(name)
    # whole numbers are stored as integers while SQLite's integers can hold them
    return int(number) if number.is_integer() and abs(number) < 2 ** 63 else number


def get_article(db: Database, article_id: str) -> ArticleRow:
    rows = list(db["articles"].rows_where("id = ?", [article_id]))
    if not rows:
        raise NotFound("article", article_id).at("article")
    return cast(ArticleRow, rows[0])


def get_claim_row(db: Database, claim_id: int) -> ClaimRow:
    rows = list(db["claims"].rows_where("id = ?", [claim_id]))
    if not rows:
        raise NotFound("claim", claim_id)
    return cast(ClaimRow, rows[0])


def add_article(db: Database, *, id: str, title: str, text: str, url: str | None = None, author: str | None = None,
                publisher: str | None = None, published: str | None = None) -> str:
    """Insert an article; its id is a slug such as ``pakistan-russia-2012``."""
    article_id = _required(id, "article id")
    if article_id != article_id.lower() or not all(c.isalnum() or c == "-" for c in article_id):
        raise InvalidInput(f"article id {article_id!r} must be lower-case letters, digits and hyphens")
    row: dict[str, Any] = {
        "id": article_id,
        "title": _required(title, "title"),
        "text": _required(text, "article text"),
        "url": normalise_url(url) if clean(url) else None,
        "author": clean(author),
        "publisher": clean(publisher),
        "published": _date(published, "published", partial=False),
    }
    if len(row["text"]) > MAX_TEXT_CHARS:
        raise TooLargeInput(f"the article's text is {len(row['text']):,} characters: checker keeps at most "
                            f"{MAX_TEXT_CHARS:,} (a long read is about 60,000)").at("text")
    if db["articles"].count_where("id = ?", [article_id]):
        raise InvalidInput(f"an article with id {article_id!r} already exists")
    with transaction(db):
        db.table("articles").insert(row)
    return article_id


def _link(source: Mapping[str, Any], default_relation: str, url: str) -> dict[str, str | None]:
    """The claim_sources fields of a source given as a dict. A passage records where and when it was
    read: at the source itself (``url``) and today, unless the caller says otherwise; and, when the caller
    says, in what (``passage_read_in``: the live page, a stored copy, an archive capture; else not recorded)."""
    passage = clean(source.get("passage"))
    found_at = checked_on = None
    read_in = _read_in(source.get("passage_read_in"))
    if passage:
        given = clean(source.get("passage_found_at"))
        try:
            found_at = normalise_url(given) if given else url
        except CheckerError as e:
            raise e.at("passage_found_at")
        checked_on = _date(source.get("passage_checked_on"), "passage checked on", partial=False) or today()
        if read_in == "archive_capture" and found_at == url:
            raise InvalidInput("a passage read in an archive capture needs the capture's own address "
                               "(passage found at), not the source's").at("passage_found_at")
    elif read_in:
        raise InvalidInput(f"passage read in {read_in!r} says where a passage was read, and there is no passage"
                           ).at("passage")
    return {
        "relation": _choice(source.get("relation") or default_relation, "relation", RELATIONS),
        "passage": passage,
        "note": clean(source.get("note")),
        "passage_found_at": found_at,
        "passage_checked_on": checked_on,
        "passage_read_in": read_in,
    }


def _read_in(value: object) -> str | None:
    """Where a passage was read, one of PASSAGE_READ_IN, or None: not recorded."""
    read_in = clean(value)
    if read_in is not None and read_in not in PASSAGE_READ_IN:
        raise InvalidInput(f"unknown passage read in {value!r}: expected one of {', '.join(PASSAGE_READ_IN)}"
                           " (or none: not recorded)").at("passage_read_in")
    return read_in


def today() -> str:
    return time.strftime("%Y-%m-%d", time.gmtime())


def checked_claim(db: Database, *, article_id: str, quote: str | None, kind: str, claim: str,
              value: str | float | None = None, unit: str | None = None, date_start: str | None = None,
              date_end: str | None = None, sources: Iterable[Mapping[str, Any]] = (), added_by: str | None = None,
              seed_key: str | None = None) -> tuple[dict[str, Any], list[tuple[SourceFields, dict[str, str | None]]]]:
    """A claim's row and its sources' links, every field checked: all that is wrong is raised at once
    (InvalidFields, each message under its field). Reads the database and writes nothing."""
    fields = Fields()
    article = get_article(db, _required(article_id, "article"))  # no article: nothing else can be read
    typed = fields.check("quote", lambda: _required(quote, "quote"))
    found = None
    if typed is not None:
        found = find_in_article(typed, article["text"])
        if found is None:
            fields.refuse("quote", QuoteNotInArticle(typed, article["id"], article["title"],
                                                     quote_stops(typed, article["text"])))
    number = fields.check("value", lambda: _number(value, "value"))
    kind = fields.check("kind", lambda: _choice(kind, "kind", KINDS)) or kind
    if number is not None and kind in POSITIVE_KINDS and number <= 0:
        fields.refuse("value", f"the value of a {kind.replace('_', ' ')} must be more than 0")
    unit = fields.check("unit", lambda: unit_as_written(unit))
    if "value" not in fields.refused and "unit" not in fields.refused and (number is None) != (unit is None):
        fields.refuse("unit" if unit is None else "value", "value and unit go together: give both or neither")
    start = fields.check("date_start", lambda: _date(date_start, "date start"))
    end = fields.check("date_end", lambda: _date(date_end, "date end"))
    if end and not start:
        fields.refuse("date_start", "date end needs a date start")
    if end and start:
        n = min(len(start), len(end))
        if end[:n] < start[:n]:
            fields.refuse("date_end", f"date end {end} is before date start {start}")
    said = fields.check("claim", lambda: _required(claim, "claim"))
    links: list[tuple[SourceFields, dict[str, str | None]]] = []
    for i, source in enumerate(sources, 1):
        try:
            new_source = source_row(source)
            links.append((new_source, _link(source, "cited", new_source["url"])))
        except CheckerError as e:
            fields.refuse(f"source_{i}_{e.field if e.field == 'relation' else 'url'}", e)
    urls = [s["url"] for s, _ in links]
    for i, url in enumerate(urls, 1):
        if urls.count(url) > 1 and urls.index(url) < i - 1:
            fields.refuse(f"source_{i}_url", DuplicateLink("(new)", url))
    fields.done()
    row: dict[str, Any] = {
        "article_id": article["id"],
        "quote": found, "claim": said, "kind": kind, "value": number, "unit": unit,
        "date_start": start, "date_end": end,
        "added_by": clean(added_by) or current_user(),
        "seed_key": clean(seed_key),
    }
    return row, links


def add_claim(
    db: Database,
    *,
    article_id: str,
    quote: str | None,
    kind: str,
    claim: str,
    value: str | float | None = None,
    unit: str | None = None,
    date_start: str | None = None,
    date_end: str | None = None,
    sources: Iterable[Mapping[str, Any]] = (),
    added_by: str | None = None,
    seed_key: str | None = None,
) -> int:
    """Insert a claim and its sources in one transaction; return the claim's id.

    The quote is looked for in the article forgivingly (straight or curly quotes, dashes,
    whitespace and case aside: text.find_in_article), and the article's own wording is stored.
    ``sources`` is a list of dicts with ``url`` and optionally ``relation`` (default
    ``cited``), ``passage``, ``title``, ``publisher`` and ``note``.
    """
    row, links = checked_claim(db, article_id=article_id, quote=quote, kind=kind, claim=claim, value=value, unit=unit,
                               date_start=date_start, date_end=date_end, sources=sources, added_by=added_by,
                               seed_key=seed_key)
    quote = row["quote"]
    with transaction(db):
        if db["claims"].count_where("article_id = ? AND quote = ? AND claim = ?", [row["article_id"], quote, row["claim"]]):
            raise DuplicateClaim(row["article_id"], row["claim"]).at("claim")
        claim_id = cast(int, db.table("claims").insert(row).last_pk)
        for new_source, link in links:
            source_id = ensure_source(db, new_source)
            db.table("claim_sources").insert({"claim_id": claim_id, "source_id": source_id, **link})
    return claim_id


def claims_quoting(db: Database, article_id: str | None, quote: str | None) -> list[dict[str, Any]]:
    """[{"id", "claim"}] of an article's claims whose quote is the same words as ``quote`` (compared as
    add_claim compares a quote with its article), the oldest first; none when either is unknown."""
    rows = list(db.query("SELECT text FROM articles WHERE id = ?", [clean(article_id)]))
    found = find_in_article(quote or "", rows[0]["text"]) if rows else None
    if found is None:
        return []
    return [dict(r) for r in db.query("SELECT id, claim FROM claims WHERE article_id = ? AND quote = ? ORDER BY id",
                                      [clean(article_id), found])]


def add_source(db: Database, claim_id: int, url: str, *, relation: str = "supports", passage: str | None = None,
               title: str | None = None, publisher: str | None = None, note: str | None = None,
               passage_found_at: str | None = None, passage_read_in: str | None = None) -> int:
    """Link a source (created if new) to an existing claim; return the source's id. A passage is taken
    as read at the source today, or at ``passage_found_at`` (a copy of it) when given; ``passage_read_in``
    says in what it was read (one of PASSAGE_READ_IN; None: not recorded)."""
    claim_row = get_claim_row(db, claim_id)
    fields = Fields()  # every field checked, all that is wrong said at once
    new_source = None
    try:
        new_source = source_row({"url": url, "title": title, "publisher": publisher})
    except CheckerError as e:
        fields.refuse("url", e)
    link = fields.check("relation", lambda: _link({
        "relation": relation, "passage": passage, "note": note, "passage_found_at": passage_found_at,
        "passage_read_in": passage_read_in}, "supports", new_source["url"] if new_source else url))
    fields.done()
    assert new_source is not None and link is not None  # (done() raised had either been refused)
    with transaction(db):
        source_id = ensure_source(db, new_source)
        if db["claim_sources"].count_where("claim_id = ? and source_id = ?", [claim_row["id"], source_id]):
            raise DuplicateLink(claim_row["id"], new_source["url"]).at("url")
        db.table("claim_sources").insert({"claim_id": claim_row["id"], "source_id": source_id, **link})
    return source_id


def set_verdict(db: Database, claim_id: int, verdict: str, *, note: str | None = None,
                by: str | None = None) -> ClaimRow:
    """Rate a claim; the note says what the record shows. A new verdict needs a new note: the reason
    for the old one is not the reason for this one."""
    claim_row = get_claim_row(db, claim_id)
    # verdict_at, and the verdict_history row, are the database's to write (m011)
    changes = {
        "verdict": _choice(verdict, "verdict", VERDICTS),
        "verdict_by": clean(by) or current_user(),
    }
    note = clean(note)
    if changes["verdict"] != claim_row["verdict"] and (note is None or note == claim_row["verdict_note"]):
        raise InvalidInput(f"the verdict changes from {claim_row['verdict']} to {changes['verdict']}: "
                           "give a note that says why").at("note")
    if note is not None:
        changes["verdict_note"] = note
    if changes["verdict"] == claim_row["verdict"] and changes.get("verdict_note", claim_row["verdict_note"]) == \
            claim_row["verdict_note"]:
        return claim_row  # the same verdict and note: nothing to record, and no one to credit
    with transaction(db):
        db.table("claims").update(claim_row["id"], changes)
    return get_claim_row(db, claim_row["id"])


def remove_source(db: Database, claim_id: int, source_id: int, *, by: str | None = None,
                  reason: str | None = None) -> None:
    """Take a source off a claim. The removal is recorded (who, when, why, and what the link said) and
    the source's checks stay in the ledger; the claim's health is brought up to date."""
    claim_row = get_claim_row(db, claim_id)
    with transaction(db):
        link = db.execute("SELECT relation, passage, note FROM claim_sources WHERE claim_id = ? AND source_id = ?",
                          [claim_row["id"], source_id]).fetchone()
        if link is None:
            raise NotFound("source of this claim", source_id)
        db.table("link_removals").insert({
            "claim_id": claim_row["id"], "source_id": source_id, "relation": link[0], "passage": link[1],
            "note": link[2], "removed_by": clean(by) or current_user(), "reason": clean(reason)})
        db.execute("DELETE FROM claim_sources WHERE claim_id = ? AND source_id = ?", [claim_row["id"], source_id])
        refresh_health(db, [claim_row["id"]])


def list_claims(db: Database, *, kind: str | None = None, verdict: str | None = None, search: str | None = None,
                article_id: str | None = None, health: str | None = None) -> list[ClaimSummary]:
    """Claims matching the filters, with their health and number of sources; search uses full-text
    search. ``health`` is one of supported, contradicted, at_risk, unsupported, unchecked."""
    if kind is not None:
        kind = _choice(kind, "kind", KINDS)
    if verdict is not None:
        verdict = _choice(verdict, "verdict", VERDICTS)
    if health is not None:
        health = _choice(health, "health", HEALTHS)
    filters = {"claims.kind = ?": kind, "claims.verdict = ?": verdict, "claims.article_id = ?": article_id,
               "coalesce(claim_health.health, 'unchecked') = ?": health}
    where = [condition for condition, value in filters.items() if value]
    params = [value for value in filters.values() if value]
    if search is not None and clean(search):
        where.append("claims.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        params.append(fts_query(search))
    sql = """
        SELECT claims.id, claims.kind, claims.verdict,
               coalesce(claim_health.health, 'unchecked') AS health,
               (SELECT count(*) FROM claim_sources WHERE claim_id = claims.id) AS sources,
               claims.claim
        FROM claims LEFT JOIN claim_health ON claim_health.claim_id = claims.id
        {} ORDER BY claims.id
    """.format("WHERE " + " AND ".join(where) if where else "")
    try:
        return [cast(ClaimSummary, dict(r)) for r in db.query(sql, params)]
    except sqlite3.OperationalError as e:
        if "fts5" not in str(e):
            raise
        raise InvalidInput(f"search syntax: {e}").at("search")


def fts_query(text: str) -> str:
    """Quote each word so that user text never reads as FTS syntax."""
    words = [w.replace('"', "") for w in text.split()]
    query = " ".join(f'"{w}"' for w in words if w)
    if not query:
        raise InvalidInput(f"search syntax: {text!r} has no words to search for").at("search")
    return query


def get_claim(db: Database, claim_id: int) -> ClaimDetail:
    """A claim with its article's title, its health (``health_status``: health, sources, supporting,
    unreachable, unreachable_since, latest_check_at) and its sources, each with its relation,
    passage (and where and when it was read), its state and latest check, and the latest evidence
    for the link (support, score, facts found and missing, snippet, when and whence it was read)."""
    claim_row = cast(ClaimDetail, get_claim_row(db, claim_id))  # it gains the keys of a ClaimDetail here
    article = get_article(db, claim_row["article_id"])
    claim_row["article_title"] = article["title"]
    claim_row["health_status"] = cast(ClaimStatus, next(db.query(
        """SELECT health, sources, supporting, unreachable, unreachable_since, latest_check_at
           FROM claim_status WHERE claim_id = ?""", [claim_row["id"]])))
    claim_row["sources"] = []
    for r in db.query(
        """
        SELECT sources.id, sources.url, sources.title, sources.publisher,
               cs.relation, cs.passage, cs.note, cs.passage_found_at, cs.passage_checked_on, cs.passage_read_in,
               ls.source_state, ls.latest_outcome, ls.latest_check_at, ls.unreachable_since,
               ls.support, ls.score, ls.snippet, ls.facts_found, ls.facts_missing,
               (SELECT facts_where FROM evidence WHERE id = ls.evidence_id) AS facts_where,
               ls.read_at, ls.read_from_archive, ls.read_archive_url
        FROM claim_sources cs
        JOIN sources ON sources.id = cs.source_id
        JOIN link_status ls ON ls.claim_id = cs.claim_id AND ls.source_id = cs.source_id
        WHERE cs.claim_id = ?
        ORDER BY cs.relation = 'cited' DESC, sources.id
        """,
        [claim_row["id"]],
    ):
        source = dict(r)
        source["facts_found"] = json.loads(source["facts_found"] or "[]")
        source["facts_where"] = json.loads(source["facts_where"] or "[]")
        source["facts_missing"] = json.loads(source["facts_missing"] or "[]")
        claim_row["sources"].append(cast(ClaimSource, source))  # facts_found and facts_missing decoded
    return claim_row


def list_articles(db: Database) -> list[ArticleTitle]:
    """Every article's id and title, by title."""
    return [cast(ArticleTitle, r) for r in db.query("SELECT id, title FROM articles ORDER BY title")]
