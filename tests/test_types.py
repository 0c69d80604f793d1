"""Types at the seams: every public function of the typed layers (the shared base, store/, net/, pages/,
reading/ and the workflows) says what it takes and returns, so that a new unannotated one fails here.
mypy itself runs in ./scripts/test, over the same modules ([tool.mypy] in pyproject.toml)."""
import ast
import pathlib

import pytest

PACKAGE = pathlib.Path(__file__).parent.parent / "checker"
TYPED = ["errors.py", "vocab.py", "text.py", "urls.py", "limits.py", "sentences.py", "check.py", "assessment.py",
         "intake.py", "propose.py", "export.py", "store", "net", "pages", "reading"]


def typed_modules():
    for name in TYPED:
        path = PACKAGE / name
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def public_functions(tree):
    """(name, node) of each public function of a module and each public method of its public classes."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
            yield node.name, node
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and not item.name.startswith("_"):
                    yield f"{node.name}.{item.name}", item


def unannotated(function, method):
    """What of a function's signature has no annotation: its parameters by name, and "return"."""
    args = function.args
    positional = args.posonlyargs + args.args
    is_static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in function.decorator_list)
    if method and not is_static and positional:
        positional = positional[1:]  # self or cls
    params = positional + args.kwonlyargs + [a for a in (args.vararg, args.kwarg) if a is not None]
    missing = [p.arg for p in params if p.annotation is None]
    if function.returns is None:
        missing.append("return")
    return missing


@pytest.mark.parametrize("path", list(typed_modules()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_public_functions_are_annotated(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    gaps = {name: missing for name, node in public_functions(tree)
            if (missing := unannotated(node, "." in name))}
    assert not gaps, f"{path.relative_to(PACKAGE)}: unannotated {gaps}"


def test_an_unannotated_function_is_found():
    tree = ast.parse("def f(a, b: int):\n    pass\n\nclass C:\n    def m(self, x: int):\n        pass\n"
                     "    def _private(self, y):\n        pass\n")
    assert {name: unannotated(node, "." in name) for name, node in public_functions(tree)} == {
        "f": ["a", "return"], "C.m": ["return"]}
