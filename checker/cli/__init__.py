"""The ``checker`` command line: each command parses, calls one library function, prints.

The group is the console script's entry point; its commands live beside it, one module per concern."""
import click

from . import checks, claims, export, intake, proposals, serve
from .options import CheckerGroup


@click.group(cls=CheckerGroup)
@click.version_option(package_name="checker")
def cli():
    """checker: a fact-checking citation tracker.

    Articles, their claims and the sources for each claim live in an SQLite
    database (claims.db) that Datasette serves.

    Example: checker claims --kind trade_figure
    """


for command in (
    claims.init, claims.add_article, claims.add_claim, claims.add_source, claims.verdict, claims.list_claims,
    claims.show, checks.check, checks.reassess, checks.review, export.export, serve.serve, intake.import_article,
    proposals.propose, proposals.proposals, proposals.accept, proposals.reject, proposals.spot,
):
    cli.add_command(command)
