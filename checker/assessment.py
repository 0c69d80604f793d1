"""Assessment: each claim matched against what was read from its sources (the evidence rows), each
claim's health from its links, and every change of health logged (the review queue reads that log).

Only content that was read is assessed: a live page, a 304 pointing at the snapshot already held, or
an archive capture. A failed attempt leaves no evidence, so an outage never changes what a link
says; the rules that turn evidence and source states into health are the database's own (the views
link_status and claim_health_now). Matching happens here, outside transactions; what a check leaves
(its attempts, evidence and health) is written in one by store/ledger.py."""
import difflib
import functools
import re
from collections.abc import Sequence
from typing import cast

from rapidfuzz import fuzz
from sqlite_utils import Database

from .net.attempt import Attempt
from .reading.facts import index_page
from .reading.match import SupportResult, assess
from .reading.page_index import PageIndex
from .store.db import require_rows, transaction
from .store.health import link_states, refresh_health, snapshot_reading
from .store.ledger import record_evidence
from .store.rows import ClaimRow

DIFF_CONTEXT = 6  # words of unchanged text kept around each change
READ_OUTCOMES = ("ok", "not_modified")


class LinkedClaim(ClaimRow):
    """A claim citing a source, as links_of_source gives it: its row, the link's passage and relation."""

    link_passage: str | None
    link_relation: str


@functools.lru_cache(maxsize=64)
def _page(text: str | None, title: str | None = None, locale: str | None = None) -> PageIndex:
    return index_page(text, locale=locale, title=title)


def read_by(db: Database, attempt: Attempt) -> tuple[str | None, str | None, str | None]:
    """(text, title, locale) of what an attempt read: its new snapshot's, or the stored one a 304
    points at (the title kept apart from the text: the claim's names may stand there); all None when
    it read nothing."""
    if attempt.outcome not in READ_OUTCOMES:
        return None, None, None
    if attempt.snapshot is not None:
        return attempt.snapshot.text, attempt.snapshot.title, attempt.snapshot.locale
    return snapshot_reading(db, attempt.snapshot_id) if attempt.snapshot_id is not None else (None, None, None)


def links_of_source(db: Database, source_id: int, claim_ids: Sequence[int] | None = None) -> list[LinkedClaim]:
    sql = """SELECT claims.*, claim_sources.passage AS link_passage, claim_sources.relation AS link_relation
             FROM claim_sources
             JOIN claims ON claims.id = claim_sources.claim_id WHERE claim_sources.source_id = ?"""
    params = [source_id]
    if claim_ids:
        sql += f" AND claims.id IN ({','.join('?' * len(claim_ids))})"
        params += list(claim_ids)
    return [cast(LinkedClaim, dict(r)) for r in db.query(sql, params)]


def evaluate(db: Database, source_id: int, text: str | None, claim_ids: Sequence[int] | None = None,
             title: str | None = None, locale: str | None = None) -> list[tuple[LinkedClaim, SupportResult]]:
    """[(link, SupportResult)] for every claim citing the source, matched against a text and its
    title, read in its page's locale (snapshots.locale: how its numeric dates and bare symbols read).
    Reads only; a source no claim cites is not read at all."""
    links = links_of_source(db, source_id, claim_ids)
    if not links:
        return []
    page = _page(text, title, locale)
    return [(link, assess(link, link["link_passage"], page, link["link_relation"])) for link in links]


def word_diff(before: str, after: str) -> str:
    """A short word-level diff: unchanged words trimmed, changes as [-old-] {+new+}."""
    a, b = before.split(), after.split()
    out: list[str] = []
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


def describe_change(old_snippet: str | None, new_text: str | None) -> str | None:
    """How the words around a link's snippet changed on the page read now (claim_health_log.diff)."""
    return surroundings_diff(old_snippet, _page(new_text))


def surroundings_diff(old_snippet: str | None, new_page: PageIndex | None) -> str | None:
    """How the text around an old snippet reads in the new snapshot, as a word diff."""
    old = re.sub(r"^…|…$", "", old_snippet or "").strip()
    if not old or new_page is None:
        return None
    found = fuzz.partial_ratio_alignment(old.lower(), new_page.text)
    if not found or found.score < 40:
        return "[-" + old + "-] (the passage's surroundings are no longer on the page)"
    new = new_page.display[found.dest_start:found.dest_end]
    return word_diff(old, new) if new != old else None


def reassess(db: Database, claim_ids: Sequence[int] | None = None) -> int:
    """Match every link again against the content last read for it, live and archived (no network):
    for when the matcher, a claim or a passage has changed. Returns the links assessed."""
    require_rows(db, "claims", claim_ids, "claim")
    sql = """SELECT DISTINCT claim_sources.source_id FROM claim_sources"""
    params: list[int] = []
    if claim_ids:
        sql += f" WHERE claim_sources.claim_id IN ({','.join('?' * len(claim_ids))})"
        params = list(claim_ids)
    assessed: set[tuple[int, int]] = set()
    for (source_id,) in db.execute(sql, params).fetchall():
        latest_reads = db.execute(
            "SELECT max(id) FROM checks WHERE source_id = ? AND snapshot_id IS NOT NULL"
            " AND outcome IN ('ok', 'not_modified') GROUP BY via_archive", [source_id]).fetchall()
        for (check_id,) in latest_reads:
            snapshot_id = db.execute("SELECT snapshot_id FROM checks WHERE id = ?", [check_id]).fetchone()[0]
            text, title, locale = snapshot_reading(db, snapshot_id)
            results = evaluate(db, source_id, text, claim_ids, title=title, locale=locale)
            with transaction(db):
                cited = [link["id"] for link, _ in results]
                before = link_states(db, source_id, cited)
                written = record_evidence(db, check_id, source_id, results)
                outcome = db.execute("SELECT outcome FROM checks WHERE id = ?", [check_id]).fetchone()[0]
                refresh_health(db, cited, source_id=source_id, outcome=outcome, written=written, before=before,
                               describe_change=describe_change)
            assessed.update((claim_id, source_id) for claim_id in cited)
    return len(assessed)
