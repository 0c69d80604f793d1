"""m013: evidence says where each of the claim's names was found. The matcher reads a claim's places
and organisations also by their capital, demonym or short form, and in the page's title, first
paragraph or the text before the facts; `facts_where` keeps, for each name found, where it stood and
how the page wrote it, as a JSON array of {"name", "where", "written", "how"} (reading/context.py).
Rows written before have an empty array. Frozen, like every landed step."""
from . import migrations
from .sql import run


@migrations()
def m013_where_names_were_found(db):
    columns = {row[1] for row in db.execute("PRAGMA table_info(evidence)").fetchall()}
    if "facts_where" in columns:
        return
    run(db, """ALTER TABLE evidence ADD COLUMN facts_where TEXT NOT NULL DEFAULT '[]'
               CHECK (json_valid(facts_where) AND json_type(facts_where) = 'array');""")
