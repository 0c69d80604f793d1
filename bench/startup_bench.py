"""How long `checker --help` takes to start, against a lower bound and an earlier revision (run by hand).

Each case is a fresh Python process, run in turn with the others so that whatever else the machine
does weighs on each alike: `python -c pass` (the interpreter alone: the lower bound), `import
checker.cli`, and `checker --help` from this working tree and from an earlier revision (d2e6989 by
default, the last before the layers, when help imported every command's module, and with them
requests, sqlite-utils and the matcher) checked out into a temporary worktree that is removed
afterwards. Both trees run in this environment's interpreter, the tree first on sys.path. Prints
each case's median and its ratio to the lower bound and to the earlier revision, and how many
modules each start loads.

Usage: .venv/bin/python bench/startup_bench.py [--against d2e6989] [--runs 20]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELP = "import sys; sys.argv = ['checker', '--help']\nfrom checker.cli import cli\ncli()"
COUNT = "import json, sys\nprint(json.dumps([len(sys.modules), sum(m.startswith('checker') for m in sys.modules)]))"


def run(tree, code):
    """Seconds for one fresh interpreter to run code with tree first on its path."""
    env = {**os.environ, "PYTHONPATH": tree} if tree else dict(os.environ)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=tree or ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def loaded(tree, code):
    """(modules, checker modules) loaded once code has run."""
    env = {**os.environ, "PYTHONPATH": tree}
    out = subprocess.run([sys.executable, "-c", code.replace("cli()", "cli(standalone_mode=False)") + "\n" + COUNT],
                         env=env, cwd=tree, check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="d2e6989", help="the earlier revision (default: d2e6989)")
    parser.add_argument("--runs", type=int, default=20, help="runs of each case (default: 20)")
    args = parser.parse_args()
    earlier = tempfile.mkdtemp(prefix="startup-bench-")
    subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", earlier, args.against], check=True,
                   capture_output=True)
    try:
        cases = {
            "python -c pass": (None, "pass"),
            "import checker.cli": (ROOT, "import checker.cli"),
            "checker --help": (ROOT, HELP),
            f"checker --help at {args.against}": (earlier, HELP),
        }
        times = {name: [] for name in cases}
        for name, (tree, code) in cases.items():
            run(tree, code)  # warm the file cache
        for _ in range(args.runs):
            for name, (tree, code) in cases.items():
                times[name].append(run(tree, code))
        median = {name: statistics.median(ts) for name, ts in times.items()}
        floor, before = median["python -c pass"], median[f"checker --help at {args.against}"]
        print(f"{'case':<30} {'median ms':>9} {'x pass':>7} {'x before':>8} {'modules':>8} {'checker':>8}")
        for name, (tree, code) in cases.items():
            modules = loaded(tree, code) if tree else ("", "")
            print(f"{name:<30} {median[name] * 1000:>9.0f} {median[name] / floor:>7.1f} {median[name] / before:>8.2f}"
                  f" {modules[0]:>8} {modules[1]:>8}")
    finally:
        subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", earlier], check=False, capture_output=True)
        shutil.rmtree(earlier, ignore_errors=True)


if __name__ == "__main__":
    main()
