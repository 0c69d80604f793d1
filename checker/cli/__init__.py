"""The ``checker`` command line: each command parses, calls one library function, prints.

The group is the console script's entry point; its commands live beside it, one module per concern."""
import click

from .options import CheckerGroup

# Each command by name, as "module:function" in this package. A module is imported only when one of
# its commands runs (or help lists them): `checker check` starts without loading the web server or
# the article reader.
COMMANDS = {
    "init": "claims:init",
    "add-article": "claims:add_article",
    "add-claim": "claims:add_claim",
    "add-source": "claims:add_source",
    "verdict": "claims:verdict",
    "claims": "claims:list_claims",
    "show": "claims:show",
    "check": "checks:check",
    "reassess": "checks:reassess",
    "review": "checks:review",
    "export": "export:export",
    "serve": "serve:serve",
    "import": "intake:import_article",
    "propose": "proposals:propose",
    "proposals": "proposals:proposals",
    "accept": "proposals:accept",
    "reject": "proposals:reject",
    "spot": "proposals:spot",
}


@click.group(cls=CheckerGroup, lazy_commands=COMMANDS)
@click.version_option(package_name="checker")
def cli():
    """checker: a fact-checking citation tracker.

    Articles, their claims and the sources for each claim live in an SQLite
    database (claims.db) that Datasette serves.

    Example: checker claims --kind trade_figure
    """

