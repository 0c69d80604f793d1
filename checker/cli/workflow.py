"""Commands of the editorial workflow: who has a claim and where it stands."""
import click

from ..errors import CheckerError
from ..store import workflow as lib
from ..store.db import open_db
from ..vocab import STATUSES
from ..words import label
from .options import RowId, db_option


def where_it_stands(row):
    return f"claim {row['id']}: {label('status', row['status'])}, with {row['assignee'] or 'nobody'}"


@click.command()
@db_option
@click.argument("claim_id", type=RowId("claim"))
@click.argument("editor", required=False)
@click.option("--nobody", is_flag=True, help="Take the claim off whoever has it.")
@click.option("--by", help="Who assigns it (default: $CHECKER_USER or your login).")
def assign(db_path, claim_id, editor, nobody, by):
    """Give a claim to an editor (yourself, to take it); an unstarted claim is then in progress.

    Example: checker assign 3 alice --by alice
    """
    if (editor is None) == (not nobody):
        raise CheckerError("give the EDITOR to assign, or --nobody (not both)")
    db = open_db(db_path)
    click.echo(where_it_stands(lib.assign(db, claim_id, editor, by=by)))


@click.command()
@db_option
@click.argument("claim_id", type=RowId("claim"))
@click.argument("status")
@click.option("--by", help="Who moves it (default: $CHECKER_USER or your login).")
def status(db_path, claim_id, status, by):
    """Move a claim to a status: one of unstarted, in_progress, in_review, published (review needs a verdict;
    publishing needs review and an editor other than the one who set the verdict).

    Example: checker status 3 published --by bob
    """
    db = open_db(db_path)
    click.echo(where_it_stands(lib.set_status(db, claim_id, status, by=by)))


assert set(STATUSES) == {"unstarted", "in_progress", "in_review", "published"}, "the help above names each status"
