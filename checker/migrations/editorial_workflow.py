"""m018: the editorial workflow. Each claim has a `status` (unstarted, in_progress, in_review, published) and an
`assignee` (an editor's name, or NULL), and every change of either is kept in `workflow_history` with who made it
and when; `workflow_at` and `workflow_by` on the claim are copied from its latest history row, as `verdict_at` and
`verdict_by` are from verdict_history (m011). Who acts is `checker_actor()` on Datasette's connections, else the
`workflow_by` the writer sends.

The rules the database keeps, whoever writes:
- a new claim starts unstarted and unassigned;
- a claim goes to review, or is published, only with a verdict set;
- a claim is published only from review, by someone other than whoever set its verdict (a second editor), and
  with its verdict as it stands (not in the same write that changes it);
- a published claim whose verdict or note changes goes back to review (to in progress when the verdict becomes
  unrated), and the change is in the history like any other;
- an assignee's name is written as editors' names are (web/serve.py: ASCII letters, digits, '.', '_', '-').

Claims rated before this step start in review, the others unstarted; nobody sent them there, so they have no
history row and no workflow_at or workflow_by. Frozen, like every landed step."""
from . import migrations
from .sql import NOW_MS, a_record, run

STATUS = "status IN ('unstarted', 'in_progress', 'in_review', 'published')"
EDITOR_NAME = ("assignee IS NULL OR (length(assignee) BETWEEN 1 AND 64 AND assignee GLOB '[A-Za-z0-9]*'"
               " AND assignee NOT GLOB '*[^A-Za-z0-9._-]*')")
CHANGES = "(NEW.status IS NOT OLD.status OR NEW.assignee IS NOT OLD.assignee)"
VERDICT_CHANGES = "(NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note)"
ACTOR = "coalesce(checker_actor(), NEW.workflow_by)"
LATEST = "(SELECT max(id) FROM workflow_history WHERE claim_id = NEW.id)"


@migrations()
def m018_editorial_workflow(db):
    run(db, f"""
    ALTER TABLE claims ADD COLUMN status TEXT NOT NULL DEFAULT 'unstarted' CHECK ({STATUS});
    ALTER TABLE claims ADD COLUMN assignee TEXT CHECK ({EDITOR_NAME});
    ALTER TABLE claims ADD COLUMN workflow_at TEXT;
    ALTER TABLE claims ADD COLUMN workflow_by TEXT CHECK (workflow_by IS NULL OR length(workflow_by) > 0);
    UPDATE claims SET status = 'in_review' WHERE verdict <> 'unrated';
    CREATE INDEX claims_status ON claims(status);
    CREATE INDEX claims_assignee ON claims(assignee, status) WHERE assignee IS NOT NULL;

    CREATE TABLE workflow_history (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL DEFAULT {NOW_MS},
        changed_by TEXT NOT NULL CHECK (length(changed_by) > 0),
        from_status TEXT NOT NULL CHECK ({STATUS.replace('status', 'from_status', 1)}),
        to_status TEXT NOT NULL CHECK ({STATUS.replace('status', 'to_status', 1)}),
        from_assignee TEXT,
        to_assignee TEXT
    );
    CREATE INDEX workflow_history_claim ON workflow_history(claim_id, id);
    {a_record('workflow_history')}

    CREATE TRIGGER claims_start_unstarted BEFORE INSERT ON claims
    WHEN NEW.status IS NOT 'unstarted' OR NEW.assignee IS NOT NULL OR NEW.workflow_at IS NOT NULL
         OR NEW.workflow_by IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'a new claim starts unstarted and unassigned: take it once it is added');
    END;
    CREATE TRIGGER claims_workflow_by_its_writer BEFORE UPDATE OF status, assignee, workflow_at, workflow_by ON claims
    WHEN {CHANGES} AND (
        NEW.workflow_at IS NOT OLD.workflow_at
        OR (checker_actor() IS NOT NULL AND NEW.workflow_by IS NOT OLD.workflow_by
            AND NEW.workflow_by IS NOT checker_actor()))
    BEGIN
        SELECT RAISE(ABORT, 'workflow_at and workflow_by are set by the server: send the status or the assignee');
    END;
    CREATE TRIGGER claims_workflow_named BEFORE UPDATE OF status, assignee ON claims
    WHEN {CHANGES} AND {ACTOR} IS NULL
    BEGIN
        SELECT RAISE(ABORT, 'a change of status or assignee is made by someone: name them in workflow_by');
    END;
    CREATE TRIGGER claims_workflow_stamp_is_its_history BEFORE UPDATE OF workflow_at, workflow_by ON claims
    WHEN NOT {CHANGES} AND (NEW.workflow_at IS NOT OLD.workflow_at OR NEW.workflow_by IS NOT OLD.workflow_by)
         AND NOT EXISTS (SELECT 1 FROM workflow_history h WHERE h.id = {LATEST}
                         AND h.changed_at IS NEW.workflow_at AND h.changed_by IS NEW.workflow_by)
    BEGIN
        SELECT RAISE(ABORT, 'workflow_at and workflow_by are set by the server, and change only with the status or assignee');
    END;
    CREATE TRIGGER claims_review_needs_a_verdict BEFORE UPDATE OF status ON claims
    WHEN NEW.status IS NOT OLD.status AND NEW.status IN ('in_review', 'published') AND NEW.verdict = 'unrated'
    BEGIN
        SELECT RAISE(ABORT, 'a claim goes to review, or is published, only with a verdict set');
    END;
    CREATE TRIGGER claims_published_from_review BEFORE UPDATE OF status ON claims
    WHEN NEW.status = 'published' AND OLD.status IS NOT 'published' AND OLD.status IS NOT 'in_review'
    BEGIN
        SELECT RAISE(ABORT, 'a claim is published from review: send it to review first');
    END;
    CREATE TRIGGER claims_published_by_a_second_editor BEFORE UPDATE OF status, verdict, verdict_note ON claims
    WHEN NEW.status = 'published' AND OLD.status IS NOT 'published' AND (
        {ACTOR} IS NEW.verdict_by OR {VERDICT_CHANGES})
    BEGIN
        SELECT RAISE(ABORT, 'a verdict is published by a second editor: whoever set it cannot publish it');
    END;
    CREATE TRIGGER claims_workflow_history AFTER UPDATE OF status, assignee ON claims
    WHEN {CHANGES}
    BEGIN
        INSERT INTO workflow_history (claim_id, changed_at, changed_by, from_status, to_status, from_assignee, to_assignee)
        VALUES (NEW.id, {NOW_MS}, {ACTOR}, OLD.status, NEW.status, OLD.assignee, NEW.assignee);
        UPDATE claims SET workflow_at = (SELECT changed_at FROM workflow_history WHERE id = {LATEST}),
                          workflow_by = (SELECT changed_by FROM workflow_history WHERE id = {LATEST})
        WHERE id = NEW.id;
    END;
    CREATE TRIGGER claims_new_verdict_goes_back_to_review AFTER UPDATE OF verdict, verdict_note ON claims
    WHEN {VERDICT_CHANGES} AND (OLD.status = 'published' OR (OLD.status = 'in_review' AND NEW.verdict = 'unrated'))
    BEGIN
        UPDATE claims SET status = CASE WHEN NEW.verdict = 'unrated' THEN 'in_progress' ELSE 'in_review' END,
                          workflow_by = coalesce(checker_actor(), NEW.verdict_by)
        WHERE id = NEW.id;
    END;
    """)
