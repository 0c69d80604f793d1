"""The editorial workflow: who has a claim, where it stands (unstarted, in progress, in review, published), and
the lists an editor works from. The database keeps the same rules (migrations/editorial_workflow.py, m018);
here they are said in one line before anything is written."""
import re
from typing import Any, cast

from sqlite_utils import Database

from .claims import current_user, get_claim_row
from .db import transaction
from .rows import ClaimRow, WorkItem
from ..errors import InvalidInput, SecondEditorNeeded, WorkflowRefused
from ..text import clean
from ..vocab import STATUSES
from ..words import label

# An editor's name as web/serve.py accepts one; m018 holds assignees to the same shape.
EDITOR_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _editor(value: object, what: str) -> str:
    name = clean(value)
    if name is None or not EDITOR_NAME.fullmatch(name):
        raise InvalidInput(f"{what} {value!r} is not an editor's name (ASCII letters, digits, '.', '_' or '-')"
                           ).at("assignee")
    return name


def _writer(by: str | None) -> str:
    writer = clean(by) or current_user()
    if writer is None:
        raise InvalidInput("who makes this change? name them with --by or $CHECKER_USER").at("by")
    return writer


def status_problem(claim: ClaimRow, status: str, by: str) -> WorkflowRefused | None:
    """Why ``by`` may not move ``claim`` to ``status`` (its message one line), or None when they may."""
    if status in ("in_review", "published") and claim["verdict"] == "unrated":
        return WorkflowRefused(f"claim {claim['id']} has no verdict yet: set one before it goes to review")
    if status == "published" and claim["status"] != "published":
        if claim["status"] != "in_review":
            return WorkflowRefused(f"claim {claim['id']} is {label('status', claim['status'])}: "
                                   "send it to review before publishing it")
        if claim["verdict_by"] == by:
            return SecondEditorNeeded(claim["id"], by)
    return None


def set_status(db: Database, claim_id: int, status: str, *, by: str | None = None) -> ClaimRow:
    """Move a claim to ``status`` (one of STATUSES) as ``by``; the change goes into workflow_history.
    Review and publication need a verdict; publication needs review first and a second editor."""
    if clean(status) not in STATUSES:
        raise InvalidInput(f"unknown status {status!r}: expected one of {', '.join(STATUSES)}").at("status")
    status = cast(str, clean(status))
    writer = _writer(by)
    with transaction(db):
        claim = get_claim_row(db, claim_id)
        problem = status_problem(claim, status, writer)
        if problem:
            raise problem.at("status")
        if claim["status"] == status:
            return claim  # nothing changes: nothing to record
        db.table("claims").update(claim["id"], {"status": status, "workflow_by": writer})
    return get_claim_row(db, claim_id)


def assign(db: Database, claim_id: int, assignee: str | None, *, by: str | None = None) -> ClaimRow:
    """Give a claim to ``assignee`` (None: to nobody) as ``by``: taking it when they are the same. An unstarted
    claim given to someone is in progress from then on."""
    name = None if assignee is None else _editor(assignee, "assignee")
    writer = _writer(by)
    with transaction(db):
        claim = get_claim_row(db, claim_id)
        changes: dict[str, Any] = {"assignee": name, "workflow_by": writer}
        if name is not None and claim["status"] == "unstarted":
            changes["status"] = "in_progress"
        if claim["assignee"] == name and changes.get("status", claim["status"]) == claim["status"]:
            return claim
        db.table("claims").update(claim["id"], changes)
    return get_claim_row(db, claim_id)


def history(db: Database, claim_id: int) -> list[dict[str, Any]]:
    """The claim's changes of status and assignee, newest first."""
    return [dict(r) for r in db.query("SELECT * FROM workflow_history WHERE claim_id = ? ORDER BY id DESC",
                                      [claim_id])]


WORK_COLUMNS = "id, claim, status, verdict, verdict_by, assignee, workflow_at"


def yours(db: Database, editor: str, limit: int = 20) -> list[WorkItem]:
    """The claims assigned to ``editor`` that are not published yet, those in progress first."""
    return [cast(WorkItem, dict(r)) for r in db.query(
        f"""SELECT {WORK_COLUMNS} FROM claims WHERE assignee = ? AND status <> 'published'
            ORDER BY status = 'in_progress' DESC, id LIMIT ?""", [editor, limit])]


def awaiting_review(db: Database, editor: str, limit: int = 20) -> list[WorkItem]:
    """The claims in review whose verdict someone other than ``editor`` set: the ones they may publish, the
    latest sent or rated first (a colleague is waiting on those)."""
    return [cast(WorkItem, dict(r)) for r in db.query(
        f"""SELECT {WORK_COLUMNS} FROM claims WHERE status = 'in_review' AND verdict_by IS NOT ?
            ORDER BY max(coalesce(workflow_at, ''), coalesce(verdict_at, '')) DESC, id DESC LIMIT ?""",
        [editor, limit])]


def awaiting_review_count(db: Database, editor: str) -> int:
    return db.execute("SELECT count(*) FROM claims WHERE status = 'in_review' AND verdict_by IS NOT ?",
                      [editor]).fetchone()[0]
