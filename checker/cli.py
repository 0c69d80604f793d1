"""The ``checker`` command line: each command parses, calls one library function, prints."""
import contextlib
import datetime
import os
import re
import shutil
import sys
import tempfile

import click
from tabulate import tabulate

from . import claims as lib
from .check import CheckOptions
from .db import default_db_path, open_db
from .errors import CheckerError
from .seed import load_seed
from .urls import normalise_url
from .vocab import KINDS, RELATIONS

CHECK_DEFAULTS = CheckOptions()


@contextlib.contextmanager
def one_line_errors():
    """Library refusals (exit 1) and usage errors (exit 2) each become one line: "Error: ..."."""
    try:
        yield
    except CheckerError as e:
        raise click.ClickException(str(e)) from e
    except click.exceptions.NoArgsIsHelpError:
        raise
    except click.UsageError as e:
        error = click.ClickException(e.format_message())
        error.exit_code = e.exit_code
        raise error from e


class CheckerGroup(click.Group):
    """A click group whose commands report errors in one line (see one_line_errors)."""

    def make_context(self, *args, **kwargs):
        with one_line_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with one_line_errors():
            return super().invoke(ctx)


class Duration(click.ParamType):
    """'7d' -> timedelta(days=7); units s, m, h, d, w."""

    name = "duration"
    PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
    UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}

    def convert(self, value, param, ctx):
        if isinstance(value, datetime.timedelta):
            return value
        match = self.PATTERN.match(value or "")
        if not match:
            self.fail(f"duration {value!r} is not a number with a unit (s, m, h, d or w), such as 7d", param, ctx)
        return datetime.timedelta(seconds=float(match.group(1)) * self.UNITS[match.group(2)])


def db_option(f):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=default_db_path,
        show_default="./claims.db or $CHECKER_DB",
        help="The claims database.",
    )(f)


def claims_option(help="Only this claim (repeatable)."):
    return click.option("--claim", "claims", type=int, multiple=True, help=help)


def out_option(f):
    return click.option("--out", "out_path", type=click.Path(dir_okay=False, writable=True),
                        help="Write to this file instead of stdout.")(f)


@click.group(cls=CheckerGroup)
@click.version_option(package_name="checker")
def cli():
    """checker: a fact-checking citation tracker.

    Articles, their claims and the sources for each claim live in an SQLite
    database (claims.db) that Datasette serves.

    Example: checker claims --kind trade_figure
    """


@cli.command()
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


@cli.command("add-article")
@db_option
@click.option("--id", "article_id", required=True, help="A slug such as pakistan-russia-2012.")
@click.option("--title", required=True)
@click.option("--url", required=True, help="Where the article is published (http or https).")
@click.option("--author")
@click.option("--publisher")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.option("--text-file", required=True, type=click.File(encoding="utf-8"), help="The article's full text ('-' for stdin).")
def add_article(db_path, article_id, title, url, author, publisher, published, text_file):
    """Add an article whose claims you will check.

    Example: checker add-article --id budget-2026 --title "The budget" --url https://example.org/budget --text-file budget.txt
    """
    db = open_db(db_path)
    lib.add_article(
        db, id=article_id, title=title, url=url, author=author, publisher=publisher,
        published=published, text=text_file.read(),
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


@cli.command("add-claim", cls=RecordsOrder)
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


@cli.command("add-source")
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


@cli.command()
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


@cli.command("claims")
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


@cli.command()
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


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--editors", "editors_file", envvar="CHECKER_EDITORS", type=click.Path(dir_okay=False),
              help="YAML file of editors who log in with a password ($CHECKER_EDITORS); see the README.")
def serve(db_path, host, port, editors_file):
    """Serve the database in Datasette with the project's metadata and config.

    Prints a login link for you (the root user), who may write from the browser;
    editors listed with --editors log in at /-/login; everyone else browses.

    Example: checker serve --port 8001
    """
    from .web.serve import datasette_argv, read_editors

    editors = read_editors(editors_file) if editors_file else None
    open_db(db_path).conn.close()  # refuse a missing or foreign file, apply migrations
    argv = datasette_argv(db_path, host=host, port=port, editors=editors)
    click.echo(f"Serving {db_path} on http://{host}:{port}/ ; the login link for root follows.", err=True)
    os.execv(sys.executable, [sys.executable, "-m", "datasette", *argv])


@cli.command()
@db_option
@claims_option("Check the sources of this claim (repeatable).")
@click.option("--source", "sources", type=int, multiple=True, help="Check this source (repeatable).")
@click.option("--article", "articles", multiple=True, help="Check the sources of this article's claims.")
@click.option("--stale-after", type=Duration(), help="Skip sources checked more recently than this: 30m, 12h, 7d, 2w.")
@click.option("--concurrency", default=CHECK_DEFAULTS.concurrency, show_default=True, type=click.IntRange(1, 256), help="Hosts fetched in parallel.")
@click.option("--min-interval", default=CHECK_DEFAULTS.min_interval, show_default=True, type=click.FloatRange(0), help="Seconds between requests to one host.")
@click.option("--timeout", default=CHECK_DEFAULTS.timeout, show_default=True, type=click.FloatRange(0.1), help="Total seconds allowed for one fetch.")
@click.option("--max-bytes", default=CHECK_DEFAULTS.max_bytes, show_default=True, type=click.IntRange(1), help="Largest body read (after decompression).")
@click.option("--allow-address", "allow_addresses", multiple=True, help="Admit this network (CIDR) despite the address policy, e.g. 127.0.0.1/32.")
@click.option("--wayback-base", envvar="CHECKER_WAYBACK_BASE", default=CHECK_DEFAULTS.wayback_base, show_default=True, help="Base URL of the web archive ($CHECKER_WAYBACK_BASE).")
@click.option("--no-archive", is_flag=True, help="Do not fall back to the web archive.")
def check(db_path, claims, sources, articles, stale_after, concurrency, min_interval, timeout, max_bytes, allow_addresses, wayback_base, no_archive):
    """Retrieve the cited pages, fall back to the web archive, and record every attempt.

    Checks all sources unless --claim, --source or --article narrow it. Each
    check is saved as it completes, so an interrupted run loses only the
    checks in flight; rerun with --stale-after to do the rest.

    Example: checker check --claim 3 --stale-after 7d
    """
    from tqdm import tqdm

    from .check import run_checks
    from .sources import select_sources

    options = CheckOptions(
        concurrency=concurrency, min_interval=min_interval, timeout=timeout, max_bytes=max_bytes,
        allow_addresses=tuple(allow_addresses), wayback_base=wayback_base, use_archive=not no_archive,
        stale_after=stale_after,
    )
    db = open_db(db_path)
    chosen = select_sources(db, claims=claims, sources=sources, articles=articles, stale_after=options.stale_after)
    bar = tqdm(total=len(chosen), unit="source", disable=not sys.stderr.isatty(), file=sys.stderr)
    summary = run_checks(db, chosen, options, on_progress=lambda source, attempts: bar.update(1))
    bar.close()
    click.echo(summary.line())
    if summary.interrupted:
        sys.exit(130)


@cli.command()
@db_option
@claims_option()
def reassess(db_path, claims):
    """Recompute the evidence of every claim from the stored snapshots, without the network.

    For when the matcher, a claim or a passage has changed.

    Example: checker reassess --claim 3
    """
    from .assessment import reassess as reassess_links
    from .review import review_queue_size

    db = open_db(db_path)
    count = reassess_links(db, claims or None)
    click.echo(f"reassessed {count} links; {review_queue_size(db)} claims in the review queue")


@cli.command()
@db_option
def review(db_path):
    """List the review queue: claims whose health got worse since their verdict was set.

    Example: checker review
    """
    from .review import review_queue

    rows = review_queue(open_db(db_path))
    if not rows:
        click.echo("the review queue is empty")
        return
    for r in rows:
        click.echo(f"claim {r['claim_id']} ({r['verdict']}): {r['previous_health']} -> {r['health']} at {r['changed_at']}")
        click.echo(f"  {r['claim']}")
        click.echo(f"  source {r['source_id']} {r['source_url']}: {r['outcome']}, support {r['previous_support']} -> {r['support']}")
        if r["diff"]:
            click.echo(f"  change: {r['diff']}")


@cli.group(cls=CheckerGroup)
def export():
    """Export claims: ClaimReview JSON-LD for publishing, CSV for spreadsheets.

    Example: checker export claimreview --out reviews.json
    """


def write_out(out_path, write):
    """Write to stdout, or to a file that appears only once it is complete."""
    if not out_path:
        return write(sys.stdout)
    fd, temp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(out_path)), prefix=".checker-export-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            count = write(f)
        os.replace(temp, out_path)
    except BaseException:
        os.unlink(temp)
        raise
    return count


@export.command("claimreview")
@db_option
@claims_option()
@out_option
@click.option("--org-name", envvar="CHECKER_ORG_NAME", default="checker", show_default=True, help="The reviewing organisation ($CHECKER_ORG_NAME).")
@click.option("--org-url", envvar="CHECKER_ORG_URL", help="Its web address ($CHECKER_ORG_URL).")
@click.option("--base-url", envvar="CHECKER_BASE_URL", default="http://127.0.0.1:8001", show_default=True, help="Where the claims are published ($CHECKER_BASE_URL); each review links to its claim there.")
def export_claimreview(db_path, claims, out_path, org_name, org_url, base_url):
    """Rated claims as schema.org ClaimReview JSON-LD (a JSON array).

    Example: checker export claimreview --org-name "Example Fact Check" --base-url https://facts.example.org --out reviews.json
    """
    from .export import write_claimreview

    for url in (base_url, org_url):
        if url:
            try:
                normalise_url(url)
            except CheckerError as e:
                raise CheckerError(f"{e} (in --base-url or --org-url)")
    db = open_db(db_path)
    count = write_out(out_path, lambda f: write_claimreview(
        db, f, claim_ids=claims or None, org_name=org_name, org_url=org_url, base_url=base_url))
    if out_path:
        click.echo(f"{count} claim reviews written to {out_path}", err=True)


@export.command("csv")
@db_option
@claims_option()
@out_option
def export_csv(db_path, claims, out_path):
    """Claims with their health and verdict as CSV, for spreadsheets.

    Example: checker export csv --out claims.csv
    """
    from .export import write_csv

    db = open_db(db_path)
    count = write_out(out_path, lambda f: write_csv(db, f, claim_ids=claims or None))
    if out_path:
        click.echo(f"{count} claims written to {out_path}", err=True)


if __name__ == "__main__":
    cli(prog_name="checker")
