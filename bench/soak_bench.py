"""The soak of tests/soak.py for longer, with its figures (run by hand, not by CI).

1. Quiet: the pages browsed with nothing else running, for --quiet-seconds: their latency.
2. Busy: the whole soak for --minutes on the same database (the workbench serving with scheduled
   rechecks, Rechecks, Imports and API verdicts through it, `checker check` in other processes with
   every other one killed by SIGKILL, editors on the command line, a reader opening and closing the
   file): the writes made and found afterwards, the checks run and killed, and the pages' latency
   while all of that writes, as a ratio of the quiet figures.

Usage: .venv/bin/python bench/soak_bench.py [--minutes 5] [--quiet-seconds 60] [--seed 1]
"""
import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from tests.soak import Site, prepare, soak, verify  # noqa: E402


def percentile(values, p):
    return statistics.quantiles(values, n=100)[p - 1] if len(values) > 1 else (values or [0])[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--quiet-seconds", type=float, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    site = Site()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "claims.db"
            prepare(path, site)
            quiet = soak(path, args.quiet_seconds, site, random.Random(args.seed), writers=False)
            started = time.monotonic()
            busy = soak(path, args.minutes * 60, site, random.Random(args.seed))
            minutes = (time.monotonic() - started) / 60
            problems = verify(path, busy)
    finally:
        site.close()
    writes = len(busy.verdict_notes) + len(busy.claims) + len(busy.links) + len(busy.api_notes) + len(busy.imports)
    lost = [p for p in problems if "missing" in p or "not in verdict_history" in p]
    print(f"ran {minutes:.1f} min: {writes} writes reported done ({len(busy.verdict_notes)} CLI verdicts, "
          f"{len(busy.claims)} claims, {len(busy.links)} sources, {len(busy.api_notes)} API verdicts, "
          f"{len(busy.imports)} imports); {writes - len(lost)} found afterwards, {len(lost)} lost")
    print(f"checks: {busy.checks_run} ran to the end, {busy.checks_killed} killed with SIGKILL; "
          f"the reader opened the file {busy.reader_opens} times")
    print(f"problems: {len(problems)}" + "".join(f"\n  {p}" for p in problems[:20]))
    for label, record in (("quiet", quiet), ("busy", busy)):
        print(f"pages {label}: {len(record.page_ms)} served, median {statistics.median(record.page_ms):.0f} ms, "
              f"p95 {percentile(record.page_ms, 95):.0f} ms; statuses {record.statuses}")
    print(f"busy / quiet: median x{statistics.median(busy.page_ms) / statistics.median(quiet.page_ms):.2f}, "
          f"p95 x{percentile(busy.page_ms, 95) / percentile(quiet.page_ms, 95):.2f}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
