"""Commands that write and read articles, claims, sources and verdicts."""
import shutil

import click
from tabulate import tabulate

from .. import claims as lib
from ..db import open_db
from ..errors import CheckerError
from ..extract import read_text
from ..seed import load_seed
from ..vocab import KINDS, RELATIONS
from .options import db_option


@click.command()
@db_option
@click.option("--empty", is_flag=True, help="Create the schema only, without the seed article.")
def init(db_path, empty):
    """Create or migrate the database and load the seed article. Safe to rerun.

    Example: checker init --db claims.db
    """
    db = open_db(db_path, create=True)
    added = 0 if empty else load_seed(db)
    counts = {t: db[t].count for t in ("articles", "claims", "sources", "claim_sources")}
    click.echo(
        f"{db_path}: {added} claims added; "
        + ", ".join(f"{n} {t}" for t, n in counts.items())
    )


@click.command("add-article")
@db_option
@click.option("--id", "article_id", required=True, help="A slug such as pakistan-russia-2012.")
@click.option("--title", required=True)
@click.option("--url", required=True, help="Where the article is published (http or https).")
@click.option("--author")
@click.option("--publisher")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.option("--text-file", required=True, type=click.File("rb"), help="The article's full text, in any encoding ('-' for stdin).")
def add_article(db_path, article_id, title, url, author, publisher, published, text_file):
    """Add an article whose claims you will check.

    Example: checker add-article --id budget-2026 --title "The budget" --url https://example.org/budget --text-file budget.txt
    """
    db = open_db(db_path)
    lib.add_article(
        db, id=article_id, title=title, url=url, author=author, publisher=publisher,
        published=published, text=read_text(text_file.read(), text_file.name),
    )
    click.echo(article_id)


class RecordsOrder(click.Command):
    """A command that remembers the order of its options, so --passage can follow its --source."""

    def parse_args(self, ctx, args):
        ctx.meta["option_order"] = [
            a.partition("=")[0] for a in args if a.partition("=")[0] in ("--source", "--passage")
        ]
        return super().parse_args(ctx, args)


def pair_sources(order, sources, passages):
    """Give each --passage to the --source before it; a source may have none."""
    pairs, sources, passages = [], list(sources), list(passages)
    for name in order:
        if name == "--source":
            pairs.append({"url": sources.pop(0), "passage": None})
        elif not pairs or pairs[-1]["passage"] is not None:
            raise CheckerError("each --passage must follow the --source it belongs to")
        else:
            pairs[-1]["passage"] = passages.pop(0)
    return pairs


@click.command("add-claim", cls=RecordsOrder)
@db_option
@click.option("--article", "article_id", required=True, help="The id of the article that makes the claim.")
@click.option("--quote", required=True, help="The exact words of the article that make the claim.")
@click.option("--kind", required=True, help="One of: " + ", ".join(KINDS) + ".")
@click.option("--claim", "claim_text", required=True, help="The claim restated as one checkable sentence.")
@click.option("--value", help="A figure in base units: 630000000 for US$630 million.")
@click.option("--unit", help="The figure's unit: USD, meetings, ...")
@click.option("--date-start", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--date-end", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--source", "sources", multiple=True, help="A URL the article cites for the claim (repeatable).")
@click.option("--passage", "passages", multiple=True, help="The passage of the --source before it that bears on the claim.")
@click.option("--by", help="Who adds it (default: $CHECKER_USER or your login).")
@click.pass_context
def add_claim(ctx, db_path, article_id, quote, kind, claim_text, value, unit, date_start, date_end, sources, passages, by):
    """Add a claim and its sources in one transaction; prints the new claim's id.

    Each --passage belongs to the --source before it. Sources added here are
    recorded with the relation `cited`; use add-source for others.

    Example: checker add-claim --article pakistan-russia-2012 --quote "US$630 million in 2008" --kind trade_figure --claim "Trade was US$630 million in 2008." --value 630000000 --unit USD --date-start 2008 --source https://example.org/trade --passage "630 million"
    """
    pairs = pair_sources(ctx.meta["option_order"], sources, passages)
    db = open_db(db_path)
    claim_id = lib.add_claim(
        db, article_id=article_id, quote=quote, kind=kind, claim=claim_text, value=value,
        unit=unit, date_start=date_start, date_end=date_end, sources=pairs, added_by=by,
    )
    click.echo(claim_id)


@click.command("add-source")
@db_option
@click.argument("claim_id", type=int)
@click.argument("url")
@click.option("--relation", default="supports", show_default=True, help="One of: " + ", ".join(RELATIONS) + ".")
@click.option("--passage", help="The passage of the source that bears on the claim.")
@click.option("--title", help="The source's title.")
@click.option("--publisher", help="Who published the source.")
@click.option("--note", help="Anything a colleague should know about this source.")
def add_source(db_path, claim_id, url, relation, passage, title, publisher, note):
    """Link a source to a claim; prints the source's id.

    Example: checker add-source 3 https://example.org/report --relation supports --passage "trade reached $630 million"
    """
    db = open_db(db_path)
    source_id = lib.add_source(
        db, claim_id, url, relation=relation, passage=passage, title=title, publisher=publisher, note=note
    )
    click.echo(source_id)


@click.command()
@db_option
@click.argument("claim_id", type=int)
@click.argument("verdict")
@click.option("--note", help="What the record shows, in a sentence or two.")
@click.option("--by", help="Who rates it (default: $CHECKER_USER or your login).")
def verdict(db_path, claim_id, verdict, note, by):
    """Rate a claim: one of unrated, accurate, mostly_accurate, partly_accurate, inaccurate, unverifiable.

    Example: checker verdict 3 accurate --note "The consulate's page gives the same figure."
    """
    db = open_db(db_path)
    row = lib.set_verdict(db, claim_id, verdict, note=note, by=by)
    click.echo(f"claim {row['id']}: {row['verdict']}")


@click.command("claims")
@db_option
@click.option("--kind", help="Only claims of this kind.")
@click.option("--verdict", help="Only claims with this verdict.")
@click.option("--article", "article_id", help="Only claims from this article.")
@click.option("--search", help="Full-text search of quote, claim and verdict note.")
def list_claims(db_path, kind, verdict, article_id, search):
    """List claims as a table.

    Example: checker claims --verdict inaccurate --search Putin
    """
    db = open_db(db_path)
    rows = lib.list_claims(db, kind=kind, verdict=verdict, search=search, article_id=article_id)
    if not rows:
        click.echo("no claims match")
        return
    width = max(20, min(100, shutil.get_terminal_size().columns - 45))
    for row in rows:
        if len(row["claim"]) > width:
            row["claim"] = row["claim"][: width - 1] + "…"
    click.echo(tabulate(rows, headers="keys"))


@click.command()
@db_option
@click.argument("claim_id", type=int)
def show(db_path, claim_id):
    """Show one claim: its quote, verdict, structured fields and sources.

    Example: checker show 1
    """
    db = open_db(db_path)
    c = lib.get_claim(db, claim_id)
    click.echo(f"Claim {c['id']} ({c['kind']}) from {c['article_title']} [{c['article_id']}]")
    click.echo(f"  quote:      {c['quote']}")
    click.echo(f"  claim:      {c['claim']}")
    for field in ("value", "unit", "date_start", "date_end"):
        if c[field] is not None:
            click.echo(f"  {field + ':':<12}{c[field]}")
    click.echo(f"  verdict:    {c['verdict']}" + (f" (by {c['verdict_by']}, {c['verdict_at']})" if c["verdict_by"] else ""))
    if c["verdict_note"]:
        click.echo(f"  note:       {c['verdict_note']}")
    click.echo(f"Sources ({len(c['sources'])}):")
    for s in c["sources"]:
        click.echo(f"  [{s['id']}] {s['relation']}: {s['title'] or s['url']}" + (f" ({s['publisher']})" if s["publisher"] else ""))
        click.echo(f"      {s['url']}")
        if s["passage"]:
            click.echo(f"      \"{s['passage']}\"")
