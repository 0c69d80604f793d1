"""What a claim page shows, read from the database: the claim, the quote in its paragraph, each
source with its state and latest evidence (facts marked), the verdict's history and the changes of
health. Plain dicts; rendering is pages.py's."""
import json
import re
from datetime import date

from ..reading.facts import fact_spans
from ..reading.describe import describe_dates, describe_found, describe_value
from ..text import display_text, plural, squash
from .labels import short_date


def paragraph_with_quote(text, quote):
    """(before, quote as written, after) within the paragraph of the article that holds the quote."""
    squashed_quote = squash(quote)
    for paragraph in re.split(r"\n\s*\n", text):
        if squashed_quote not in squash(paragraph):
            continue
        # map the whitespace-free match back onto the paragraph's own characters
        positions = [i for i, ch in enumerate(paragraph) if squash(ch)]
        joined = "".join(paragraph[i] for i in positions)
        at = joined.find(squashed_quote)
        start, end = positions[at], positions[at + len(squashed_quote) - 1] + 1
        return paragraph[:start], paragraph[start:end], paragraph[end:]
    return "", quote, ""


def marked(text, spans):
    """Split text into (piece, is_marked) parts for the spans given."""
    parts, at = [], 0
    for start, end in sorted(spans):
        if start < at:
            continue
        parts.append((text[at:start], False))
        parts.append((text[start:end], True))
        at = end
    parts.append((text[at:], False))
    return [p for p in parts if p[0]]


def day(iso):
    """'2026-12-02T10:00:00.000Z' -> '2 Dec 2026' (the year always: records outlive the year)."""
    if not iso or len(iso) < 10 or not iso[:4].isdigit():
        return iso or ""
    return short_date(date(int(iso[:4]), int(iso[5:7]), int(iso[8:10])))



def summary(status, sources):
    """One line on what the record shows and on the sources' state, in plain words."""
    backing = [s for s in sources if s["relation"] != "contradicts" and s["support"] == "supports"]
    read = [s for s in sources if s["support"]]
    if not read:
        tried = sum(1 for s in sources if s.get("latest_outcome"))
        if not tried:
            return f"No source has been read yet ({plural(len(sources), 'source')} to check)."
        untried = f"; {len(sources) - tried} not checked yet" if len(sources) > tried else ""
        return f"Nothing could be read from its sources yet: {plural(tried, 'source')} checked, none readable{untried}."
    parts = []
    if backing:
        parts.append(f"{plural(len(backing), 'source')} back{'s' if len(backing) == 1 else ''} it")
    else:
        parts.append("no source read backs it")
    # what a source said against the claim: its figures or dates given otherwise, or, for a source
    # recorded as contradicting the claim, its words still there
    contradicting = [s for s in sources if s["support"] == "contradicts"
                     or (s["relation"] == "contradicts" and s["support"] in ("supports", "partial"))]
    if contradicting:
        parts.append(f"{len(contradicting)} contradict{'s' if len(contradicting) == 1 else ''} it")
    for s in sources:
        if s["unreachable_since"] and s["support"]:
            said = {"supports": "it still said it", "partial": "it partly said it",
                    "contradicts": "it said otherwise", "missing": "it did not say it"}.get(s["support"], "")
            where = f"{s['title'] or s['url']}"
            parts.append(f"{where} could not be reached since {day(s['unreachable_since'])}; "
                         f"last read {day(s['read_at'])}{', from an archive copy' if s['read_from_archive'] else ''}, {said}")
    unread = [s for s in sources if not s["support"]]
    if unread:
        parts.append(f"{plural(len(unread), 'source')} not read yet")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def passage_reading(link):
    """Where the link's passage was read, for the claim page, from claim_sources.passage_read_in: None when there
    is no passage, else one of vocab.PASSAGE_READ_IN, or "not_recorded" (NULL: the link does not say, so the page
    never says "the live page" for it)."""
    if not link.get("passage"):
        return None
    return link.get("passage_read_in") or "not_recorded"


def neighbours(db, claim):
    """The previous and next claims of the same article, by id."""
    before = db.execute("SELECT max(id) FROM claims WHERE article_id = ? AND id < ?", [claim["article_id"], claim["id"]]).fetchone()[0]
    after = db.execute("SELECT min(id) FROM claims WHERE article_id = ? AND id > ?", [claim["article_id"], claim["id"]]).fetchone()[0]
    return before, after


def claim_page(db, claim_id):
    """Everything the claim page shows, or None when there is no such claim."""
    rows = [dict(r) for r in db.query("SELECT * FROM claims WHERE id = ?", [claim_id])]
    if not rows:
        return None
    claim = rows[0]
    article = dict(next(db.query("SELECT * FROM articles WHERE id = ?", [claim["article_id"]])))
    status = dict(next(db.query(
        """SELECT coalesce(h.health, 'unchecked') AS health, coalesce(h.supporting, 0) AS supporting,
                  coalesce(h.unreachable, 0) AS unreachable, h.unreachable_since, h.latest_check_at,
                  (SELECT count(*) FROM claim_sources WHERE claim_id = ?) AS sources
           FROM (SELECT ? AS id) c LEFT JOIN claim_health h ON h.claim_id = c.id""", [claim_id, claim_id])))
    sources = []
    for link in db.query(
            """SELECT sources.id, sources.url, sources.title, sources.publisher, ls.relation, ls.passage, ls.note,
                      cs.passage_found_at, cs.passage_checked_on, cs.passage_read_in,
                      ls.support, ls.score, ls.snippet, ls.facts_found, ls.facts_missing, ls.assessed_at,
                      (SELECT facts_where FROM evidence WHERE id = ls.evidence_id) AS facts_where,
                      ls.read_at, ls.read_from_archive, ls.read_archive_url, ls.unreachable_since,
                      ls.source_state AS state, ls.latest_outcome, ls.latest_check_at,
                      h.archive_url, h.archive_timestamp
               FROM link_status ls
               JOIN claim_sources cs ON cs.claim_id = ls.claim_id AND cs.source_id = ls.source_id
               JOIN sources ON sources.id = ls.source_id
               LEFT JOIN source_state h ON h.source_id = ls.source_id
               WHERE ls.claim_id = ? ORDER BY ls.relation = 'cited' DESC, ls.relation, sources.id""", [claim_id]):
        link = dict(link)
        link["facts_found"] = json.loads(link["facts_found"] or "[]")
        link["facts_missing"] = json.loads(link["facts_missing"] or "[]")
        link["names_where"] = [describe_found(n) for n in json.loads(link["facts_where"] or "[]")]
        snippet = display_text(link["snippet"] or "")
        link["snippet_parts"] = marked(snippet, fact_spans(claim, snippet))
        link["passage_read"] = passage_reading(link)
        link["checks"] = [dict(r) for r in db.query(
            """SELECT id, started_at, outcome, http_status, via_archive, archive_url, error FROM checks
               WHERE source_id = ? ORDER BY id DESC LIMIT 20""", [link["id"]])]
        sources.append(link)
    previous_claim, next_claim = neighbours(db, claim)
    return {
        "claim": claim,
        "figure": describe_claim_figures(claim),
        "article": article,
        "status": status,
        "summary": summary(status, sources),
        "context": paragraph_with_quote(article["text"], claim["quote"]),
        "sources": sources,
        "previous_claim": previous_claim,
        "next_claim": next_claim,
        "history": [dict(r) for r in db.query(
            "SELECT * FROM verdict_history WHERE claim_id = ? ORDER BY id DESC", [claim_id])],
        "workflow": [dict(r) for r in db.query(
            "SELECT * FROM workflow_history WHERE claim_id = ? ORDER BY id DESC", [claim_id])],
        "health_log": [dict(r) for r in db.query(
            "SELECT * FROM claim_health_log WHERE claim_id = ? ORDER BY id DESC LIMIT 20", [claim_id])],
        "removed": [dict(r) for r in db.query(
            """SELECT r.*, sources.url, sources.title FROM link_removals r JOIN sources ON sources.id = r.source_id
               WHERE r.claim_id = ? ORDER BY r.id DESC""", [claim_id])],
    }


def describe_claim_figures(claim):
    """The claim's structured value and dates as people write them: "US$92 million", "7-9 February 2012"."""
    parts = []
    if claim["value"] is not None:
        parts.append(describe_value(claim["value"], claim["unit"]))
    if claim["date_start"]:
        parts.append(describe_dates(claim["date_start"], claim["date_end"]))
    return ", ".join(p for p in parts if p)
