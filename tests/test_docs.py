import pathlib
import re

import click
import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.cli.options import Duration, range_text
from checker.vocab import KINDS, RELATIONS, VERDICTS

README = (pathlib.Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def all_commands(group, prefix=""):
    """Every command's full name, the lazily loaded ones included."""
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield prefix + name
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + name + " ")


COMMANDS = sorted(all_commands(cli))


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert "Example: checker " + name in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name):
    assert re.search(rf"checker {name}\b", README), f"`checker {name}` is not documented in README.md"


@pytest.mark.parametrize("word", KINDS + VERDICTS + RELATIONS)
def test_vocabularies_are_documented(word):
    assert f"`{word}`" in README


def test_readme_opens_with_the_two_commands():
    first_block = README.split("```", 2)[1]
    assert first_block.strip().splitlines() == ["./scripts/serve", "./scripts/test"]


def test_the_readme_api_example_re_rates_a_claim(db_path):
    """The README's curl example, sent as written to a real server with a real token, by the writer who
    rated the claim last (which once answered 400)."""
    import json
    import shlex
    import subprocess
    import sys

    import requests

    from checker.store.db import open_db
    from checker.store.claims import set_verdict

    from .test_serve import serving

    block = next(b for b in README.split("```")[1::2] if "-/update" in b and b.strip().startswith("curl"))
    words = shlex.split(block.replace("\\\n", " "))
    url, body = words[words.index("-X") + 2], json.loads(words[words.index("-d") + 1])
    db = open_db(db_path)
    claim_id = int(re.search(r"/claims/claims/(\d+)/-/update", url).group(1))
    set_verdict(db, claim_id, "accurate", note="Rated by root before the script runs.", by="root")
    db.conn.close()
    secret = "a-secret-for-this-test"
    token = subprocess.run([sys.executable, "-m", "datasette", "create-token", "root", "--secret", secret],
                           capture_output=True, text=True, check=True).stdout.strip()
    with serving(db_path, env={"DATASETTE_SECRET": secret}) as (base, _, _):
        response = requests.post(url.replace("http://127.0.0.1:8001", base), json=body, timeout=30,
                                 headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, response.text
    db = open_db(db_path)
    row = db["claims"].get(claim_id)
    last = dict(next(db.query("select * from verdict_history where claim_id = ? order by id desc limit 1", [claim_id])))
    assert (row["verdict"], row["verdict_note"], row["verdict_by"]) == (
        body["update"]["verdict"], body["update"]["verdict_note"], "root")
    assert (last["changed_by"], last["from_verdict"], last["to_verdict"]) == ("root", "accurate", body["update"]["verdict"])
    db.conn.close()


def numeric_options():
    """(command, option, type) for every option of every command that takes a number or a duration."""
    context = click.Context(cli)
    for name in COMMANDS:
        command = cli
        for word in name.split():
            command = command.get_command(context, word)
        for param in command.params:
            if isinstance(param.type, (click.types._NumberParamTypeBase, Duration)):
                yield name, param.opts[0], param.type


NUMERIC_OPTIONS = list(numeric_options())


@pytest.mark.parametrize("command,option,kind", NUMERIC_OPTIONS, ids=[f"{c} {o}" for c, o, _ in NUMERIC_OPTIONS])
def test_every_number_has_a_range_in_the_readme(command, option, kind):
    """No option takes a bare int or float (an id is a RowId, which is neither): each has both bounds,
    and the README's table of limits gives its range."""
    assert isinstance(kind, (click.IntRange, click.FloatRange, Duration)), f"{command} {option} has no range"
    if not isinstance(kind, Duration):
        assert kind.min is not None and kind.max is not None, f"{command} {option} has an open range"
    assert f"| `checker {command} {option}` | {range_text(kind)}" in README


def test_the_limits_table_names_only_options_that_exist():
    listed = set(re.findall(r"^\| `checker ([a-z -]+?) (--[a-z-]+)` \|", README, re.M))
    assert listed == {(c, o) for c, o, _ in NUMERIC_OPTIONS}
