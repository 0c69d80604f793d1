"""`checker export`: ClaimReview JSON-LD and CSV."""
import click

from ..store.db import open_db
from ..errors import CheckerError
from ..export import write_claimreview, write_csv
from ..urls import normalise_url
from .options import CheckerGroup, claims_option, db_option, out_option, write_out


@click.group(cls=CheckerGroup)
def export():
    """Export claims: ClaimReview JSON-LD for publishing, CSV for spreadsheets.

    Example: checker export claimreview --out reviews.json
    """




@export.command("claimreview")
@db_option
@claims_option()
@out_option
@click.option("--org-name", envvar="CHECKER_ORG_NAME", default="checker", show_default=True, help="The reviewing organisation ($CHECKER_ORG_NAME).")
@click.option("--org-url", envvar="CHECKER_ORG_URL", help="Its web address ($CHECKER_ORG_URL).")
@click.option("--base-url", envvar="CHECKER_BASE_URL", default="http://127.0.0.1:8001", show_default=True, help="Where the workbench is served ($CHECKER_BASE_URL); each review's url is its claim's page there, /-/claim/ID.")
@click.option("--all-rated", is_flag=True, help="Every rated claim, published or not (by default, published claims only).")
def export_claimreview(db_path, claims, out_path, org_name, org_url, base_url, all_rated):
    """Published claims as schema.org ClaimReview JSON-LD (a JSON array), as their pages carry it.

    Example: checker export claimreview --org-name "Example Fact Check" --base-url https://facts.example.org --out reviews.json
    """
    for url in (base_url, org_url):
        if url:
            try:
                normalise_url(url)
            except CheckerError as e:
                raise CheckerError(f"{e} (in --base-url or --org-url)")
    db = open_db(db_path)
    count = write_out(out_path, lambda f: write_claimreview(
        db, f, claim_ids=claims or None, org_name=org_name, org_url=org_url, base_url=base_url,
        published_only=not all_rated))
    if out_path and out_path != "-":
        click.echo(f"{count} claim reviews written to {out_path}", err=True)


@export.command("csv")
@db_option
@claims_option()
@out_option
def export_csv(db_path, claims, out_path):
    """Claims with their health and verdict as CSV, for spreadsheets.

    Example: checker export csv --out claims.csv
    """
    db = open_db(db_path)
    count = write_out(out_path, lambda f: write_csv(db, f, claim_ids=claims or None))
    if out_path and out_path != "-":
        click.echo(f"{count} claims written to {out_path}", err=True)
