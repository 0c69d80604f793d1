"""`python -m checker.cli`: the same as the `checker` command."""
from . import cli

cli(prog_name="checker")
