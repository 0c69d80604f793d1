"""The docs say what the code does: the README (the front door) and docs/*.md (the reference), checked
against the commands, the vocabularies, the limits and a real server; the generated CLI reference is fresh."""
import os
import pathlib
import re
import shlex
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.cli.options import Duration, range_text
from checker.vocab import KINDS, RELATIONS, VERDICTS

ROOT = pathlib.Path(__file__).parent.parent
DOCS = ROOT / "docs"
README = (ROOT / "README.md").read_text(encoding="utf-8")
LIMITS_DOC = (DOCS / "limits.md").read_text(encoding="utf-8")
TABLES_DOC = (DOCS / "tables.md").read_text(encoding="utf-8")
VERDICTS_DOC = (DOCS / "verdicts.md").read_text(encoding="utf-8")
WORKBENCH_DOC = (DOCS / "workbench.md").read_text(encoding="utf-8")
CLI_DOC = (DOCS / "cli.md").read_text(encoding="utf-8")
MARKDOWN = [ROOT / "README.md", *sorted(DOCS.glob("*.md")), *sorted((ROOT / "data").glob("*/README.md"))]


def code_blocks(text, commands_only=False):
    """The fenced code blocks of a markdown text, each as its text; with commands_only, not those fenced
    as ```text (a layout, a command's output)."""
    return [block for kind, block in re.findall(r"^ *```([a-z]*)\n(.*?)^ *```", text, re.M | re.S)
            if not (commands_only and kind == "text")]


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


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_a_section_in_the_cli_reference(name):
    assert f"\n### checker {name}\n" in CLI_DOC, f"`checker {name}` has no section in docs/cli.md: run ./scripts/docs"


@pytest.mark.parametrize("word", KINDS + RELATIONS)
def test_kinds_and_relations_are_documented(word):
    assert f"`{word}`" in TABLES_DOC


@pytest.mark.parametrize("word", VERDICTS)
def test_verdicts_are_documented(word):
    assert f"| `{word}` |" in VERDICTS_DOC


def test_readme_opens_with_the_two_commands():
    """The first code block: the main job, then the tests, and that the main job runs until Ctrl-C."""
    first_block = code_blocks(README)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["./scripts/serve", "./scripts/test"]
    assert "Ctrl-C" in first_block.splitlines()[0]


def test_readme_says_how_to_type_a_bare_checker():
    assert 'export PATH="$PWD/.venv/bin:$PATH"' in README


def test_the_cli_reference_is_fresh():
    """docs/cli.md's reference is the commands' own --help, as cog writes it (./scripts/docs)."""
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", "--diff", "docs/cli.md"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, ("docs/cli.md is stale: run ./scripts/docs to regenerate it\n"
                                    + result.stdout + result.stderr)


def relative_links(path):
    """(target, where) for each relative link of a markdown file: [text](target), anchors dropped."""
    text = path.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if not re.match(r"[a-z]+:", target) and not target.startswith("#"):
            yield target.split("#")[0], path


LINKS = [link for path in MARKDOWN for link in relative_links(path)]


@pytest.mark.parametrize("target,where", LINKS, ids=[f"{w.relative_to(ROOT)}->{t}" for t, w in LINKS])
def test_every_relative_link_leads_to_a_file(target, where):
    assert (where.parent / target).exists(), f"{where.relative_to(ROOT)} links to {target}, which does not exist"


def slug(heading):
    """A heading's anchor, as GitHub makes it."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


ANCHORED = [(t, a, w) for path in MARKDOWN for t, a, w in
            ((m.group(1), m.group(2), path) for m in re.finditer(r"\]\(([^)#\s]*)#([^)\s]+)\)",
                                                                  path.read_text(encoding="utf-8")))
            if not re.match(r"[a-z]+:", t)]


@pytest.mark.parametrize("target,anchor,where", ANCHORED, ids=[f"{w.name}->{t}#{a}" for t, a, w in ANCHORED])
def test_every_anchor_names_a_heading(target, anchor, where):
    page = (where.parent / target) if target else where
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.M)
    assert anchor in {slug(h) for h in headings}, f"{where.name} links to {target}#{anchor}: no such heading"


def readme_commands():
    """Each command line of the README's code blocks, continuation lines joined, comments dropped."""
    for block in code_blocks(README, commands_only=True):
        for line in block.replace("\\\n", " ").splitlines():
            line = line.split(" #")[0].strip()
            if line and not line.startswith("#"):
                yield line


README_COMMANDS = list(readme_commands())


@pytest.mark.parametrize("line", README_COMMANDS)
def test_every_readme_command_is_real(line):
    """A `checker` command names a subcommand and its options; a script or file it runs is in the repository;
    anything else is a program this machine has."""
    words = shlex.split(line)
    if words[0] == "export":
        return
    if words[0] in ("checker", ".venv/bin/checker"):
        command, rest = cli, words[1:]
        while isinstance(command, click.Group):
            command = command.get_command(click.Context(command), rest[0])
            assert command is not None, f"{line}: no such command"
            rest = rest[1:]
        known = {opt for param in command.params for opt in param.opts + param.secondary_opts}
        for word in rest:
            if word.startswith("--"):
                assert word.split("=")[0] in known, f"{line}: `{command.name}` has no option {word}"
        return
    program = words[0]
    if "/" in program:
        assert (ROOT / program).exists(), f"{line}: {program} is not in the repository"
        if program.startswith(".venv/bin/python"):
            assert (ROOT / words[1]).exists(), f"{line}: {words[1]} is not in the repository"
    else:
        import shutil
        assert shutil.which(program), f"{line}: {program} is not a program on this machine"
    for word in words[1:]:
        if re.match(r"(checker|scripts|bench|tests|docs|data)/", word):
            assert (ROOT / word).exists(), f"{line}: {word} is not in the repository"


def test_the_api_example_re_rates_a_claim(db_path):
    """docs/workbench.md's curl example, sent as written to a real server with a real token, by the writer
    who rated the claim last (which once answered 400)."""
    import json

    import requests

    from checker.store.db import open_db
    from checker.store.claims import set_verdict

    from .test_serve import serving

    block = next(b for b in code_blocks(WORKBENCH_DOC) if "-/update" in b and b.strip().startswith("curl"))
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
def test_every_number_has_a_range_in_the_docs(command, option, kind):
    """No option takes a bare int or float (an id is a RowId, which is neither): each has both bounds,
    and docs/limits.md's table of the options' ranges gives its range."""
    assert isinstance(kind, (click.IntRange, click.FloatRange, Duration)), f"{command} {option} has no range"
    if not isinstance(kind, Duration):
        assert kind.min is not None and kind.max is not None, f"{command} {option} has an open range"
    assert f"| `checker {command} {option}` | {range_text(kind)}" in LIMITS_DOC


def test_the_limits_table_names_only_options_that_exist():
    listed = set(re.findall(r"^\| `checker ([a-z -]+?) (--[a-z-]+)` \|", LIMITS_DOC, re.M))
    assert listed == {(c, o) for c, o, _ in NUMERIC_OPTIONS}
