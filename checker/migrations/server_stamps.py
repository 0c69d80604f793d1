"""m011: history only the server writes. Who added a row and when, who set a verdict and when, what
an article said before, and where a proposal went: each is set by the database itself, and a value
sent for one is refused unless it is what the database would set.

- `added_at` (articles, claims, sources, claim_sources) and `proposals.created_at` are the moment of
  the insert and never change; `imported_at` is a real time, set when it happens.
- A claim starts unrated. Its verdict changes with a new note, by someone named: `checker_actor()`,
  the person a Datasette request acts for (checker/web/stamps.py; NULL on checker's own connections,
  which name the writer in `verdict_by` or `added_by`). The change writes its `verdict_history` row,
  and `verdict_at` and `verdict_by` are copied from that row: they change in no other way.
- An article's text changes only with an `article_versions` row holding the earlier text (written
  here unless the writer has just written it); versions are never rewritten or deleted.
- A proposal goes from proposed to rejected, or to accepted as the claim just made from it (on the
  same article, added in the last minute, quoting the proposal's sentence or more), and no further.
- Every URL column, and each URL of `proposals.cited_urls`, refuses invisible and bidirectional
  control characters (a right-to-left override can make a link read as another), and cited URLs
  must be http(s).

The rules that a quote occurs in its article's text try the words as written first: squashing the
whitespace out of a 5 MB article for each proposal saved made saving quadratic in its length.

Connections that do not define checker_actor() (a plain sqlite3 shell) can read everything but
cannot add claims or change verdicts: those writes name their writer through checker.
Frozen, like every landed step."""
from . import migrations
from .sql import NOW, NOW_MS, http_url, in_text, occurs_in_article, run, squashed

# Characters that show nothing or reorder what is shown: bidirectional controls, zero-width marks,
# the soft hyphen and the byte-order mark.
INVISIBLE = ("char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,"
             " 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF)")
SECONDS_AGO = "julianday('now') - julianday({column}) BETWEEN -0.5 / 86400 AND {seconds} / 86400.0"
TIMESTAMP = ("{column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z'"
             " AND julianday({column}) IS NOT NULL")

# (table, column, the tables' ledger rows are inserted only: no UPDATE trigger needed)
URL_COLUMNS = [
    ("sources", "url", False), ("articles", "url", False), ("claim_sources", "passage_found_at", False),
    ("article_links", "url", False), ("checks", "requested_url", True), ("checks", "final_url", True),
    ("checks", "archive_url", True), ("source_state", "archive_url", False), ("snapshots", "canonical_url", True),
]


def invisible(column):
    return f"{column} GLOB '*[' || {INVISIBLE} || ']*'"


def recent(column, seconds):
    """SQL: column is a well-formed UTC timestamp (2026-11-26T20:45:21Z, milliseconds allowed) within
    the last `seconds` seconds (half a second ahead allowed, for clocks read at different moments)."""
    return f"({TIMESTAMP.format(column=column)} AND {SECONDS_AGO.format(column=column, seconds=seconds)})"


def stamped_on_insert(table, column, now):
    return f"""
    CREATE TRIGGER {table}_{column}_is_the_insert BEFORE INSERT ON {table}
    WHEN NEW.{column} IS NOT {now}
    BEGIN
        SELECT RAISE(ABORT, '{table}.{column} is set by the server: the moment the row is added');
    END;
    CREATE TRIGGER {table}_{column}_kept BEFORE UPDATE OF {column} ON {table}
    WHEN NEW.{column} IS NOT OLD.{column}
    BEGIN
        SELECT RAISE(ABORT, '{table}.{column} is set by the server when the row is added, and never changes');
    END;
    """


def url_guards(table, column, insert_only):
    guards = f"""
    CREATE TRIGGER {table}_{column}_shows_what_it_is BEFORE INSERT ON {table}
    WHEN {invisible(f'NEW.{column}')}
    BEGIN
        SELECT RAISE(ABORT, '{table}.{column} must not hold invisible or bidirectional control characters');
    END;
    """
    if not insert_only:
        guards += f"""
    CREATE TRIGGER {table}_{column}_shows_what_it_is_on_update BEFORE UPDATE OF {column} ON {table}
    WHEN {invisible(f'NEW.{column}')}
    BEGIN
        SELECT RAISE(ABORT, '{table}.{column} must not hold invisible or bidirectional control characters');
    END;
    """
    return guards


def claims_quote_rule(name, event):
    return f"""
    DROP TRIGGER claims_quote_in_article_{name};
    CREATE TRIGGER claims_quote_in_article_{name} BEFORE {event} ON claims
    WHEN NEW.quote IS NOT NULL AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id)
         AND NOT {occurs_in_article('NEW.quote', 'NEW.article_id')}
    BEGIN
        SELECT RAISE(ABORT, 'claims.quote must occur in the text of its article');
    END;
    """


CITED_URLS_BAD = (f"EXISTS (SELECT 1 FROM json_each(NEW.cited_urls) WHERE type <> 'text'"
                  f" OR NOT ({http_url('value')}) OR {invisible('value')})")
VERDICT_CHANGES = "(NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note)"
LATEST_HISTORY = "(SELECT max(id) FROM verdict_history WHERE claim_id = NEW.id)"


@migrations()
def m011_history_only_the_server_writes(db):
    script = "".join(stamped_on_insert(t, "added_at", NOW) for t in ("articles", "claims", "sources", "claim_sources"))
    script += stamped_on_insert("proposals", "created_at", NOW_MS)
    script += "".join(url_guards(*c) for c in URL_COLUMNS)
    run(db, script + f"""
    CREATE TRIGGER claims_start_unrated BEFORE INSERT ON claims
    WHEN NEW.verdict IS NOT 'unrated' OR NEW.verdict_note IS NOT NULL OR NEW.verdict_at IS NOT NULL
         OR NEW.verdict_by IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'a new claim starts unrated: its verdict is set once it is added');
    END;
    CREATE TRIGGER claims_added_by_its_writer BEFORE INSERT ON claims
    WHEN checker_actor() IS NOT NULL AND NEW.added_by IS NOT NULL AND NEW.added_by IS NOT checker_actor()
    BEGIN
        SELECT RAISE(ABORT, 'added_by is set by the server: it is whoever adds the claim');
    END;
    CREATE TRIGGER claims_added_by_stamp AFTER INSERT ON claims
    WHEN NEW.added_by IS NULL AND checker_actor() IS NOT NULL
    BEGIN
        UPDATE claims SET added_by = checker_actor() WHERE id = NEW.id;
    END;
    CREATE TRIGGER claims_added_by_kept BEFORE UPDATE OF added_by ON claims
    WHEN NEW.added_by IS NOT OLD.added_by
         AND NOT (OLD.added_by IS NULL AND NEW.added_by IS checker_actor() AND OLD.added_at IS {NOW})
    BEGIN
        SELECT RAISE(ABORT, 'added_by is set by the server when the claim is added, and never changes');
    END;

    -- The stamps below are written by UPDATEs inside triggers. The full-text index's trigger re-indexed
    -- the row on any UPDATE, and may fire before or after ours: a nested UPDATE would then delete
    -- words the index does not yet hold. It now fires only when the indexed words change.
    DROP TRIGGER claims_au;
    CREATE TRIGGER claims_au AFTER UPDATE OF quote, claim, verdict_note ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, quote, claim, verdict_note) VALUES('delete', old.rowid, old.quote, old.claim, old.verdict_note);
      INSERT INTO claims_fts (rowid, quote, claim, verdict_note) VALUES (new.rowid, new.quote, new.claim, new.verdict_note);
    END;
    DROP TRIGGER claims_verdict_history;
    DROP TRIGGER claims_verdict_stamp;
    CREATE TRIGGER claims_verdict_by_its_writer BEFORE UPDATE OF verdict, verdict_note, verdict_at, verdict_by ON claims
    WHEN {VERDICT_CHANGES} AND (
        NEW.verdict_at IS NOT OLD.verdict_at
        OR (checker_actor() IS NOT NULL AND NEW.verdict_by IS NOT OLD.verdict_by AND NEW.verdict_by IS NOT checker_actor()))
    BEGIN
        SELECT RAISE(ABORT, 'verdict_at and verdict_by are set by the server: send the verdict and its note');
    END;
    CREATE TRIGGER claims_verdict_named BEFORE UPDATE OF verdict, verdict_note ON claims
    WHEN {VERDICT_CHANGES} AND coalesce(checker_actor(), NEW.verdict_by) IS NULL
    BEGIN
        SELECT RAISE(ABORT, 'a verdict is set by someone: name them in verdict_by');
    END;
    CREATE TRIGGER claims_verdict_needs_a_new_note BEFORE UPDATE OF verdict ON claims
    WHEN NEW.verdict IS NOT OLD.verdict AND (NEW.verdict_note IS NULL OR NEW.verdict_note IS OLD.verdict_note)
    BEGIN
        SELECT RAISE(ABORT, 'a new verdict needs a new note that says why');
    END;
    CREATE TRIGGER claims_verdict_stamp_is_its_history BEFORE UPDATE OF verdict_at, verdict_by ON claims
    WHEN NOT {VERDICT_CHANGES} AND (NEW.verdict_at IS NOT OLD.verdict_at OR NEW.verdict_by IS NOT OLD.verdict_by)
         AND NOT EXISTS (SELECT 1 FROM verdict_history h WHERE h.id = {LATEST_HISTORY}
                         AND h.changed_at IS NEW.verdict_at AND h.changed_by IS NEW.verdict_by)
    BEGIN
        SELECT RAISE(ABORT, 'verdict_at and verdict_by are set by the server, and change only with the verdict');
    END;
    CREATE TRIGGER claims_verdict_history AFTER UPDATE OF verdict, verdict_note ON claims
    WHEN {VERDICT_CHANGES}
    BEGIN
        INSERT INTO verdict_history (claim_id, changed_at, changed_by, from_verdict, to_verdict, note)
        VALUES (NEW.id, {NOW_MS}, coalesce(checker_actor(), NEW.verdict_by), OLD.verdict, NEW.verdict, NEW.verdict_note);
        UPDATE claims SET verdict_at = (SELECT changed_at FROM verdict_history WHERE id = {LATEST_HISTORY}),
                          verdict_by = (SELECT changed_by FROM verdict_history WHERE id = {LATEST_HISTORY})
        WHERE id = NEW.id;
    END;

    CREATE TRIGGER articles_imported_at_is_now BEFORE INSERT ON articles
    WHEN NEW.imported_at IS NOT NULL AND NOT {recent('NEW.imported_at', 10)}
    BEGIN
        SELECT RAISE(ABORT, 'articles.imported_at is set by the server: the moment of the import');
    END;
    CREATE TRIGGER articles_imported_at_is_now_on_update BEFORE UPDATE OF imported_at ON articles
    WHEN NEW.imported_at IS NOT OLD.imported_at AND (NEW.imported_at IS NULL OR NOT {recent('NEW.imported_at', 10)})
    BEGIN
        SELECT RAISE(ABORT, 'articles.imported_at is set by the server: the moment of the import');
    END;
    CREATE TRIGGER articles_text_keeps_its_versions AFTER UPDATE OF text ON articles
    WHEN NEW.text IS NOT OLD.text AND NOT EXISTS (
        SELECT 1 FROM article_versions v
        WHERE v.id = (SELECT max(id) FROM article_versions WHERE article_id = NEW.id)
          AND v.text IS OLD.text AND v.replaced_at IS {NOW})
    BEGIN
        INSERT INTO article_versions (article_id, text) VALUES (NEW.id, OLD.text);
    END;
    CREATE TRIGGER article_versions_replaced_now BEFORE INSERT ON article_versions
    WHEN NEW.replaced_at IS NOT {NOW}
    BEGIN
        SELECT RAISE(ABORT, 'article_versions.replaced_at is set by the server: the moment the text is replaced');
    END;
    CREATE TRIGGER article_versions_never_rewritten BEFORE UPDATE ON article_versions
    BEGIN
        SELECT RAISE(ABORT, 'article_versions is a record of what happened: it is never rewritten');
    END;
    CREATE TRIGGER article_versions_never_deleted BEFORE DELETE ON article_versions
    BEGIN
        SELECT RAISE(ABORT, 'article_versions is a record of what happened: it is never deleted');
    END;

    CREATE TRIGGER proposals_start_proposed BEFORE INSERT ON proposals
    WHEN NEW.status IS NOT 'proposed' OR NEW.claim_id IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'a proposal starts proposed: it is accepted or rejected afterwards');
    END;
    CREATE TRIGGER proposals_move_forward BEFORE UPDATE OF status, claim_id ON proposals
    WHEN NOT (
        (NEW.status IS OLD.status AND NEW.claim_id IS OLD.claim_id)
        OR (OLD.status = 'proposed' AND NEW.status = 'rejected' AND NEW.claim_id IS NULL)
        OR (OLD.status = 'proposed' AND NEW.status = 'accepted'
            AND EXISTS (SELECT 1 FROM claims c WHERE c.id = NEW.claim_id AND c.article_id = NEW.article_id
                        AND julianday('now') - julianday(c.added_at) < 60 / 86400.0
                        AND (instr({squashed('coalesce(NEW.sentence, NEW.quote)')}, {squashed('c.quote')}) > 0
                             OR instr({squashed('c.quote')}, {squashed('NEW.quote')}) > 0))
            AND NOT EXISTS (SELECT 1 FROM proposals p WHERE p.claim_id = NEW.claim_id AND p.id <> NEW.id)))
    BEGIN
        SELECT RAISE(ABORT, 'a proposal goes from proposed to rejected, or to accepted as the claim just made from it, and no further');
    END;
    DROP TRIGGER proposals_quote_in_article;
    CREATE TRIGGER proposals_quote_in_article BEFORE INSERT ON proposals
    WHEN NOT {occurs_in_article('NEW.quote', 'NEW.article_id')}
    BEGIN
        SELECT RAISE(ABORT, 'proposals.quote must occur in the text of its article');
    END;
    DROP TRIGGER proposals_sentence_in_article;
    CREATE TRIGGER proposals_sentence_in_article BEFORE INSERT ON proposals
    WHEN NEW.sentence IS NOT NULL AND NOT {occurs_in_article('NEW.sentence', 'NEW.article_id')}
    BEGIN
        SELECT RAISE(ABORT, 'proposals.sentence must occur in the text of its article');
    END;
    {claims_quote_rule("insert", "INSERT")}
    {claims_quote_rule("update", "UPDATE OF quote, article_id")}
    DROP TRIGGER articles_text_keeps_quotes;
    CREATE TRIGGER articles_text_keeps_quotes BEFORE UPDATE OF text ON articles
    WHEN EXISTS (SELECT 1 FROM claims WHERE claims.article_id = NEW.id AND NOT {in_text('claims.quote', 'NEW.text')})
    BEGIN
        SELECT RAISE(ABORT, 'articles.text must still contain the quote of every claim on it');
    END;
    CREATE TRIGGER proposals_cite_only_http BEFORE INSERT ON proposals
    WHEN {CITED_URLS_BAD}
    BEGIN
        SELECT RAISE(ABORT, 'proposals.cited_urls holds only absolute http(s) URLs');
    END;
    CREATE TRIGGER proposals_cite_only_http_on_update BEFORE UPDATE OF cited_urls ON proposals
    WHEN {CITED_URLS_BAD}
    BEGIN
        SELECT RAISE(ABORT, 'proposals.cited_urls holds only absolute http(s) URLs');
    END;
    """)
