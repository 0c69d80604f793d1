"""The landing page's charts as Plotly figures (plain dicts): claims by verdict and health, check
outcomes per day, and the article's figures against what the sources say."""
from ..figures import is_currency, money_mentions
from ..text import normalise
from ..vocab import HEALTHS, VERDICTS

HEALTH_COLOURS = {"supported": "#3a9a4a", "at_risk": "#c2392b", "unsupported": "#d9a400", "unchecked": "#b8b8c4"}
OUTCOME_COLOURS = {"ok": "#3a9a4a", "not_modified": "#7fc08a", "blocked": "#d9a400", "robots_disallowed": "#e8c95c"}


def no_data(layout, message):
    """A chart with nothing to draw says so instead of showing empty axes."""
    layout.update({"xaxis": {"visible": False}, "yaxis": {"visible": False},
                   "annotations": [{"text": message, "showarrow": False, "font": {"size": 14, "color": "#777"}}]})
    return layout


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
        "SELECT id, claim, value, unit, date_start FROM claims WHERE value IS NOT NULL ORDER BY date_start, id")]
    claims = [c for c in claims if is_currency(c["unit"])][:50]
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
