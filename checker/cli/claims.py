"""Commands that write and read articles, claims, sources and verdicts."""
import shutil
from datetime import date

import click
from tabulate import tabulate

from ..store import claims as lib
from ..store.db import open_db
from ..errors import CheckerError
from ..pages.extract import read_text
from ..limits import read_at_most
from ..store.seed import load_seed
from ..reading.describe import describe_dates, describe_found, describe_value
from ..text import display_text, plural
from ..vocab import HEALTHS, KINDS, PASSAGE_READ_IN, RELATIONS
from ..words import label, short_date, who
from .options import RowId, db_option


@click.command()
@db_option
@click.option("--empty", is_flag=True, help="Create the schema only, without the seed article.")
def init(db_path, empty):
    """Create or migrate the database and load the seed article. Safe to rerun.

    Example: checker init --db claims.db
    """
    db = open_db(db_path, create=True)
    added = 0 if empty else load_seed(db)
    counts = [plural(db[table].count, word) for table, word in
              (("articles", "article"), ("claims", "claim"), ("sources", "source"), ("claim_sources", "link"))]
    click.echo(f"{db_path}: {plural(added, 'claim')} added; " + ", ".join(counts))


@click.command("add-article")
@db_option
@click.option("--id", "article_id", required=True, help="A slug such as pakistan-russia-2012.")
@click.option("--title", required=True)
@click.option("--url", required=True, help="Where the article is published (http or https).")
@click.option("--author")
@click.option("--publisher")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.option("--text-file", required=True, type=click.File("rb"),
              help="The article's full text, in any encoding ('-' for stdin); at most 10 MB and 2,000,000 characters.")
def add_article(db_path, article_id, title, url, author, publisher, published, text_file):
    """Add an article whose claims you will check.

    Example: checker add-article --id budget-2026 --title "The budget" --url https://example.org/budget --text-file budget.txt
    """
    db = open_db(db_path)
    lib.add_article(
        db, id=article_id, title=title, url=url, author=author, publisher=publisher,
        published=published, text=read_text(read_at_most(text_file, text_file.name), text_file.name),
    )
    click.echo(article_id)


SOURCE_PARTS = {"--passage": "passage", "--source-title": "title"}  # what may follow a --source


class RecordsOrder(click.Command):
    """A command that remembers the order of its options, so --passage and --source-title can
    follow their --source."""

    def parse_args(self, ctx, args):
        ctx.meta["option_order"] = [
            a.partition("=")[0] for a in args if a.partition("=")[0] in ("--source", *SOURCE_PARTS)
        ]
        return super().parse_args(ctx, args)


def pair_sources(order, sources, passages, titles=()):
    """Give each --passage and --source-title to the --source before it; a source may have neither,
    and at most one of each."""
    pairs, given = [], {"--source": list(sources), "--passage": list(passages), "--source-title": list(titles)}
    for name in order:
        if name == "--source":
            pairs.append({"url": given[name].pop(0), "passage": None, "title": None})
        elif not pairs or pairs[-1][SOURCE_PARTS[name]] is not None:
            raise CheckerError(f"each {name} must follow the --source it belongs to (one for each)")
        else:
            pairs[-1][SOURCE_PARTS[name]] = given[name].pop(0)
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
@click.option("--source-title", "source_titles", multiple=True, help="The title of the --source before it (else its page's title, from its first check).")
@click.option("--by", help="Who adds it (default: $CHECKER_USER or your login).")
@click.pass_context
def add_claim(ctx, db_path, article_id, quote, kind, claim_text, value, unit, date_start, date_end, sources, passages,
              source_titles, by):
    """Add a claim and its sources in one transaction; prints the new claim's id.

    The quote is found in the article whatever its quotes, dashes, spacing and
    case, and stored as the article writes it. Each --passage and --source-title
    belongs to the --source before it. Sources added here are recorded with the
    relation `cited`; use add-source for others.

    Example: checker add-claim --article pakistan-russia-2012 --quote "US$630 million in 2008" --kind trade_figure --claim "Trade was US$630 million in 2008." --value 630000000 --unit USD --date-start 2008 --source https://example.org/trade --source-title "Trade report" --passage "630 million"
    """
    pairs = pair_sources(ctx.meta["option_order"], sources, passages, source_titles)
    db = open_db(db_path)
    claim_id = lib.add_claim(
        db, article_id=article_id, quote=quote, kind=kind, claim=claim_text, value=value,
        unit=unit, date_start=date_start, date_end=date_end, sources=pairs, added_by=by,
    )
    click.echo(claim_id)


@click.command("add-source")
@db_option
@click.argument("claim_id", type=RowId("claim"))
@click.argument("url")
@click.option("--relation", default="supports", show_default=True, help="One of: " + ", ".join(RELATIONS) + ".")
@click.option("--passage", help="The passage of the source that bears on the claim.")
@click.option("--title", help="The source's title.")
@click.option("--publisher", help="Who published the source.")
@click.option("--note", help="Anything a colleague should know about this source.")
@click.option("--passage-read-in", help="Where the --passage was read: " + ", ".join(PASSAGE_READ_IN)
              + " (an archive capture at --passage-found-at); left out, it is not recorded.")
@click.option("--passage-found-at", help="The address the --passage was read at, when not the source's own: "
              "an archive capture's.")
def add_source(db_path, claim_id, url, relation, passage, title, publisher, note, passage_read_in, passage_found_at):
    """Link a source to a claim; prints the source's id.

    Example: checker add-source 3 https://example.org/report --relation supports --passage "trade reached $630 million" --passage-read-in live_page
    """
    db = open_db(db_path)
    source_id = lib.add_source(
        db, claim_id, url, relation=relation, passage=passage, title=title, publisher=publisher, note=note,
        passage_found_at=passage_found_at, passage_read_in=passage_read_in,
    )
    click.echo(source_id)


@click.command()
@db_option
@click.argument("claim_id", type=RowId("claim"))
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
@click.option("--health", help="Only claims in this health: " + ", ".join(HEALTHS) + ".")
@click.option("--article", "article_id", help="Only claims from this article.")
@click.option("--search", help="Full-text search of quote, claim and verdict note.")
def list_claims(db_path, kind, verdict, health, article_id, search):
    """List claims as a table, each claim wrapped to the terminal's width.

    Example: checker claims --health at_risk --search Putin
    """
    db = open_db(db_path)
    rows = lib.list_claims(db, kind=kind, verdict=verdict, health=health, search=search, article_id=article_id)
    if not rows:
        click.echo("no claims match")
        return
    click.echo(tabulate(rows, headers="keys", maxcolwidths=[None] * (len(rows[0]) - 1) + [claim_width(rows)]))
    click.echo(plural(len(rows), "claim"))


def claim_width(rows):
    """How wide the last column (the claim) may be for the table to fit the terminal: what the other
    columns (each at least its header and tabulate's two spaces of header padding) and the two-space
    gaps between columns leave, and never under 20 characters."""
    others = sum(max(len(str(k)) + 2, *(len(str(r[k])) for r in rows)) + 2 for k in list(rows[0])[:-1])
    return max(20, shutil.get_terminal_size().columns - others)


def when(timestamp):
    """An ISO date or timestamp as the pages write it: "21 Mar 2012", "21 Mar 2012 09:30 UTC"."""
    if not timestamp:
        return None
    try:
        day = short_date(date.fromisoformat(timestamp[:10]))
    except ValueError:
        return timestamp
    return f"{day} {timestamp[11:16]} UTC" if len(timestamp) >= 16 else day


def health_line(status, contradicting=0):
    """A claim's health in plain words (claim_status): "supported: 2 of 5 sources back it now; 1
    could not be reached since 20 November 2026"; ``contradicting``: how many sources say otherwise."""
    words = label("health", status["health"])  # "at risk", "not checked yet"
    n, of = status["supporting"], status["sources"]
    if status["health"] == "unchecked":
        line = f"{words}: nothing read yet from its {plural(of, 'source')}" if of else f"{words}: it has no sources"
    elif contradicting:
        line = (f"{words}: {contradicting} of {plural(of, 'source')} {'gives' if contradicting == 1 else 'give'}"
                f" another figure or date; {n} {'backs' if n == 1 else 'back'} it now")
    else:
        line = f"{words}: {n} of {plural(of, 'source')} {'backs' if n == 1 else 'back'} it now"
    if status["unreachable"]:
        line += f"; {status['unreachable']} could not be reached since {when(status['unreachable_since'][:10])}"
    return line


def source_lines(s):
    """What `show` says of one source: its state and latest check, its latest evidence, its passage."""
    state = f"state:    {label('state', s['source_state'])}"
    if s["latest_outcome"]:
        state += f", latest check: {label('outcome', s['latest_outcome'])}, on {when(s['latest_check_at'])}"
    if s["unreachable_since"]:
        state += f"; could not be reached since {when(s['unreachable_since'][:10])}"
    yield state
    if s["support"] is None:
        yield "evidence: nothing read from it yet"
    else:
        whence = f"an archive capture ({s['read_archive_url']})" if s["read_from_archive"] else "the page"
        score = f" ({s['score']:.0f})" if s["score"] is not None else ""
        yield f"evidence: {label('support', s['support'])}{score}, read from {whence} on {when(s['read_at'])}"
        facts = [f"✓ {f}" for f in s["facts_found"]] + [f"✗ {f}" for f in s["facts_missing"]]
        if facts:
            yield "facts:    " + "  ".join(facts)
        for n, found in enumerate(s.get("facts_where") or []):
            yield ("names:    " if n == 0 else "          ") + describe_found(found)
        if s["snippet"]:
            yield f"snippet:  \"{display_text(s['snippet'])}\""
    if s["passage"]:
        yield f"passage:  \"{s['passage']}\""
        if s["passage_found_at"]:
            yield "          " + passage_reading(s)


def passage_reading(s):
    """Where and when the source's passage was read, in words; never "the live page" unless recorded so."""
    at = "" if s["passage_found_at"] == s["url"] else f" at {s['passage_found_at']}"
    where = {
        "live_page": "read on the live page",
        "stored_copy": "read in a stored copy" + (at or " kept under the page's own address"),
        "archive_capture": f"read in an archive capture{at}",
    }.get(s["passage_read_in"] or "", f"where it was read is not recorded{' (found' + at + ')' if at else ''}; checked")
    return where + (f" on {when(s['passage_checked_on'])}" if s["passage_checked_on"] else "")


@click.command()
@db_option
@click.argument("claim_id", type=RowId("claim"))
def show(db_path, claim_id):
    """Show one claim as the workbench does: its quote, figures and dates, verdict, health, and each
    source with its state, its latest evidence (facts found and missing, snippet) and its passage.

    Example: checker show 1
    """
    db = open_db(db_path)
    c = lib.get_claim(db, claim_id)
    click.echo(f"Claim {c['id']} ({label('kind', c['kind'])}) from “{c['article_title']}” [{c['article_id']}]")
    click.echo(f"  quote:      {c['quote']}")
    click.echo(f"  claim:      {c['claim']}")
    figure = describe_value(c["value"], c["unit"])
    if figure:
        click.echo(f"  figure:     {figure}")
    dates = describe_dates(c["date_start"], c["date_end"])
    if dates:
        click.echo(f"  dates:      {dates}")
    click.echo(f"  verdict:    {label('verdict', c['verdict'])}" + (f" (set by {who(c['verdict_by'])}, {when(c['verdict_at'])})" if c["verdict_by"] else ""))
    if c["verdict_note"]:
        click.echo(f"  note:       {c['verdict_note']}")
    click.echo(f"  status:     {c['status'].replace('_', ' ')}" + (f", with {c['assignee']}" if c["assignee"] else ""))
    contradicting = sum(s["support"] == "contradicts" for s in c["sources"])
    click.echo(f"  health:     {health_line(c['health_status'], contradicting)}")
    click.echo(f"{plural(len(c['sources']), 'source')}:")
    for s in c["sources"]:
        click.echo(f"  [{s['id']}] {s['relation']}: {s['title'] or s['url']}" + (f" ({s['publisher']})" if s["publisher"] else ""))
        click.echo(f"      {s['url']}")
        for line in source_lines(s):
            click.echo(f"      {line}")
