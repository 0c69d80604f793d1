"""The mutation score per module, read from what `mutmut run` left in mutants/ (scripts/mutation).

A mutant counts as killed when a test failed or timed out with it in place. Mutants listed in
docs/mutation.md under "Equivalent mutants" (a name, or a pattern with *, then a colon and why) are
left out of the denominator and counted apart; a listed mutant that the tests kill anyway is
reported, so the list cannot silently go stale."""
import fnmatch
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "mutation.md"
KILLED = {1, 3, 36, 24, -24, 152, 255}  # a failing test (1, 3) or a timeout (36 and the SIGXCPU codes)
LISTED = re.compile(r"^- `(?P<name>[^`]+)`(?: \([^)]*\))?: (?P<why>.+)$")


def read_equivalents(text):
    """{name or pattern: why} from the "Equivalent mutants" section of docs/mutation.md."""
    found, inside = {}, False
    for line in text.splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## Equivalent mutants"
        elif inside and (m := LISTED.match(line)):
            found[m["name"]] = m["why"]
    return found


def module_of(meta_path):
    return meta_path.relative_to(ROOT / "mutants").as_posix().removesuffix(".meta")


def score(exit_codes, equivalents):
    """(killed, counted, equivalent names, surviving names, listed names that were killed)."""
    def listed(name):
        return any(fnmatch.fnmatchcase(name, p) for p in equivalents)

    killed, counted, equivalent, surviving, stale = 0, 0, [], [], []
    for name, code in sorted(exit_codes.items()):
        if listed(name):
            equivalent.append(name)
            if code in KILLED:
                stale.append(name)
            continue
        counted += 1
        if code in KILLED:
            killed += 1
        else:
            surviving.append(name)
    return killed, counted, equivalent, surviving, stale


def main(argv):
    verbose = "--survivors" in argv
    equivalents = read_equivalents(DOCS.read_text(encoding="utf-8")) if DOCS.exists() else {}
    metas = sorted((ROOT / "mutants").rglob("*.py.meta"))
    if not metas:
        sys.exit("no results in mutants/: run scripts/mutation first")
    rows, all_killed, all_counted, below = [], 0, 0, []
    for meta in metas:
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        killed, counted, equivalent, surviving, stale = score(codes, equivalents)
        all_killed, all_counted = all_killed + killed, all_counted + counted
        share = 100.0 * killed / counted if counted else 100.0
        rows.append((module_of(meta), killed, counted, share, len(equivalent), surviving, stale))
        if share < 90.0:
            below.append(module_of(meta))
    width = max(len(r[0]) for r in rows)
    print(f"{'module':<{width}}  killed / total      %  equivalent")
    for module, killed, counted, share, n_equivalent, _, _ in rows:
        print(f"{module:<{width}}  {killed:>6} / {counted:<5}  {share:5.1f}  {n_equivalent:>10}")
    print(f"{'all':<{width}}  {all_killed:>6} / {all_counted:<5}  {100.0 * all_killed / all_counted:5.1f}")
    for module, *_, surviving, stale in rows:
        if verbose and surviving:
            print(f"\nsurviving in {module}:")
            print("\n".join(f"  {name}" for name in surviving))
        if stale:
            print(f"\nlisted as equivalent in docs/mutation.md but killed, in {module}:")
            print("\n".join(f"  {name}" for name in stale))
    if below:
        print(f"\nunder 90%: {', '.join(below)}  (scripts/mutation --survivors lists what lives; "
              f"mutmut show NAME shows one)")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
