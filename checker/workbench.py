"""What the workbench pages show, read from the database: the landing page's counts, queue and
charts, and everything about one claim. Plain dicts and lists; rendering is the plugin's job."""
import json
import re

from .evidence import display_text, fact_spans, money_mentions, normalise
from .text import squash
from .vocab import HEALTHS, VERDICTS


def landing(db):
    """Counts by verdict and health, the head of the review queue, the latest checks, chart data."""
    status = verdict_health_counts(db)
    by_verdict = {v: 0 for v in VERDICTS}
    by_health = {h: 0 for h in HEALTHS}
    for row in status:
        by_verdict[row["verdict"]] += row["n"]
        by_health[row["health"]] += row["n"]
    return {
        "claims": sum(by_verdict.values()),
        "sources": db.execute("SELECT count(*) FROM sources").fetchone()[0],
        "checks": db.execute("SELECT count(*) FROM checks").fetchone()[0],
        "by_verdict": by_verdict,
        "by_health": by_health,
        "queue": [dict(r) for r in db.query("SELECT * FROM review_queue LIMIT 10")],
        "queue_size": db.execute("SELECT count(*) FROM review_queue").fetchone()[0],
        "latest_checks": [dict(r) for r in db.query(
            """SELECT c.id, c.source_id, c.started_at, c.outcome, c.http_status, c.via_archive, sources.url, sources.title
               FROM (SELECT * FROM checks ORDER BY id DESC LIMIT 10) c JOIN sources ON sources.id = c.source_id
               ORDER BY c.id DESC""")],
        "charts": {
            "verdict_health": verdict_health_chart(status),
            "outcomes_by_day": outcomes_by_day_chart(db),
            "figures": figures_chart(db),
        },
    }


HEALTH_COLOURS = {"supported": "#3a9a4a", "at_risk": "#c2392b", "unsupported": "#d9a400", "unchecked": "#b8b8c4"}
OUTCOME_COLOURS = {"ok": "#3a9a4a", "not_modified": "#7fc08a", "blocked": "#d9a400", "robots_disallowed": "#e8c95c"}


def no_data(layout, message):
    """A chart with nothing to draw says so instead of showing empty axes."""
    layout.update({"xaxis": {"visible": False}, "yaxis": {"visible": False},
                   "annotations": [{"text": message, "showarrow": False, "font": {"size": 14, "color": "#777"}}]})
    return layout


def verdict_health_counts(db):
    """[{verdict, health, n}]: claims with no assessment yet are unchecked. Two index scans, no join."""
    totals = dict(db.execute("SELECT verdict, count(*) FROM claims GROUP BY verdict").fetchall())
    rows = [dict(r) for r in db.query("SELECT verdict, health, count(*) AS n FROM claim_health GROUP BY verdict, health")]
    for verdict, total in totals.items():
        assessed = sum(r["n"] for r in rows if r["verdict"] == verdict)
        if total > assessed:
            rows.append({"verdict": verdict, "health": "unchecked", "n": total - assessed})
    return rows


def verdict_health_chart(status):
    """Stacked bars: claims per verdict, split by health."""
    return {
        "data": [
            {"type": "bar", "name": health.replace("_", " "), "x": [v.replace("_", " ") for v in VERDICTS],
             "marker": {"color": HEALTH_COLOURS[health]},
             "y": [sum(r["n"] for r in status if r["verdict"] == v and r["health"] == health) for v in VERDICTS]}
            for health in HEALTHS
        ],
        "layout": {"barmode": "stack", "title": {"text": "Claims by verdict and health"},
                   "yaxis": {"title": {"text": "claims"}}},
    }


def outcomes_by_day_chart(db, days=90):
    rows = list(db.query(
        """SELECT substr(started_at, 1, 10) AS day, outcome, count(*) AS n FROM checks
           WHERE started_at >= strftime('%Y-%m-%d', 'now', ?) GROUP BY day, outcome ORDER BY day""",
        [f"-{days} days"]))
    dayset = sorted({r["day"] for r in rows})
    outcomes = sorted({r["outcome"] for r in rows})
    layout = {"barmode": "stack", "title": {"text": f"Check outcomes per day (last {days} days)"},
              "yaxis": {"title": {"text": "checks"}}}
    return {
        "data": [
            {"type": "bar", "name": outcome, "x": dayset,
             "marker": {"color": OUTCOME_COLOURS.get(outcome, "#c2392b" if outcome != "unsupported_type" else "#999")},
             "y": [sum(r["n"] for r in rows if r["day"] == d and r["outcome"] == outcome) for d in dayset]}
            for outcome in outcomes
        ],
        "layout": layout if rows else no_data(layout, "No checks yet"),
    }


def figures_chart(db):
    """The article's figures beside the figures its sources give, from the sources' passages."""
    claims = [dict(r) for r in db.query(
        "SELECT id, claim, value, unit, date_start FROM claims WHERE kind = 'trade_figure' AND value IS NOT NULL"
        " ORDER BY date_start, id LIMIT 50")]
    article_x, article_y, source_x, source_y, source_text = [], [], [], [], []
    for claim in claims:
        label = f"{claim['date_start'] or ''} (#{claim['id']})"
        article_x.append(label)
        article_y.append(claim["value"])
        # every source's passage, but not the article's own pages quoting the article back
        for passage, url, title in db.execute(
                "SELECT passage, sources.url, sources.title FROM claim_sources JOIN sources ON sources.id = source_id"
                " JOIN claims ON claims.id = claim_id WHERE claim_id = ? AND passage IS NOT NULL"
                " AND passage <> claims.quote", [claim["id"]]).fetchall():
            for mention in money_mentions(normalise(passage)):
                amount, currency, _ = mention.value
                if currency == (claim["unit"] or "").upper():
                    source_x.append(label)
                    source_y.append(amount)
                    source_text.append(f"{title or url}: {passage[:120]}")
    return {
        "data": [
            {"type": "bar", "name": "the article", "x": article_x, "y": article_y, "marker": {"color": "#9db7e0"}},
            {"type": "scatter", "mode": "markers", "name": "the sources", "x": source_x, "y": source_y,
             "text": source_text, "hoverinfo": "text+y", "marker": {"size": 12, "symbol": "diamond", "color": "#c2392b"}},
        ],
        "layout": {"title": {"text": "The article's figures against what the sources say"},
                   "yaxis": {"title": {"text": "value (base units)"}}},
    }


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


def claim_page(db, claim_id):
    """Everything the claim page shows, or None when there is no such claim."""
    rows = [dict(r) for r in db.query("SELECT * FROM claims WHERE id = ?", [claim_id])]
    if not rows:
        return None
    claim = rows[0]
    article = dict(next(db.query("SELECT * FROM articles WHERE id = ?", [claim["article_id"]])))
    status = dict(next(db.query(
        """SELECT coalesce(h.health, 'unchecked') AS health, coalesce(h.supporting, 0) AS supporting,
                  (SELECT count(*) FROM claim_sources WHERE claim_id = ?) AS sources
           FROM (SELECT ? AS id) c LEFT JOIN claim_health h ON h.claim_id = c.id""", [claim_id, claim_id])))
    sources = []
    for link in db.query(
            """SELECT sources.id, sources.url, sources.title, sources.publisher, ls.relation, ls.passage, ls.note,
                      ls.support, ls.score, ls.snippet, ls.facts_found, ls.facts_missing, ls.assessed_at,
                      coalesce(h.state, 'unchecked') AS state, h.latest_outcome, h.latest_check_at,
                      h.archive_url, h.archive_timestamp
               FROM link_status ls
               JOIN sources ON sources.id = ls.source_id
               LEFT JOIN source_state h ON h.source_id = ls.source_id
               WHERE ls.claim_id = ? ORDER BY ls.relation = 'cited' DESC, ls.relation, sources.id""", [claim_id]):
        link = dict(link)
        link["facts_found"] = json.loads(link["facts_found"] or "[]")
        link["facts_missing"] = json.loads(link["facts_missing"] or "[]")
        snippet = display_text(link["snippet"] or "")
        link["snippet_parts"] = marked(snippet, fact_spans(claim, snippet))
        link["checks"] = [dict(r) for r in db.query(
            """SELECT id, started_at, outcome, http_status, via_archive, archive_url, error FROM checks
               WHERE source_id = ? ORDER BY id DESC LIMIT 20""", [link["id"]])]
        sources.append(link)
    return {
        "claim": claim,
        "article": article,
        "status": status,
        "context": paragraph_with_quote(article["text"], claim["quote"]),
        "sources": sources,
        "history": [dict(r) for r in db.query(
            "SELECT * FROM verdict_history WHERE claim_id = ? ORDER BY id DESC", [claim_id])],
        "health_log": [dict(r) for r in db.query(
            "SELECT * FROM claim_health_log WHERE claim_id = ? ORDER BY id DESC LIMIT 20", [claim_id])],
    }


def articles(db):
    return [dict(r) for r in db.query("SELECT id, title FROM articles ORDER BY title")]
