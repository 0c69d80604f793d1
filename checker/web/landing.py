"""What the landing page shows, read from the database: counts by verdict and health, the head of
the review queue, the latest checks and the charts' data. Plain dicts; rendering is pages.py's."""
from ..review import review_queue, review_queue_size
from ..vocab import HEALTHS, VERDICTS
from .charts import figures_chart, outcomes_by_day_chart, verdict_health_chart


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
        "queue": review_queue(db, limit=10),
        "queue_size": review_queue_size(db),
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


def verdict_health_counts(db):
    """[{verdict, health, n}]: claims with no assessment yet are unchecked. Two index scans, no join."""
    totals = dict(db.execute("SELECT verdict, count(*) FROM claims GROUP BY verdict").fetchall())
    rows = [dict(r) for r in db.query("SELECT verdict, health, count(*) AS n FROM claim_health GROUP BY verdict, health")]
    for verdict, total in totals.items():
        assessed = sum(r["n"] for r in rows if r["verdict"] == verdict)
        if total > assessed:
            rows.append({"verdict": verdict, "health": "unchecked", "n": total - assessed})
    return rows
