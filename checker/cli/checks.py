"""Commands that check sources and read what the checks found: check, reassess, review."""
import json
import sys

import click
from tqdm import tqdm

from ..assessment import reassess as reassess_links
from ..check import one_run_at_a_time, run_checks
from ..net.options import RANGES, CheckOptions
from ..store.db import open_db
from ..store.review import review_queue, review_queue_size
from ..store.sources import select_sources
from ..words import label
from .options import CHECK_DEFAULTS, Duration, RowId, Seconds, allow_addresses_option, claims_option, db_option

STALE_AFTER = Duration("0s", "3650d")


@click.command()
@db_option
@claims_option("Check the sources of this claim (repeatable).")
@click.option("--source", "sources", type=RowId("source"), multiple=True, help="Check this source (repeatable).")
@click.option("--article", "articles", multiple=True, help="Check the sources of this article's claims.")
@click.option("--stale-after", type=STALE_AFTER,
              help=f"Skip sources checked more recently than this: 30m, 12h, 7d, 2w ({STALE_AFTER.range_text}).")
@click.option("--concurrency", default=CHECK_DEFAULTS.concurrency, show_default=True, type=click.IntRange(*RANGES["concurrency"]), help="Hosts fetched in parallel.")
@click.option("--min-interval", default=CHECK_DEFAULTS.min_interval, show_default=True, type=Seconds(*RANGES["min_interval"]), help="Seconds between requests to one host.")
@click.option("--timeout", default=CHECK_DEFAULTS.timeout, show_default=True, type=Seconds(*RANGES["timeout"]), help="Total seconds allowed for one fetch.")
@click.option("--max-bytes", default=CHECK_DEFAULTS.max_bytes, show_default=True, type=click.IntRange(*RANGES["max_bytes"]), help="Largest body read, in bytes (after decompression).")
@click.option("--retries", default=CHECK_DEFAULTS.retries, show_default=True, type=click.IntRange(*RANGES["retries"]),
              help="Retries of a 429, 502, 503 or 504 answer.")
@click.option("--max-retry-wait", default=CHECK_DEFAULTS.max_retry_wait, show_default=True, type=Seconds(*RANGES["max_retry_wait"]),
              help="Most seconds one request waits for its retries, in all (a retry that would wait longer is not made).")
@click.option("--turn-timeout", default=CHECK_DEFAULTS.turn_timeout, show_default=True, type=Seconds(*RANGES["turn_timeout"]),
              help="Most seconds a request waits for its host's turn; past that the source is reported not checked.")
@allow_addresses_option("Admit this network (CIDR) despite the address policy (repeatable), e.g. 127.0.0.1/32.")
@click.option("--wayback-base", envvar="CHECKER_WAYBACK_BASE", default=CHECK_DEFAULTS.wayback_base, show_default=True, help="Base URL of the web archive ($CHECKER_WAYBACK_BASE).")
@click.option("--no-archive", is_flag=True, help="Do not fall back to the web archive.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's results as JSON, for scripts.")
def check(db_path, claims, sources, articles, stale_after, concurrency, min_interval, timeout, max_bytes, retries,
          max_retry_wait, turn_timeout, allow_addresses, wayback_base, no_archive, as_json):
    """Retrieve the cited pages, fall back to the web archive, and record every attempt.

    Checks all sources unless --claim, --source or --article narrow it. Each
    check is saved as it completes, so an interrupted run loses only the
    checks in flight; rerun with --stale-after to do the rest. One run at a
    time per database: a second waits for the first.

    Exit status: 0 when every source was read, 1 when any could not be
    (each is listed, with why) or the run was refused (an id that names
    nothing, a check lock that is not a regular file), 2 on bad usage (an
    option outside its range), 130 when interrupted.

    Example: checker check --claim 3 --stale-after 7d
    """
    options = CheckOptions(
        concurrency=concurrency, min_interval=min_interval, timeout=timeout, max_bytes=max_bytes, retries=retries,
        max_retry_wait=max_retry_wait, turn_timeout=turn_timeout, allow_addresses=tuple(allow_addresses),
        wayback_base=wayback_base, use_archive=not no_archive, stale_after=stale_after,
    )
    db = open_db(db_path)
    selection = dict(claims=claims, sources=sources, articles=articles, stale_after=options.stale_after)
    select_sources(db, **selection)  # refuses unknown ids before waiting for another run

    def waiting():
        click.echo("another check of this database is running: waiting for it to finish", err=True)

    with one_run_at_a_time(db, on_wait=waiting):
        chosen = select_sources(db, **selection)
        bar = tqdm(total=len(chosen), unit="source", disable=as_json or not sys.stderr.isatty(), file=sys.stderr)
        summary = run_checks(db, chosen, options, on_progress=lambda source, attempts: bar.update(1))
        bar.close()
    click.echo(json.dumps(summary.as_dict(), indent=2) if as_json else summary.report())
    sys.exit(summary.exit_status)


@click.command()
@db_option
@claims_option()
def reassess(db_path, claims):
    """Recompute the evidence of every claim from the stored snapshots, without the network.

    For when the matcher, a claim or a passage has changed.

    Example: checker reassess --claim 3
    """
    db = open_db(db_path)
    count = reassess_links(db, claims or None)
    click.echo(f"reassessed {count} links; {review_queue_size(db)} claims in the review queue")


@click.command()
@db_option
def review(db_path):
    """List the review queue: claims whose health got worse since their verdict was set.

    Example: checker review
    """
    rows = review_queue(open_db(db_path))
    if not rows:
        click.echo("the review queue is empty")
        return
    for r in rows:
        click.echo(f"claim {r['claim_id']} ({label('verdict', r['verdict'])}): {label('health', r['previous_health'])} -> "
                   f"{label('health', r['health'])} at {r['changed_at']}")
        click.echo(f"  {r['claim']}")
        click.echo(f"  source {r['source_id']} {r['source_url']}: {label('outcome', r['outcome'])}, "
                   f"{label('support', r['previous_support'])} -> {label('support', r['support'])}")
        if r["diff"]:
            click.echo(f"  change: {r['diff']}")
