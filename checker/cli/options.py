"""What every command shares: one-line errors, the group class, option decorators, durations, output."""
import contextlib
import datetime
import importlib
import ipaddress
import math
import os
import re
import sqlite3
import sys
import tempfile

import click

from ..errors import CheckerError, NotFound
from ..net.options import CheckOptions

CHECK_DEFAULTS = CheckOptions()  # the one home of `checker check`'s defaults


@contextlib.contextmanager
def one_line_errors():
    """Library refusals (exit 1; 74 when the disk refused, 75 when the database stayed busy) and usage
    errors (exit 2) each become one line: "Error: ..."."""
    try:
        yield
    except CheckerError as e:
        error = click.ClickException(str(e))
        error.exit_code = e.exit_code
        raise error from e
    except sqlite3.OperationalError as e:  # a write outside a transaction() the storage refused
        from ..store.db import storage_error  # here, not above: `checker --help` loads no storage code

        refused = storage_error(e)
        if refused is None:
            raise
        error = click.ClickException(str(refused))
        error.exit_code = refused.exit_code
        raise error from e
    except click.exceptions.NoArgsIsHelpError:
        raise
    except click.UsageError as e:
        error = click.ClickException(e.format_message())
        error.exit_code = e.exit_code
        raise error from e


class CheckerGroup(click.Group):
    """A click group whose commands report errors in one line (see one_line_errors), and whose
    ``lazy_commands`` ({name: ("module:function", first sentence of its help)}, modules of this
    package) are imported on first use; help lists them from their sentences, importing none."""

    def __init__(self, *args, lazy_commands=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx, name):
        if name not in self.commands and name in self.lazy_commands:
            where, _ = self.lazy_commands[name]
            module, _, attribute = where.partition(":")
            command = getattr(importlib.import_module(f"{__package__}.{module}"), attribute)
            if command.name != name:
                raise RuntimeError(f"{where} is the command {command.name!r}, not {name!r}")
            self.add_command(command)
        return super().get_command(ctx, name)

    def listed_help(self, ctx, name, limit):
        """A command's line in the group's help: from its loaded command, else from its sentence."""
        if name in self.commands or name not in self.lazy_commands:
            command = self.get_command(ctx, name)
            return None if command is None or command.hidden else command.get_short_help_str(limit)
        return click.Command(name, help=self.lazy_commands[name][1]).get_short_help_str(limit)

    def format_commands(self, ctx, formatter):
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)  # as click's own Group lays it out
        rows = [(name, line) for name in names if (line := self.listed_help(ctx, name, limit)) is not None]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def make_context(self, *args, **kwargs):
        with one_line_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        with one_line_errors():
            return super().invoke(ctx)


class Duration(click.ParamType):
    """'7d' -> timedelta(days=7); units s, m, h, d, w; within [minimum, maximum], given the same way."""

    name = "duration"
    PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")
    UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}

    def __init__(self, minimum="0s", maximum="3650d"):
        self.minimum, self.maximum = minimum, maximum
        self.bounds = (self.seconds(minimum), self.seconds(maximum))

    def seconds(self, value):
        """The seconds a duration such as '7d' stands for, or None when it is not one."""
        match = self.PATTERN.match(value or "")
        return float(match.group(1)) * self.UNITS[match.group(2)] if match else None

    @property
    def range_text(self):
        return f"{self.minimum} to {self.maximum}"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime.timedelta):
            return value
        seconds = self.seconds(value)
        if seconds is None:
            self.fail(f"duration {value!r} is not a number with a unit (s, m, h, d or w), such as 7d", param, ctx)
        # 400 digits make an infinite float, and a timedelta holds at most 999999999 days
        if not (math.isfinite(seconds) and self.bounds[0] <= seconds <= self.bounds[1]):
            self.fail(f"duration {value!r} is not within {self.range_text}", param, ctx)
        return datetime.timedelta(seconds=seconds)


class Seconds(click.FloatRange):
    """A number of seconds within [minimum, maximum]; nan and infinities are refused too (click's
    FloatRange lets nan through, since no comparison with it is true)."""

    name = "seconds"

    def convert(self, value, param, ctx):
        number = click.FLOAT.convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number of seconds", param, ctx)
        return super().convert(number, param, ctx)


def range_text(param_type):
    """A bounded type's range as docs/limits.md's table of the options' ranges writes it: '0.1 to 600', '0s to 3650d'."""
    if isinstance(param_type, Duration):
        return param_type.range_text
    return " to ".join(str(n) if isinstance(n, int) else f"{n:g}" for n in (param_type.min, param_type.max))


SQLITE_INTEGERS = (-2**63, 2**63 - 1)  # a rowid is a signed 64-bit integer


class RowId(click.ParamType):
    """The id of a claim, source or proposal: a whole number. One outside SQLite's 64-bit range names
    no row, so it is refused as any id that names nothing is: "no claim with id ...", exit 1."""

    name = "id"

    def __init__(self, what):
        self.what = what

    def convert(self, value, param, ctx):
        number = click.INT.convert(value, param, ctx)
        if not SQLITE_INTEGERS[0] <= number <= SQLITE_INTEGERS[1]:
            raise NotFound(self.what, number)
        return number


class Network(click.ParamType):
    """An address or network in CIDR notation (127.0.0.1/32, ::1/128); from an environment variable,
    a comma-separated list of them."""

    name = "cidr"

    def split_envvar_value(self, rv):
        return [part.strip() for part in (rv or "").split(",") if part.strip()]

    def convert(self, value, param, ctx):
        try:
            ipaddress.ip_network(str(value).strip(), strict=False)
        except ValueError:
            where = ""
            if ctx and param and ctx.get_parameter_source(param.name) == click.core.ParameterSource.ENVIRONMENT:
                where = f" (in ${param.envvar})"
            self.fail(f"{value!r}{where} is not an address or network (CIDR)", param, ctx)
        return str(value).strip()


def allow_addresses_option(help):
    return click.option(
        "--allow-address", "allow_addresses", type=Network(), multiple=True, envvar="CHECKER_ALLOW_ADDRESSES",
        help=help + " Without it, $CHECKER_ALLOW_ADDRESSES (comma-separated) is read.")


def _default_db_path():
    from ..store.db import default_db_path  # when a command runs, not when help is shown

    return default_db_path()


def db_option(f):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default=_default_db_path,
        show_default="./claims.db or $CHECKER_DB",
        help="The claims database.",
    )(f)


def claims_option(help="Only this claim (repeatable)."):
    return click.option("--claim", "claims", type=RowId("claim"), multiple=True, help=help)


def out_option(f):
    return click.option("--out", "out_path", type=click.Path(dir_okay=False),
                        help="Write to this file instead of stdout ('-': stdout).")(f)


def write_out(out_path, write):
    """Write to stdout (no --out, or '-'); through to a device, FIFO or symlink, which must stay what
    they are; or to a regular file that appears, or is replaced, only once it is complete."""
    if not out_path or out_path == "-":
        return write(sys.stdout)
    folder = os.path.dirname(os.path.abspath(out_path))
    if not os.path.isdir(folder):
        raise CheckerError(f"cannot write {out_path}: the folder {folder} does not exist")
    if os.path.islink(out_path) or (os.path.exists(out_path) and not os.path.isfile(out_path)):
        with open(out_path, "w", encoding="utf-8", newline="") as f:
            return write(f)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".checker-export-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            count = write(f)
        os.replace(temp, out_path)
    except BaseException:
        os.unlink(temp)
        raise
    return count
