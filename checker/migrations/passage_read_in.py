"""m016: where each passage was read, as a column (claim_sources.passage_read_in) instead of words in the note.

`live_page`: on the source's own page, live; `stored_copy`: in a stored copy kept under the page's own address
(a search store's copy); `archive_capture`: in an archive capture, whose own address is `passage_found_at`;
NULL: not recorded. Only a passage can have been read somewhere, and it must say where (`passage_found_at`); an
archive capture is never the source's own address, a rule a CHECK cannot state (it reads the sources table), so
two triggers hold it. Links whose note began "Read in a stored copy." (the seed's marker until now) get
`stored_copy`, and the words leave the note; every other link stays NULL, since nothing recorded where it was read.
Frozen, like every landed step."""
from . import migrations
from .sql import WHITESPACE, run

MARKER = "Read in a stored copy."
NOT_THE_SOURCE = """
    WHEN NEW.passage_read_in = 'archive_capture'
     AND NEW.passage_found_at = (SELECT url FROM sources WHERE sources.id = NEW.source_id)
    BEGIN
        SELECT RAISE(ABORT, 'claim_sources.passage_found_at of an archive capture is the capture''s own address, not the source''s');
    END;"""


@migrations()
def m016_passage_read_in(db):
    run(db, f"""
    ALTER TABLE claim_sources ADD COLUMN passage_read_in TEXT
        CHECK (passage_read_in IS NULL OR (passage_read_in IN ('live_page', 'stored_copy', 'archive_capture')
               AND passage IS NOT NULL AND passage_found_at IS NOT NULL));
    CREATE TRIGGER claim_sources_archive_capture_is_not_the_source BEFORE INSERT ON claim_sources{NOT_THE_SOURCE}
    CREATE TRIGGER claim_sources_archive_capture_is_not_the_source_on_update
        BEFORE UPDATE OF passage_read_in, passage_found_at, source_id ON claim_sources{NOT_THE_SOURCE}
    UPDATE claim_sources SET passage_read_in = 'stored_copy'
        WHERE substr(note, 1, {len(MARKER)}) = '{MARKER}' AND passage IS NOT NULL AND passage_found_at IS NOT NULL;
    UPDATE claim_sources SET note = nullif(trim(substr(note, {len(MARKER) + 1}), {WHITESPACE}), '')
        WHERE substr(note, 1, {len(MARKER)}) = '{MARKER}';
    """)
