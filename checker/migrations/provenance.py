"""m007: where and when each passage was read (claim_sources.passage_found_at, passage_checked_on).

A passage nobody can find again reads as an invented quote: each link records the address its
passage was read at (the source itself, or a copy of it) and the day it was read there.
Frozen, like every landed step."""
from . import migrations
from .sql import http_url, iso_date, run


@migrations()
def m007_passage_provenance(db):
    run(db, f"""
    ALTER TABLE claim_sources ADD COLUMN passage_found_at TEXT
        CHECK (passage_found_at IS NULL OR ({http_url('passage_found_at')}));
    ALTER TABLE claim_sources ADD COLUMN passage_checked_on TEXT
        CHECK ({iso_date('passage_checked_on', partial=False)});
    """)
