"""The editorial workflow (store/workflow.py, m018): take, hand on, review, publish, from tables of steps; the
database refusing what the library refuses; the commands `checker assign` and `checker status`."""
import sqlite3

import pytest
import sqlite_utils

from checker.errors import CheckerError, ConstraintViolation, SecondEditorNeeded, WorkflowRefused
from checker.store.claims import add_article, add_claim, set_verdict
from checker.store.db import connect
from checker.store.workflow import assign, awaiting_review, history, set_status, yours

TEXT = "Trade was US$630 million in 2008. Turnout was 67 percent."


@pytest.fixture
def desk(empty_db):
    add_article(empty_db, id="a", title="An article", text=TEXT)
    return empty_db


def new_claim(db):
    return add_claim(db, article_id="a", quote="US$630 million in 2008", kind="trade_figure",
                     claim="Trade was US$630 million in 2008.", added_by="alice")


def status_of(db, claim_id):
    return db.execute("SELECT status, assignee FROM claims WHERE id = ?", [claim_id]).fetchone()


# Each step: (action, who, argument); the claim's (status, assignee) after it, or the words of the refusal.
STEP = {
    "assign": lambda db, c, who, arg: assign(db, c, arg, by=who),
    "status": lambda db, c, who, arg: set_status(db, c, arg, by=who),
    "verdict": lambda db, c, who, arg: set_verdict(db, c, arg, note=f"{who} read the sources ({arg}).", by=who),
}
SCENARIOS = {
    "take, rate, review, publish as a second editor": [
        (("assign", "alice", "alice"), ("in_progress", "alice")),
        (("verdict", "alice", "accurate"), ("in_progress", "alice")),
        (("status", "alice", "in_review"), ("in_review", "alice")),
        (("status", "bob", "published"), ("published", "alice")),
    ],
    "hand on, then the new assignee rates it": [
        (("assign", "alice", "alice"), ("in_progress", "alice")),
        (("assign", "alice", "bob"), ("in_progress", "bob")),
        (("verdict", "bob", "inaccurate"), ("in_progress", "bob")),
        (("status", "bob", "in_review"), ("in_review", "bob")),
        (("status", "alice", "published"), ("published", "bob")),
    ],
    "no review without a verdict": [
        (("assign", "alice", "alice"), ("in_progress", "alice")),
        (("status", "alice", "in_review"), "has no verdict yet"),
        (("status", "alice", "published"), "has no verdict yet"),
    ],
    "whoever set the verdict cannot publish it": [
        (("verdict", "alice", "accurate"), ("unstarted", None)),
        (("status", "alice", "in_review"), ("in_review", None)),
        (("status", "alice", "published"), "alice set its verdict, so a second editor must publish it"),
        (("status", "bob", "published"), ("published", None)),
    ],
    "published only from review": [
        (("verdict", "alice", "accurate"), ("unstarted", None)),
        (("status", "bob", "published"), "send it to review before publishing it"),
        (("assign", "bob", "bob"), ("in_progress", "bob")),
        (("status", "alice", "published"), "send it to review before publishing it"),
    ],
    "a published verdict that changes goes back to review": [
        (("verdict", "alice", "accurate"), ("unstarted", None)),
        (("status", "alice", "in_review"), ("in_review", None)),
        (("status", "bob", "published"), ("published", None)),
        (("verdict", "bob", "mostly_accurate"), ("in_review", None)),
        (("status", "bob", "published"), "bob set its verdict, so a second editor must publish it"),
        (("status", "alice", "published"), ("published", None)),
    ],
    "a published verdict taken back to unrated goes back to work": [
        (("verdict", "alice", "accurate"), ("unstarted", None)),
        (("status", "alice", "in_review"), ("in_review", None)),
        (("status", "bob", "published"), ("published", None)),
        (("verdict", "carol", "unrated"), ("in_progress", None)),
    ],
    "handed to nobody, and names that are not editors'": [
        (("assign", "alice", "alice"), ("in_progress", "alice")),
        (("assign", "alice", None), ("in_progress", None)),
        (("assign", "alice", "Bob Smith"), "is not an editor's name"),
        (("assign", "alice", ""), "is not an editor's name"),
        (("status", "alice", "done"), "unknown status 'done'"),
    ],
}


@pytest.mark.parametrize("steps", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_workflow_steps(desk, steps):
    claim_id = new_claim(desk)
    assert status_of(desk, claim_id) == ("unstarted", None)
    changes = 0
    for (action, who, arg), expected in steps:
        before = status_of(desk, claim_id)
        if isinstance(expected, str):
            with pytest.raises(CheckerError) as refused:
                STEP[action](desk, claim_id, who, arg)
            assert expected in str(refused.value) and "\n" not in str(refused.value)
            assert status_of(desk, claim_id) == before  # nothing written
            continue
        STEP[action](desk, claim_id, who, arg)
        assert status_of(desk, claim_id) == expected, (action, who, arg)
        changes += status_of(desk, claim_id) != before
    rows = history(desk, claim_id)
    assert len(rows) == changes  # every change, and only changes, in the history
    for row in rows:
        assert row["changed_by"] and row["changed_at"]
    latest = desk.execute("SELECT workflow_at, workflow_by FROM claims WHERE id = ?", [claim_id]).fetchone()
    if rows:
        assert latest == (rows[0]["changed_at"], rows[0]["changed_by"])


def test_the_history_says_who_and_what(desk):
    claim_id = new_claim(desk)
    assign(desk, claim_id, "alice", by="alice")
    assign(desk, claim_id, "bob", by="alice")
    set_verdict(desk, claim_id, "accurate", note="The report says so.", by="bob")
    set_status(desk, claim_id, "in_review", by="bob")
    set_status(desk, claim_id, "published", by="carol")
    set_verdict(desk, claim_id, "partly_accurate", note="A later report differs.", by="dave")
    steps = [(r["changed_by"], r["from_status"], r["to_status"], r["from_assignee"], r["to_assignee"])
             for r in reversed(history(desk, claim_id))]
    assert steps == [
        ("alice", "unstarted", "in_progress", None, "alice"),
        ("alice", "in_progress", "in_progress", "alice", "bob"),
        ("bob", "in_progress", "in_review", "bob", "bob"),
        ("carol", "in_review", "published", "bob", "bob"),
        ("dave", "published", "in_review", "bob", "bob"),  # the new verdict's author sent it back
    ]


def test_the_second_editor_error_is_its_own_class(desk):
    claim_id = new_claim(desk)
    set_verdict(desk, claim_id, "accurate", note="Yes.", by="alice")
    set_status(desk, claim_id, "in_review", by="alice")
    with pytest.raises(SecondEditorNeeded) as refused:
        set_status(desk, claim_id, "published", by="alice")
    assert str(refused.value) == f"claim {claim_id}: alice set its verdict, so a second editor must publish it"
    assert isinstance(refused.value, WorkflowRefused)


# Writes that go round the library (a script, Datasette's JSON API): the database refuses each.
def raw_rated_in_review(db):
    claim_id = new_claim(db)
    set_verdict(db, claim_id, "accurate", note="Yes.", by="alice")
    set_status(db, claim_id, "in_review", by="alice")
    return claim_id


RAW_REFUSALS = [
    ("UPDATE claims SET status = 'published', workflow_by = 'alice' WHERE id = ?", "a second editor"),
    ("UPDATE claims SET status = 'published', workflow_by = 'bob', verdict = 'inaccurate', verdict_note = 'No.',"
     " verdict_by = 'bob' WHERE id = ?", "a second editor"),
    ("UPDATE claims SET status = 'finished', workflow_by = 'bob' WHERE id = ?", "CHECK constraint failed"),
    ("UPDATE claims SET assignee = 'Bob Smith', workflow_by = 'bob' WHERE id = ?", "CHECK constraint failed"),
    ("UPDATE claims SET assignee = 'bob', workflow_at = '2020-01-01T00:00:00Z', workflow_by = 'bob' WHERE id = ?",
     "set by the server"),
    ("UPDATE claims SET workflow_by = 'mallory' WHERE id = ?", "set by the server"),
    ("UPDATE workflow_history SET changed_by = 'mallory' WHERE claim_id = ?", "never rewritten"),
    ("DELETE FROM workflow_history WHERE claim_id = ?", "never deleted"),
]


@pytest.mark.parametrize("sql,message", RAW_REFUSALS, ids=[f"{m}: {sql[:48]}" for sql, m in RAW_REFUSALS])
def test_the_database_refuses_what_the_library_refuses(desk, sql, message):
    claim_id = raw_rated_in_review(desk)
    before = (status_of(desk, claim_id), len(history(desk, claim_id)))
    with pytest.raises(sqlite3.DatabaseError) as refused:
        desk.execute(sql, [claim_id])
    assert message in str(refused.value)
    desk.conn.rollback()
    assert (status_of(desk, claim_id), len(history(desk, claim_id))) == before


def test_the_database_refuses_review_without_a_verdict_and_an_unstarted_insert(desk):
    claim_id = new_claim(desk)
    with pytest.raises(sqlite3.DatabaseError, match="only with a verdict set"):
        desk.execute("UPDATE claims SET status = 'in_review', workflow_by = 'bob' WHERE id = ?", [claim_id])
    with pytest.raises(sqlite3.DatabaseError, match="starts unstarted and unassigned"):
        desk.execute("INSERT INTO claims (article_id, quote, claim, kind, status) VALUES ('a', 'Turnout was 67 percent',"
                     " 'Turnout was 67%.', 'percentage', 'published')")
    with pytest.raises(sqlite3.DatabaseError, match="name them in workflow_by"):
        desk.execute("UPDATE claims SET assignee = 'bob' WHERE id = ?", [claim_id])


def test_a_library_refusal_the_database_also_makes_is_one_line(desk, monkeypatch):
    """Were the library's own check skipped, the database's refusal still reaches the caller as one line."""
    from checker.store import workflow

    claim_id = raw_rated_in_review(desk)
    monkeypatch.setattr(workflow, "status_problem", lambda *args: None)
    with pytest.raises(ConstraintViolation, match="a second editor: whoever set it cannot publish it"):
        set_status(desk, claim_id, "published", by="alice")


def test_the_lists_an_editor_works_from(desk):
    first, second, third = (new_claim(desk), add_claim(desk, article_id="a", quote="67 percent", kind="percentage",
                            claim="Turnout was 67%.", added_by="alice"),
                            add_claim(desk, article_id="a", quote="Trade was", kind="other", claim="Trade was.",
                                      added_by="alice"))
    assign(desk, first, "alice", by="alice")
    assign(desk, second, "alice", by="bob")
    set_verdict(desk, second, "accurate", note="Yes.", by="alice")
    set_status(desk, second, "in_review", by="alice")
    set_verdict(desk, third, "inaccurate", note="No.", by="bob")
    set_status(desk, third, "in_review", by="bob")
    assert [c["id"] for c in yours(desk, "alice")] == [first, second]
    assert [c["id"] for c in awaiting_review(desk, "alice")] == [third]
    assert [c["id"] for c in awaiting_review(desk, "bob")] == [second]
    set_status(desk, third, "published", by="alice")
    assert awaiting_review(desk, "alice") == []


def test_the_seed_and_older_databases_start_rated_claims_in_review(db, tmp_path):
    counts = dict(db.execute("SELECT status, count(*) FROM claims GROUP BY status").fetchall())
    rated = db.execute("SELECT count(*) FROM claims WHERE verdict <> 'unrated'").fetchone()[0]
    assert counts.get("in_review", 0) == rated and counts.get("unstarted", 0) == db["claims"].count - rated
    assert {r["changed_by"] for r in db.query("SELECT changed_by FROM workflow_history")} <= {"seed"}

    from checker import migrations

    path = tmp_path / "m017.db"
    old = sqlite_utils.Database(connect(path, create=True))
    migrations.migrations.apply(old, stop_before="m018_editorial_workflow")
    add_article(old, id="a", title="An article", text=TEXT)
    rated_id = new_claim(old)
    set_verdict(old, rated_id, "accurate", note="Yes.", by="alice")
    unrated_id = add_claim(old, article_id="a", quote="67 percent", kind="percentage", claim="Turnout was 67%.")
    migrations.apply(old)
    assert status_of(old, rated_id) == ("in_review", None) and status_of(old, unrated_id) == ("unstarted", None)
    assert old["workflow_history"].count == 0  # nobody sent them: no history
    old.conn.close()


# --- the commands ----------------------------------------------------------------------------

def counts(db):
    return db.execute("SELECT (SELECT count(*) FROM workflow_history), (SELECT group_concat(status || '/' ||"
                      " coalesce(assignee, '-')) FROM claims)").fetchone()


def test_checker_assign_and_status(run, db):
    result = run("assign", "1", "alice", "--by", "alice")
    assert result.exit_code == 0, result.output
    assert result.output == "claim 1: in review, with alice\n"  # the seed rated it: assigning keeps it there
    verdict_by = db.execute("SELECT verdict, verdict_by FROM claims WHERE id = 1").fetchone()
    assert verdict_by[0] != "unrated" and verdict_by[1] == "seed"
    run("status", "1", "in_progress", "--by", "alice")
    result = run("verdict", "1", "accurate", "--note", "Alice read the report.", "--by", "alice")
    assert result.exit_code == 0, result.output
    result = run("status", "1", "in_review", "--by", "alice")
    assert (result.exit_code, result.output) == (0, "claim 1: in review, with alice\n")
    result = run("status", "1", "published", "--by", "bob")
    assert (result.exit_code, result.output) == (0, "claim 1: published, with alice\n")
    result = run("assign", "1", "--nobody", "--by", "bob")
    assert (result.exit_code, result.output) == (0, "claim 1: published, with nobody\n")


@pytest.mark.parametrize("args,message", [
    (["status", "1", "published", "--by", "seed"], "seed set its verdict, so a second editor must publish it"),
    (["status", "1", "done", "--by", "bob"], "unknown status 'done'"),
    (["status", "999", "in_review", "--by", "bob"], "no claim"),
    (["assign", "1", "Bob Smith", "--by", "bob"], "is not an editor's name"),
    (["assign", "1", "--by", "bob"], "give the EDITOR to assign, or --nobody"),
    (["assign", "1", "bob", "--nobody", "--by", "bob"], "give the EDITOR to assign, or --nobody"),
])
def test_bad_input_is_one_line_with_nothing_written(run, db, args, message):
    if args[2] == "published":
        run("status", "1", "in_progress", "--by", "bob")  # out of review, then back: the seed set its verdict
        run("status", "1", "in_review", "--by", "bob")
    before = counts(db)
    result = run(*args)
    assert result.exit_code != 0
    assert message in result.output and result.output.count("\n") == 1, result.output
    assert counts(db) == before
