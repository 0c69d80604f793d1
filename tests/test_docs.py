import pathlib
import re

import click
import pytest
from click.testing import CliRunner

from checker.cli import cli
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
