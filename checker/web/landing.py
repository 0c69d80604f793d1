"""What the landing page reads: counts by verdict and health, the claims grouped by verdict (or those
a search finds), the head of the review queue, the latest checks, and its three charts (drawn by
charts.py). Each read stays cheap at 100,000 claims: counts from indexes, a few claims per verdict."""
import sqlite3
from datetime import date, datetime, timedelta, timezone

from ..store.claims import fts_query
from ..errors import InvalidInput
from ..reading.facts import index_page, nearest_year
from ..reading.figures import is_currency
from ..store.review import review_queue, review_queue_size
from ..store.workflow import awaiting_review, awaiting_review_count, yours
from ..vocab import HEALTHS
from . import charts
from . import labels
from .charts import (DAYS, FAMILY_OF, FAMILY_WORDS, HEALTH_MEANINGS, HEALTH_WORDS, OUTCOME_WORDS, SCALE,
                     SUPPORT_WORDS, VERDICT_WORDS, Figure, Links, SourceFigure, finite, plural)

__all__ = ["landing", "Links"]

PER_VERDICT = 10  # claims listed under each verdict; the rest are one link away
FIGURES_SHOWN = 12  # figure claims drawn in the figures chart
MAX_SEARCH = 200  # characters of a search that are used

# The words the template shows for each vocabulary value.
WORDS = {"verdict": VERDICT_WORDS, "health": HEALTH_WORDS, "health_meaning": HEALTH_MEANINGS,
         "outcome": OUTCOME_WORDS, "family": FAMILY_OF, "family_words": FAMILY_WORDS, "support": SUPPORT_WORDS}


ARTICLES_SHOWN = 10


def landing(db, links, q=None, today=None, per_verdict=PER_VERDICT):
    """Everything the landing page shows. links: a charts.Links for the page's database; q: a search
    of the claims (full text), or None; today: the checks chart's last day (default: today, UTC)."""
    today = today or datetime.now(timezone.utc).date()
    status = verdict_health_counts(db)
    by_verdict = {v: 0 for v in SCALE}
    by_health = {h: 0 for h in HEALTHS}
    for row in status:
        by_verdict[row["verdict"]] += row["n"]
        by_health[row["health"]] += row["n"]
    checks = db.execute("SELECT count(*) FROM checks").fetchone()[0]
    figures, article, total = article_figures(db)
    first_day = today - timedelta(days=DAYS - 1)
    return {
        "claims": sum(by_verdict.values()),
        "sources": db.execute("SELECT count(*) FROM sources").fetchone()[0],
        "checks": checks,
        "by_verdict": by_verdict,
        "by_health": by_health,
        "listing": claim_listing(db, links, q, by_verdict, per_verdict),
        "queue": [{**row, "when": moment_text(row["changed_at"])} for row in review_queue(db, limit=10)],
        "queue_size": review_queue_size(db),
        "latest_checks": [{**dict(r), "when": moment_text(r["started_at"])} for r in db.query(
            """SELECT c.id, c.source_id, c.started_at, c.outcome, c.http_status, c.via_archive, sources.url, sources.title
               FROM (SELECT * FROM checks ORDER BY id DESC LIMIT 10) c JOIN sources ON sources.id = c.source_id
               ORDER BY c.id DESC""")],
        "articles": article_rows(db),
        "words": WORDS,
        "charts": {
            "verdict_health": charts.verdict_health_chart({(r["verdict"], r["health"]): r["n"] for r in status}, links),
            "outcomes_by_day": charts.outcomes_by_day_chart(outcomes_by_day(db, first_day, today), links, today, checks),
            "figures": charts.figures_chart(figures, links, article, total),
        },
    }


def article_rows(db, limit=ARTICLES_SHOWN):
    """The latest articles, each with its claims and the proposals still open on it (the import's work
    left to do): [{id, title, claims, open}], the newest first."""
    return [dict(r) for r in db.query(
        """SELECT a.id, a.title,
                  (SELECT count(*) FROM claims WHERE article_id = a.id) AS claims,
                  (SELECT count(*) FROM proposals WHERE article_id = a.id AND status = 'proposed') AS open
           FROM articles a ORDER BY a.rowid DESC LIMIT ?""", [limit])]


def work_of(db, editor):
    """What an editor works from: the claims assigned to them (not yet published) and those in review whose
    verdict someone else set, which they may publish."""
    return {"yours": yours(db, editor), "awaiting_review": awaiting_review(db, editor),
            "awaiting_total": awaiting_review_count(db, editor)}


def verdict_health_counts(db):
    """[{verdict, health, n}]: claims with no assessment yet are unchecked. Two index scans, no join."""
    totals = dict(db.execute("SELECT verdict, count(*) FROM claims GROUP BY verdict").fetchall())
    rows = [dict(r) for r in db.query("SELECT verdict, health, count(*) AS n FROM claim_health GROUP BY verdict, health")]
    for verdict, total in totals.items():
        assessed = sum(r["n"] for r in rows if r["verdict"] == verdict)
        if total > assessed:
            rows.append({"verdict": verdict, "health": "unchecked", "n": total - assessed})
    return rows


def claim_listing(db, links, q, by_verdict, per_verdict):
    """The claims grouped by verdict in scale order, the first few of each with its health; with a
    search, only the claims it finds (full text over quote, claim and verdict note, each word quoted)."""
    q = " ".join((q or "").split())[:MAX_SEARCH]
    match, error, totals = None, None, dict(by_verdict)
    if q:
        try:
            match = fts_query(q)
            totals = dict(db.execute(
                "SELECT verdict, count(*) FROM claims WHERE id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"
                " GROUP BY verdict", [match]).fetchall())
        except InvalidInput:
            error, match = f"“{q}” has no words to search for.", None
        except sqlite3.OperationalError as e:  # quoted words should never get here; say so rather than fail
            error, match = f"That search could not be run ({e}).", None
    groups = []
    for verdict in SCALE:
        total = totals.get(verdict, 0)
        if not total:
            continue
        where, params = "c.verdict = ?", [verdict]
        if match:
            where += " AND c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"
            params.append(match)
        rows = [dict(r) for r in db.query(
            f"""SELECT c.id, c.claim, coalesce(h.health, 'unchecked') AS health
                FROM claims c LEFT JOIN claim_health h ON h.claim_id = c.id
                WHERE {where} ORDER BY c.id LIMIT ?""", params + [per_verdict])]
        groups.append({
            "verdict": verdict, "words": VERDICT_WORDS[verdict], "total": total, "claims": rows,
            "count_text": plural(total, "claim"),
            "all_href": links.table("claims", verdict=verdict, _search=q if match else None),
        })
    matches = sum(g["total"] for g in groups) if match else None
    return {"q": q, "error": error, "matches": matches, "groups": groups,
            "matches_text": None if matches is None else f"{plural(matches, 'claim')} {'matches' if matches == 1 else 'match'}"}


# Counts of settled days for the checks chart, per database file. The ledger is append-only and a
# check is written minutes after it starts, so a day before yesterday never changes: it is counted
# once, not on every visit (90 days of a busy ledger, 300,000 checks, take 350 ms to count).
SETTLED = {}
BY_DAY = "SELECT substr(started_at, 1, 10) AS day, outcome, count(*) FROM checks WHERE {} GROUP BY day, outcome"


def outcomes_by_day(db, first_day, today):
    """(day, outcome, n) of the checks from first_day to today: settled days from the cache while the
    newest check before them is the one they were counted with, yesterday and today counted now."""
    live_from = (today - timedelta(days=1)).isoformat()
    # from the newest row back, without the index: only the last day or two of checks are passed over
    newest = db.execute("SELECT id FROM checks WHERE +started_at < ? ORDER BY id DESC LIMIT 1", [live_from]).fetchone()
    key = (first_day.isoformat(), live_from, newest[0] if newest else None)
    path = db.execute("PRAGMA database_list").fetchone()[2]
    cached = SETTLED.get(path)
    if cached is None or cached[0] != key:
        rows = db.execute(BY_DAY.format("started_at >= ? AND started_at < ?"), [key[0], live_from]).fetchall()
        cached = (key, [tuple(r) for r in rows])
        if path:  # a database in memory has no name to keep it under
            SETTLED[path] = cached
    return cached[1] + [tuple(r) for r in db.execute(BY_DAY.format("started_at >= ?"), [live_from]).fetchall()]


def article_figures(db, limit=FIGURES_SHOWN):
    """The figure claims (whose unit is a currency, whatever their kind) of the article with the latest
    one, in date order, each with the amounts in its currency that its sources' passages give.
    Returns (figures, {id, title, currencies}, how many figure claims that article has)."""
    article_id = None
    # newest first, stopping at the first currency: a plain scan of the rowid, no sort
    for claim_article, unit in db.execute(
            "SELECT article_id, unit FROM claims WHERE value IS NOT NULL AND length(unit) = 3 ORDER BY id DESC"):
        if is_currency(unit):
            article_id = claim_article
            break
    if article_id is None:
        return [], None, 0
    claims = [dict(r) for r in db.query(
        """SELECT id, quote, value, unit, date_start FROM claims
           WHERE article_id = ? AND value IS NOT NULL AND length(unit) = 3 ORDER BY date_start, id""", [article_id])]
    claims = [c for c in claims if is_currency(c["unit"]) and finite(c["value"])]
    title = db.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    article = {"id": article_id, "title": title, "currencies": sorted({c["unit"] for c in claims})}
    return [figure_of(db, c) for c in claims[:limit]], article, len(claims)


def figure_of(db, claim):
    currency = claim["unit"].upper()
    year = int(claim["date_start"][:4]) if claim["date_start"] else None
    figure = Figure(claim["id"], claim["quote"], float(claim["value"]), currency, year)
    # every source's passage, but not the article's own pages quoting the article back
    for source_id, title, url, passage in db.execute(
            """SELECT sources.id, sources.title, sources.url, passage FROM claim_sources
               JOIN sources ON sources.id = source_id
               WHERE claim_id = ? AND passage IS NOT NULL AND passage <> ? ORDER BY sources.id""",
            [claim["id"], claim["quote"]]).fetchall():
        page = index_page(passage)
        for mention in page.money:
            amount, mention_currency, _ = mention.value
            if mention_currency == currency and finite(amount):
                figure.sources.append(SourceFigure(source_id, charts.source_name(title, url), float(amount),
                                                   nearest_year(page, mention.start)))
    return figure


def moment_text(iso):
    """'2026-11-27T10:04:05.000Z' -> '27 Nov 2026, 10:04 UTC'; anything else as it is."""
    try:
        when = datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
    except ValueError:
        return iso or ""
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return f"{labels.short_date(date(when.year, when.month, when.day))}, {when:%H:%M} UTC"
