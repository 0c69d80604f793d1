"""`checker serve`: Datasette with the workbench, the project's configuration and a login link."""
import os
import sys

import click

from ..store.db import open_db
from ..errors import InvalidInput
from ..web.serve import datasette_argv, read_editors, secret_problem
from .options import Duration, db_option

RECHECK_EVERY = Duration("1m", "365d")


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="The port to listen on.")
@click.option("--editors", "editors_file", envvar="CHECKER_EDITORS", type=click.Path(dir_okay=False),
              help="YAML file of editors who log in with a password ($CHECKER_EDITORS); see docs/workbench.md.")
@click.option("--recheck-every", type=RECHECK_EVERY,
              help=f"Recheck sources older than this in the background while serving: 6h, 1d ({RECHECK_EVERY.range_text}).")
def serve(db_path, host, port, editors_file, recheck_every):
    """Serve the database in Datasette with the project's metadata and config.

    Prints a login link for you (the root user), who may write from the browser;
    it works once, and opened again it offers to print a new one here, with no
    restart. Editors listed with --editors log in at /-/login; everyone else browses.

    With --recheck-every, the server rechecks every source not checked within
    that time, one run at a time, as politely as `checker check`.

    Example: checker serve --port 8001 --recheck-every 1d
    """
    problem = secret_problem(os.environ.get("DATASETTE_SECRET"))
    if problem:  # refused before anything starts, rather than a server whose tokens anyone could forge
        raise InvalidInput(problem)
    editors = read_editors(editors_file) if editors_file else None
    open_db(db_path).conn.close()  # refuse a missing or foreign file, apply migrations
    argv = datasette_argv(db_path, host=host, port=port, editors=editors,
                          recheck_every=recheck_every.total_seconds() if recheck_every else None)
    click.echo(f"Serving {db_path} on http://{host}:{port}/ ; the login link for root follows.", err=True)
    os.execv(sys.executable, [sys.executable, "-m", "datasette", *argv])
