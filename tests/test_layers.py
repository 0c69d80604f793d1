"""The layout's rules, read from the code: which layer each module is in, what it may import (imports
inside functions count), no cycle between modules, and no module over 450 lines."""
import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).parent.parent / "checker"
BASE = {"checker.errors", "checker.vocab", "checker.words", "checker.units", "checker.text", "checker.urls", "checker.limits", "checker.sentences"}
WORKFLOWS = {"checker.check", "checker.assessment", "checker.intake", "checker.propose", "checker.export"}
# layer -> the layers it may import from (its own included)
MAY_IMPORT = {
    "base": {"base"},
    "migrations": {"base", "migrations"},
    "store": {"base", "migrations", "store"},
    "net": {"base", "net"},
    "pages": {"base", "pages"},
    "reading": {"base", "reading"},
    "workflows": {"base", "migrations", "store", "net", "pages", "reading", "workflows"},
    "web": {"base", "migrations", "store", "net", "pages", "reading", "workflows", "web"},
    "cli": {"base", "migrations", "store", "net", "pages", "reading", "workflows", "web", "cli"},
    "api": {"base", "store", "api"},
}


def layer(module):
    if module in BASE:
        return "base"
    if module in WORKFLOWS:
        return "workflows"
    if module == "checker":
        return "api"
    return module.split(".")[1]


def modules():
    """{module name: path} for every module of the package."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = modules()


def imports(name, path):
    """The package's modules that module `name` imports, anywhere in it."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("checker"):
                continue
            for alias in node.names:  # `from . import claims` names a module
                if f"{target}.{alias.name}" in MODULES:
                    found.add(f"{target}.{alias.name}")
                elif target in MODULES:
                    found.add(target)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in MODULES)
    found.discard(name)
    return found


GRAPH = {name: imports(name, path) for name, path in MODULES.items()}


def test_every_module_is_in_a_layer():
    assert {layer(m) for m in MODULES} <= set(MAY_IMPORT)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_layers(module):
    allowed = MAY_IMPORT[layer(module)]
    wrong = sorted(m for m in GRAPH[module] if layer(m) not in allowed)
    assert not wrong, f"{module} ({layer(module)}) imports {wrong}"


def test_no_cycles():
    """Depth-first search over the imports: a module met again on its own path closes a cycle."""
    state, path = {}, []

    def visit(module):
        state[module] = "open"
        path.append(module)
        for target in sorted(GRAPH[module]):
            if module.startswith(target + "."):
                continue  # a package's step importing what the package defines (migrations' registry)
            if state.get(target) == "open":
                raise AssertionError("cycle: " + " -> ".join(path[path.index(target):] + [target]))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_over_450_lines(module):
    if layer(module) == "migrations":
        return  # frozen steps: their length is their history's
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= 450, f"{module}: {lines} lines"


WRITES = ("insert(", "upsert(", "INSERT ", "UPDATE ", "DELETE FROM")


@pytest.mark.parametrize("module", ["checker.assessment", "checker.check"])
def test_matching_writes_only_through_the_ledger(module):
    """The modules that read pages and match claims write nothing themselves: what a check leaves is
    recorded by store/ledger.py, which never reads a page."""
    source = MODULES[module].read_text(encoding="utf-8")
    assert not [w for w in WRITES if w in source]
    assert "checker.store.ledger" in GRAPH[module]


def test_the_ledger_reads_no_page():
    assert not {m for m in GRAPH["checker.store.ledger"] if layer(m) in ("reading", "pages", "net")}
