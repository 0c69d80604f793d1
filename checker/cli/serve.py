"""`checker serve`: Datasette with the workbench, the project's configuration and a login link."""
import os
import sys

import click

from ..db import open_db
from ..web.serve import datasette_argv, read_editors
from .options import db_option


@click.command()
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
    editors = read_editors(editors_file) if editors_file else None
    open_db(db_path).conn.close()  # refuse a missing or foreign file, apply migrations
    argv = datasette_argv(db_path, host=host, port=port, editors=editors)
    click.echo(f"Serving {db_path} on http://{host}:{port}/ ; the login link for root follows.", err=True)
    os.execv(sys.executable, [sys.executable, "-m", "datasette", *argv])
