"""Commands that propose claims from an article's check-worthy sentences, list them, accept or reject
them, and spot the check-worthy sentences of any text."""
import json
import shutil

import click
from tabulate import tabulate

from .. import propose as lib
from ..store.db import open_db
from ..pages.extract import read_text
from ..limits import MAX_NEW_PROPOSALS, MAX_SENTENCE_CHARS, read_at_most
from ..reading.spot import THRESHOLD
from ..text import plural
from ..reading.spot import spot as spot_sentences
from ..vocab import KINDS, PROPOSAL_STATUSES
from .options import RowId, db_option


@click.command("propose")
@db_option
@click.argument("article_id")
def propose(db_path, article_id):
    """Propose claims from an article's check-worthy sentences.

    Each check-worthy sentence becomes one or more atomic proposals (one per
    figure, dated event, person's title, attribution, quotation or clause),
    each with the article's links for it and the recorded claims it repeats.
    Rerunning adds only what is new. One run adds at most 1,000 proposals, the
    first in reading order; run it again for the rest.

    Example: checker propose pakistan-russia-2012
    """
    db = open_db(db_path)
    result = lib.propose(db, article_id)
    line = (f"{result.article_id}: {len(result.added)} new proposals from {result.checkworthy} check-worthy "
            f"sentences of {result.sentences}")
    if result.already:
        line += f" ({result.already} already proposed)"
    if result.repeating:
        line += f"; {result.repeating} repeat recorded claims"
    if result.too_long:
        line += (f"; {plural(result.too_long, 'check-worthy sentence')} over {MAX_SENTENCE_CHARS:,} characters left out"
                 " (a table or list run together?)")
    if result.more:
        line += (f"; stopped at {MAX_NEW_PROPOSALS:,} new proposals, the most one run adds: run `checker propose "
                 f"{result.article_id}` again for the rest")
    click.echo(line)
    if result.added:
        click.echo(f"List them: checker proposals --article {result.article_id}")


def cut(text, width):
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"


@click.command("proposals")
@db_option
@click.option("--article", "article_id", help="Only proposals from this article.")
@click.option("--status", help="Only proposals in this status: " + ", ".join(PROPOSAL_STATUSES) + ".")
def proposals(db_path, article_id, status):
    """List proposed claims as a table: id, status, kind, score and claim, with the claims each repeats.

    Example: checker proposals --article pakistan-russia-2012 --status proposed
    """
    db = open_db(db_path)
    rows = lib.list_proposals(db, article_id=article_id, status=status)
    if not rows:
        click.echo("no proposals match")
        return
    marks = {"quote_gone": " (quote gone)", "sentence_changed": " (sentence changed)", "current": ""}
    statuses = {row["id"]: row["status"] + (f" as {row['claim_id']}" if row["claim_id"] else "")
                + (marks[row["standing"]] if row["status"] == "proposed" else "") for row in rows}
    # tabulate pads each header by two; the columns stand two apart
    fixed = sum(max(len(header) + 2, *map(len, values)) + 2 for header, values in [
        ("id", [str(r["id"]) for r in rows]), ("status", statuses.values()), ("kind", [r["kind"] for r in rows]),
        ("score", ["0.00"])])
    width = max(30, shutil.get_terminal_size().columns - fixed)
    table = []
    for row in rows:
        cell = cut(row["claim"], width)
        if row["repeats"]:  # on a line of its own under the claim
            cell += "\n" + cut(lib.describe_repeats(row["repeats"]), width)
        table.append({"id": row["id"], "status": statuses[row["id"]], "kind": row["kind"],
                      "score": f"{row['score']:.2f}", "claim": cell})
    click.echo(tabulate(table, headers="keys", disable_numparse=True))
    click.echo(plural(len(rows), "proposal"))
    earlier = [row for row in rows if row["status"] == "proposed" and row["standing"] != "current"]
    if earlier:
        click.echo(f"{plural(len(earlier), 'open proposal')} came from sentences the article's text changed (sentence "
                   "changed: accept with --claim restating the new wording) or dropped (quote gone: reject, or propose "
                   "again)")


@click.command("accept")
@db_option
@click.argument("proposal_id", type=RowId("proposal"))
@click.option("--claim", "claim_text", help="The claim restated as one checkable sentence, instead of the proposal's.")
@click.option("--kind", help="One of: " + ", ".join(KINDS) + ".")
@click.option("--value", help="A figure in base units: 630000000 for US$630 million.")
@click.option("--unit", help="The figure's unit: USD, meetings, ...")
@click.option("--date-start", help="YYYY, YYYY-MM or YYYY-MM-DD (alone, it drops the proposal's date end).")
@click.option("--date-end", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--by", help="Who accepts it (default: $CHECKER_USER or your login).")
def accept(db_path, proposal_id, claim_text, kind, value, unit, date_start, date_end, by):
    """Accept a proposal: it becomes a claim, with the article's links for it as cited sources.

    Each option given replaces the proposal's field. Only a proposal still
    `proposed` can be accepted; the claim and the proposal's new status are
    written in one transaction.

    Example: checker accept 12 --kind trade_figure --date-start 2006
    """
    db = open_db(db_path)
    claim_id = lib.accept(db, proposal_id, claim=claim_text, kind=kind, value=value, unit=unit,
                          date_start=date_start, date_end=date_end, by=by)
    click.echo(f"proposal {proposal_id} accepted as claim {claim_id}")


@click.command("reject")
@db_option
@click.argument("proposal_id", type=RowId("proposal"))
@click.option("--reason", required=True, help="Why it is rejected (kept with it): 'opinion, nothing to check'.")
@click.option("--by", help="Who rejects it (default: $CHECKER_USER or your login).")
def reject(db_path, proposal_id, reason, by):
    """Reject a proposal (only one still `proposed`), saying why; `checker reopen` undoes it.

    Example: checker reject 12 --reason "the writer's opinion, nothing to check"
    """
    db = open_db(db_path)
    lib.reject(db, proposal_id, reason, by=by)
    click.echo(f"proposal {proposal_id} rejected")


@click.command("reopen")
@db_option
@click.argument("proposal_id", type=RowId("proposal"))
@click.option("--by", help="Who reopens it (default: $CHECKER_USER or your login).")
def reopen(db_path, proposal_id, by):
    """Undo a rejection: the proposal is open again (its reason stays in proposal_history).

    Example: checker reopen 12
    """
    db = open_db(db_path)
    lib.reopen(db, proposal_id, by=by)
    click.echo(f"proposal {proposal_id} is open again")


@click.command("spot")
@click.argument("file", type=click.File("rb"), default="-", required=False)
@click.option("--lines", is_flag=True, help="Take each line of the input as one sentence.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per sentence: sentence, score (0 to 1) and checkworthy.")
def spot(file, lines, as_json):
    """Score each sentence of a text (a file, or stdin with '-') for check-worthiness; needs no database.

    A score of 0.5 or more is check-worthy (marked *). The input may be in any
    encoding.

    Example: checker spot article.txt --json
    """
    name = getattr(file, "name", "-")
    text = read_text(read_at_most(file, name), name)
    found = spot_sentences(text, lines=lines)
    for s in found:
        if as_json:
            click.echo(json.dumps({"sentence": s["sentence"], "score": s["score"], "checkworthy": s["checkworthy"]},
                                  ensure_ascii=False))
        else:
            click.echo(f"{s['score']:.2f} {'*' if s['checkworthy'] else ' '} {' '.join(s['sentence'].split())}")
    if not as_json:
        worthy = sum(s["checkworthy"] for s in found)
        click.echo(f"{worthy} of {len(found)} sentences check-worthy (score {THRESHOLD:g} or more, marked *)")
