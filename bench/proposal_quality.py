"""The quality of `checker import` + `checker propose` on real news pages, judged against keys written
before the tool was run (tests/data/proposals/: the pages, the keys, and the judging rules in its
README, which this script applies as written).

Per page and in all, it prints: key claims, proposals, coverage (key claims whose quote some proposal's
quote holds), precision (proposals that match a key claim with no wrong field), the share of matched
proposals with a value, unit or date whose field is wrong, and proposals per covered key claim.

Usage: .venv/bin/python bench/proposal_quality.py [--show wrong|unmatched|missed|all] [PAGE ...]
"""
import argparse
import datetime
import gzip
import os
import pathlib
import re
import sys
import tempfile
from dataclasses import dataclass, field

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from checker import propose  # noqa: E402
from checker.intake import import_article  # noqa: E402
from checker.store.db import open_db  # noqa: E402
from checker.text import display_text, fold  # noqa: E402

DATA = pathlib.Path(__file__).parent.parent / "tests" / "data" / "proposals"
FIGURE_TOLERANCE = 0.005  # a share of the key's value


def folded(text: str | None) -> str:
    """Text made alike for comparison: case, quotes, dashes, runs of white space, and the punctuation
    that closes a sentence or a quotation around it (a quote's words do not include its full stop)."""
    return " ".join(fold(display_text(text or "")).split()).strip(" .,;:!?'\"")


def day_range(start: str | None, end: str | None) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date (or span) covers."""
    if not start:
        return None

    def bounds(value: str) -> tuple[datetime.date, datetime.date]:
        value = str(value)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return datetime.date(parts[0], 1, 1), datetime.date(parts[0], 12, 31)
        if len(parts) == 2:
            first = datetime.date(parts[0], parts[1], 1)
            following = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, following - datetime.timedelta(days=1)
        day = datetime.date(*parts)
        return day, day

    return bounds(start)[0], bounds(end or start)[1]


def key_range(key: dict) -> tuple[datetime.date, datetime.date] | None:
    """The days a key dates its fact to. A fact "since" a time (in the key's quote or its claim) with no
    end written runs to the article's date (the README's rules, clarified after the second and fifth runs)."""
    end = key.get("date_end")
    if not end and key.get("date_start") and key.get("published") and (
            re.search(r"\bsince\b", folded(key["quote"])) or re.search(r"\bsince\b", folded(key.get("claim")))):
        end = str(key["published"])[:7]  # the month the article came out in
    return day_range(key.get("date_start"), end)


def wrong_fields(proposal: dict, key: dict) -> list[str]:
    """The fields of a proposal that the key says are wrong (see the README's rules)."""
    wrong = []
    if proposal["value"] is not None:
        expected = key.get("value")
        if expected is None:
            wrong.append(f"value {proposal['value']:g} (the key has none)")
        elif abs(float(proposal["value"]) - float(expected)) > FIGURE_TOLERANCE * abs(float(expected)):
            wrong.append(f"value {proposal['value']:g} (key: {float(expected):g})")
        unit = str(key.get("unit") or "")
        if re.fullmatch(r"[A-Z]{3}", unit) and proposal["unit"] != unit:
            wrong.append(f"unit {proposal['unit']} (key: {unit})")
    if proposal["date_start"] is not None:
        mine = day_range(proposal["date_start"], proposal["date_end"])
        theirs = key_range(key)
        if theirs is None:
            wrong.append(f"date {proposal['date_start']}..{proposal['date_end'] or ''} (the key has none)")
        elif mine is not None and not (theirs[0] <= mine[0] and mine[1] <= theirs[1]):
            wrong.append(f"date {proposal['date_start']}..{proposal['date_end'] or ''} "
                         f"(key: {key.get('date_start')}..{key.get('date_end') or ''})")
    return wrong


def holds_fact(proposal: dict, key: dict) -> bool:
    """A proposal quoting inside a key claim's sentence holds that claim's figure or date."""
    value = key.get("value")
    if value is not None and proposal["value"] is not None and \
            abs(float(proposal["value"]) - float(value)) <= FIGURE_TOLERANCE * abs(float(value)):
        return True
    mine = day_range(proposal["date_start"], proposal["date_end"])
    theirs = key_range(key)
    return mine is not None and theirs is not None and theirs[0] <= mine[0] and mine[1] <= theirs[1]


def matching_keys(proposal: dict, keys: list[dict]) -> list[dict]:
    quote = folded(proposal["quote"])
    return [k for k in keys if folded(k["quote"]) in quote
            or (quote in folded(k["sentence"]) and holds_fact(proposal, k))]


@dataclass
class Judged:
    page: str
    keys: list[dict]
    proposals: list[dict]
    covered: set[int] = field(default_factory=set)
    right: list[dict] = field(default_factory=list)
    wrong: list[tuple[dict, list[str]]] = field(default_factory=list)  # matched, with a wrong field
    unmatched: list[dict] = field(default_factory=list)
    with_fields: int = 0  # matched proposals carrying a value, unit or date
    matched: int = 0


def judge(page: str, keys: list[dict], proposals: list[dict]) -> Judged:
    judged = Judged(page, keys, proposals)
    for i, key in enumerate(keys):
        if any(folded(key["quote"]) in folded(p["quote"]) for p in proposals):
            judged.covered.add(i)
    for p in proposals:
        found = matching_keys(p, keys)
        if not found:
            judged.unmatched.append(p)
            continue
        judged.matched += 1
        carries = p["value"] is not None or p["date_start"] is not None
        judged.with_fields += carries
        verdicts = [wrong_fields(p, k) for k in found]
        if any(not v for v in verdicts):
            judged.right.append(p)
        else:
            judged.wrong.append((p, verdicts[0]))
    return judged


def run_page(page: str, workdir: pathlib.Path) -> list[dict]:
    """Import a saved page into a fresh database and propose every claim it holds."""
    html = workdir / f"{page}.html"
    html.write_bytes(gzip.decompress((DATA / "pages" / f"{page}.html.gz").read_bytes()))
    db = open_db(str(workdir / f"{page}.db"), create=True)
    result = import_article(db, str(html))
    propose.propose(db, result.article_id, limit=None)
    rows = [dict(r) for r in db.query("SELECT quote, claim, kind, value, unit, date_start, date_end, sentence, score "
                                      "FROM proposals ORDER BY id")]
    db.conn.close()
    return rows


def share(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--show", choices=["wrong", "unmatched", "missed", "all"])
    args = parser.parse_args()
    key_files = sorted((DATA / "keys").glob("*.yaml"))
    pages = args.pages or [f.stem for f in key_files]
    totals = Judged("all", [], [])
    print(f"{'page':<18} {'keys':>5} {'props':>6} {'coverage':>9} {'precision':>10} {'wrong':>7} {'per key':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            key = yaml.safe_load((DATA / "keys" / f"{page}.yaml").read_text(encoding="utf-8"))
            keys = [{**k, "published": key.get("published")} for k in key["claims"]]
            j = judge(page, keys, run_page(page, pathlib.Path(tmp)))
            print(f"{page:<18} {len(keys):>5} {len(j.proposals):>6} {share(len(j.covered), len(keys)):>9} "
                  f"{share(len(j.right), len(j.proposals)):>10} {share(len(j.wrong), j.with_fields):>7} "
                  f"{(j.matched / len(j.covered) if j.covered else 0):>8.2f}")
            show(j, args.show)
            totals.keys += keys
            totals.proposals += j.proposals
            totals.covered |= {(page, i) for i in j.covered}  # type: ignore[arg-type]
            totals.right += j.right
            totals.wrong += j.wrong
            totals.unmatched += j.unmatched
            totals.with_fields += j.with_fields
            totals.matched += j.matched
    print(f"{'all':<18} {len(totals.keys):>5} {len(totals.proposals):>6} "
          f"{share(len(totals.covered), len(totals.keys)):>9} {share(len(totals.right), len(totals.proposals)):>10} "
          f"{share(len(totals.wrong), totals.with_fields):>7} "
          f"{(totals.matched / len(totals.covered) if totals.covered else 0):>8.2f}")


def show(j: Judged, what: str | None) -> None:
    if what in ("wrong", "all"):
        for p, why in j.wrong:
            print(f"    WRONG {'; '.join(why)}: {p['claim']!r}  [quote {p['quote']!r}]")
    if what in ("unmatched", "all"):
        for p in j.unmatched:
            print(f"    UNMATCHED ({p['kind']}) {p['claim']!r}  [quote {p['quote']!r}]")
    if what in ("missed", "all"):
        for i, k in enumerate(j.keys):
            if i not in j.covered:
                print(f"    MISSED {k['quote']!r}")


if __name__ == "__main__":
    main()
