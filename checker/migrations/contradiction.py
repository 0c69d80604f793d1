"""m012: a source can contradict its claim. A passage found on a page says only that the page still
holds those words; when they give another figure or date than the claim, the evidence `contradicts`
it, and a claim with such evidence is `contradicted`, whatever else its sources say (the sources
disagree, and someone has to read them).

The three tables whose CHECKs name the support and health vocabularies are rebuilt with the new
words (their rows, indexes and triggers kept), and the view claim_health_now gets the rule. Frozen,
like every landed step."""
from . import migrations
from .rebuild import rebuilding
from .sql import run

SUPPORTS_BEFORE = "('supports', 'partial', 'missing', 'unreachable')"
SUPPORTS_AFTER = "('supports', 'contradicts', 'partial', 'missing', 'unreachable')"
HEALTHS_BEFORE = "('supported', 'at_risk', 'unsupported', 'unchecked')"
HEALTHS_AFTER = "('supported', 'contradicted', 'at_risk', 'unsupported', 'unchecked')"
# table -> how many times each list stands in its definition
TABLES = {"evidence": (1, 0), "claim_health": (0, 1), "claim_health_log": (2, 2)}

CLAIM_HEALTH_NOW = """\
CREATE VIEW claim_health_now AS
SELECT
    claim_id,
    CASE
        WHEN count(evidence_id) = 0 THEN 'unchecked'
        WHEN sum(support = 'contradicts') > 0 THEN 'contradicted'
        WHEN sum(backs AND ever_supported AND evidence_id IS NOT NULL AND support <> 'supports') > 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0 AND sum(backs AND support = 'supports' AND NOT lost) = 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0 THEN 'supported'
        ELSE 'unsupported'
    END AS health,
    coalesce(sum(backs AND support = 'supports' AND NOT lost), 0) AS supporting,
    max(latest_check_at) AS latest_check_at,
    coalesce(sum(unreachable_since IS NOT NULL), 0) AS unreachable,
    min(unreachable_since) AS unreachable_since
FROM (
    SELECT claim_id, evidence_id, support, ever_supported, latest_check_at, unreachable_since,
           relation <> 'contradicts' AS backs,
           (source_state = 'dead' AND read_from_archive = 0) AS lost
    FROM link_status
)
GROUP BY claim_id"""


def widened(db, table, supports, healths):
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
    if sql.count(SUPPORTS_BEFORE) != supports or sql.count(HEALTHS_BEFORE) != healths:
        raise RuntimeError(f"m012: {table} is not as m011 left it")
    return sql.replace(SUPPORTS_BEFORE, SUPPORTS_AFTER).replace(HEALTHS_BEFORE, HEALTHS_AFTER)


@migrations(transactional=False)
def m012_a_source_can_contradict(db):
    view = db.execute("SELECT sql FROM sqlite_master WHERE name = 'claim_health_now'").fetchone()
    if view and "'contradicted'" in view[0]:
        return  # applied; only its record was lost (it runs outside the migrations' own transaction)
    with rebuilding(db) as schema:
        for table, (supports, healths) in TABLES.items():
            schema.replace_table(table, widened(db, table, supports, healths))
        schema.retire("claim_health_now")
        schema.put_back()
        run(db, CLAIM_HEALTH_NOW + ";")
