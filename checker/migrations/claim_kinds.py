"""m015: kinds for what news pages hold. Besides trade figures and meeting counts, a claim may be a
`percentage` (a share or a rate: "turnout was 59.8%", "prices rose 3 per cent"), `money` (an amount of
money that is not trade: a budget, a fine, a cost) or a `count` (of people or things: deaths, votes,
cases, jobs). The two tables whose CHECKs name the kinds (claims, proposals) are rebuilt with the new
words, their rows, indexes and triggers kept. Frozen, like every landed step."""
from . import migrations
from .rebuild import rebuilding

KINDS_BEFORE = ("('trade_figure', 'visit_date', 'meeting_count', 'first_visit', 'attribution', 'quote', "
                "'membership', 'title', 'historical', 'prediction', 'other')")
KINDS_AFTER = ("('trade_figure', 'visit_date', 'meeting_count', 'first_visit', 'attribution', 'quote', "
               "'membership', 'title', 'historical', 'prediction', 'percentage', 'money', 'count', 'other')")
TABLES = ("claims", "proposals")


@migrations(transactional=False)
def m015_kinds_of_figure(db):
    definitions = {table: db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                     [table]).fetchone()[0] for table in TABLES}
    if all(KINDS_AFTER in sql for sql in definitions.values()):
        return  # applied; only its record was lost (it runs outside the migrations' own transaction)
    with rebuilding(db) as schema:
        for table, sql in definitions.items():
            if sql.count(KINDS_BEFORE) != 1:
                raise RuntimeError(f"m015: {table} is not as m014 left it")
            schema.replace_table(table, sql.replace(KINDS_BEFORE, KINDS_AFTER))
        schema.put_back()
