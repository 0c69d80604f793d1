"""m019: a proposal is rejected for a reason, and a rejection can be undone. A proposal gets
`decided_by` and `decided_at` (who last accepted, rejected or reopened it, and when) and
`rejected_because` (the reason, while it stays rejected); every change of its status is kept in
`proposal_history` with who, when and the reason. Who acts is `checker_actor()` on Datasette's
connections, else the `decided_by` the writer sends.

The rules the database keeps, whoever writes:
- a proposal goes from proposed to accepted (as the claim just made from it, as m011 has it) or to
  rejected, and from rejected back to proposed (an undo), and no other way;
- a rejection says why (`rejected_because`, not blank); an undo clears the reason;
- every change of status is made by someone.

Proposals rejected before this step keep no reason: nobody was asked for one. Frozen, like every landed step."""
from . import migrations
from .sql import NOW_MS, a_record, run, squashed

ACTOR = "coalesce(checker_actor(), NEW.decided_by)"
BLANK = "' ' || char(9) || char(10) || char(13) || char(160)"


@migrations()
def m019_proposal_decisions(db):
    run(db, f"""
    ALTER TABLE proposals ADD COLUMN decided_by TEXT CHECK (decided_by IS NULL OR length(decided_by) > 0);
    ALTER TABLE proposals ADD COLUMN decided_at TEXT;
    ALTER TABLE proposals ADD COLUMN rejected_because TEXT
        CHECK (rejected_because IS NULL OR (status = 'rejected' AND trim(rejected_because, {BLANK}) <> ''));

    CREATE TABLE proposal_history (
        id INTEGER PRIMARY KEY,
        proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL DEFAULT {NOW_MS},
        changed_by TEXT NOT NULL CHECK (length(changed_by) > 0),
        from_status TEXT NOT NULL CHECK (from_status IN ('proposed', 'accepted', 'rejected')),
        to_status TEXT NOT NULL CHECK (to_status IN ('proposed', 'accepted', 'rejected')),
        reason TEXT
    );
    CREATE INDEX proposal_history_proposal ON proposal_history(proposal_id, id);
    {a_record('proposal_history')}

    DROP TRIGGER proposals_move_forward;
    CREATE TRIGGER proposals_move_forward BEFORE UPDATE OF status, claim_id ON proposals
    WHEN NOT (
        (NEW.status IS OLD.status AND NEW.claim_id IS OLD.claim_id)
        OR (OLD.status = 'proposed' AND NEW.status = 'rejected' AND NEW.claim_id IS NULL)
        OR (OLD.status = 'rejected' AND NEW.status = 'proposed' AND NEW.claim_id IS NULL)
        OR (OLD.status = 'proposed' AND NEW.status = 'accepted'
            AND EXISTS (SELECT 1 FROM claims c WHERE c.id = NEW.claim_id AND c.article_id = NEW.article_id
                        AND julianday('now') - julianday(c.added_at) < 60 / 86400.0
                        AND (instr({squashed('coalesce(NEW.sentence, NEW.quote)')}, {squashed('c.quote')}) > 0
                             OR instr({squashed('c.quote')}, {squashed('NEW.quote')}) > 0))
            AND NOT EXISTS (SELECT 1 FROM proposals p WHERE p.claim_id = NEW.claim_id AND p.id <> NEW.id)))
    BEGIN
        SELECT RAISE(ABORT, 'a proposal goes from proposed to rejected or back, or to accepted as the claim just made from it, and no further');
    END;
    CREATE TRIGGER proposals_rejected_for_a_reason BEFORE UPDATE OF status, rejected_because ON proposals
    WHEN (NEW.status = 'rejected' AND OLD.status IS NOT 'rejected'
          AND trim(coalesce(NEW.rejected_because, ''), {BLANK}) = '')
         OR (NEW.status IS NOT 'rejected' AND NEW.rejected_because IS NOT NULL)
    BEGIN
        SELECT RAISE(ABORT, 'a proposal is rejected for a reason: say why in rejected_because (an undo clears it)');
    END;
    CREATE TRIGGER proposals_decided_by_someone BEFORE UPDATE OF status ON proposals
    WHEN NEW.status IS NOT OLD.status AND {ACTOR} IS NULL
    BEGIN
        SELECT RAISE(ABORT, 'a proposal is accepted, rejected or reopened by someone: name them in decided_by');
    END;
    CREATE TRIGGER proposals_decision_history AFTER UPDATE OF status ON proposals
    WHEN NEW.status IS NOT OLD.status
    BEGIN
        INSERT INTO proposal_history (proposal_id, changed_at, changed_by, from_status, to_status, reason)
        VALUES (NEW.id, {NOW_MS}, {ACTOR}, OLD.status, NEW.status, NEW.rejected_because);
        UPDATE proposals SET decided_by = {ACTOR},
                             decided_at = (SELECT changed_at FROM proposal_history
                                           WHERE id = (SELECT max(id) FROM proposal_history WHERE proposal_id = NEW.id))
        WHERE id = NEW.id;
    END;
    """)
