"""The ``checker`` command line: each command parses, calls one library function, prints.

The group is the console script's entry point; its commands live beside it, one module per concern."""
import click

from .options import CheckerGroup

# Each command by name: "module:function" in this package, and the first sentence of its help. A
# module is imported only when one of its commands runs: `checker check` starts without loading the web
# server or the article reader, and `checker --help` lists every command without loading any
# (tests/test_cli.py checks each sentence against the command's own help).
COMMANDS = {
    "init": ("claims:init", "Create or migrate the database and load the seed article."),
    "add-article": ("claims:add_article", "Add an article whose claims you will check."),
    "add-claim": ("claims:add_claim", "Add a claim and its sources in one transaction; prints the new claim's id."),
    "add-source": ("claims:add_source", "Link a source to a claim; prints the source's id."),
    "verdict": ("claims:verdict",
               "Rate a claim: one of unrated, accurate, mostly_accurate, partly_accurate, inaccurate, "
               "unverifiable."),
    "assign": ("workflow:assign",
               "Give a claim to an editor (yourself, to take it); an unstarted claim is then in progress."),
    "status": ("workflow:status",
               "Move a claim to a status: one of unstarted, in_progress, in_review, published (review needs a "
               "verdict; publishing needs review and an editor other than the one who set the verdict)."),
    "claims": ("claims:list_claims", "List claims as a table, each claim wrapped to the terminal's width."),
    "show": ("claims:show",
               "Show one claim as the workbench does: its quote, figures and dates, verdict, health, and "
               "each source with its state, its latest evidence (facts found and missing, snippet) and its "
               "passage."),
    "check": ("checks:check", "Retrieve the cited pages, fall back to the web archive, and record every attempt."),
    "reassess": ("checks:reassess",
               "Recompute the evidence of every claim from the stored snapshots, without the network."),
    "review": ("checks:review", "List the review queue: claims whose health got worse since their verdict was set."),
    "export": ("export:export", "Export claims: ClaimReview JSON-LD for publishing, CSV for spreadsheets."),
    "serve": ("serve:serve", "Serve the database in Datasette with the project's metadata and config."),
    "import": ("intake:import_article",
               "Import an article from SOURCE: an http(s) URL, or a .html, .htm, .txt or .pdf file."),
    "propose": ("proposals:propose", "Propose claims from an article's check-worthy sentences."),
    "proposals": ("proposals:proposals",
               "List proposed claims as a table: id, status, kind, score and claim, with the claims each "
               "repeats."),
    "accept": ("proposals:accept",
               "Accept a proposal: it becomes a claim, with the article's links for it as cited sources."),
    "reject": ("proposals:reject", "Reject a proposal (only one still `proposed`), saying why; `checker reopen` undoes it."),
    "reopen": ("proposals:reopen", "Undo a rejection: the proposal is open again (its reason stays in proposal_history)."),
    "spot": ("proposals:spot",
               "Score each sentence of a text (a file, or stdin with '-') for check-worthiness; needs no "
               "database."),
}


@click.group(cls=CheckerGroup, lazy_commands=COMMANDS)
@click.version_option(package_name="checker")
def cli():
    """checker: a fact-checking citation tracker.

    Articles, their claims and the sources for each claim live in an SQLite
    database (claims.db) that Datasette serves.

    Example: checker claims --kind trade_figure
    """

