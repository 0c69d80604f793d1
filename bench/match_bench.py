"""Benchmark: match a 1 MB page against the seed claims and the claims of tests/match_cases.yaml
(run by hand, not by CI).

Prints the one-off cost of building the currency tables from CLDR, the time to read the page once
(index_page) and, per claim, the time to assess it, against the target of 50 ms per claim per MB.
The page is 1 MB of news-like text with the claims' facts (the seed's quotes and passages, and the
test cases' pages: figures in many currencies, counts, dates, names) scattered through it, so that
every matcher path is exercised.

Usage: .venv/bin/python bench/match_bench.py [--size-mb 1] [--repeat 3]
"""
import argparse
import os
import pathlib
import random
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import yaml  # noqa: E402

from checker.reading import currencies  # noqa: E402
from checker.reading.facts import index_page  # noqa: E402
from checker.reading.figures import money_mentions  # noqa: E402
from checker.reading.match import assess  # noqa: E402
from checker.store.seed import read_seed  # noqa: E402

CASES = pathlib.Path(__file__).parent.parent / "tests" / "match_cases.yaml"

FILLER = ("officials said the talks covered energy pipelines and agriculture, and that further rounds "
          "would follow later in the year; analysts in Islamabad and Moscow expect modest results. ").split()


def world_cases():
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    claims = [{k: v for k, v in c.items() if k != "topic"} for c in data["claims"].values()]
    return claims, [case["page"] for case in data["cases"]]


def make_page(seed, size, pages=()):
    rng = random.Random(42)
    facts = [c["quote"] for c in seed["claims"]] + [
        s["passage"] for c in seed["claims"] for s in c.get("sources", []) if s.get("passage")] + list(pages)
    parts, length = [], 0
    while length < size:
        sentence = " ".join(rng.choice(FILLER) for _ in range(rng.randint(12, 30))).capitalize() + "."
        if rng.random() < 0.02:
            sentence += " " + rng.choice(facts)
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    currencies.forms(), currencies.currency_context_words(), money_mentions("Rs 5 crore")
    tables_ms = (time.perf_counter() - started) * 1000
    seed = read_seed()
    world_claims, world_pages = world_cases()
    text = make_page(seed, int(args.size_mb * 1024 * 1024), world_pages)
    mb = len(text.encode("utf-8")) / (1024 * 1024)
    claims = [{**c, "id": i} for i, c in enumerate(seed["claims"])]
    passages = [next((s["passage"] for s in c.get("sources", []) if s.get("passage")), c["quote"]) for c in claims]
    claims += world_claims
    passages += [None] * len(world_claims)
    index_times, per_claim = [], []
    for _ in range(args.repeat):
        started = time.perf_counter()
        page = index_page(text)
        index_times.append(time.perf_counter() - started)
        for claim, passage in zip(claims, passages):
            started = time.perf_counter()
            assess(claim, passage, page)
            per_claim.append(time.perf_counter() - started)
    index_s = statistics.median(index_times)
    claim_ms = statistics.median(per_claim) * 1000
    worst_ms = max(per_claim) * 1000
    total_ms = (index_s + sum(per_claim) / args.repeat) * 1000
    n = len(claims)
    print(f"currency tables from CLDR, built once per process: {tables_ms:.0f} ms")
    print(f"page: {mb:.2f} MB, {n} claims ({len(world_claims)} from tests/match_cases.yaml), {args.repeat} runs")
    print(f"  reading the page once (index_page): {index_s * 1000:.0f} ms ({index_s * 1000 / mb:.0f} ms per MB)")
    print(f"  assessing one claim: median {claim_ms:.1f} ms, worst {worst_ms:.1f} ms (target under 50 ms)")
    per_claim_per_mb = total_ms / n / mb
    print(f"  all {n} claims including the read: {total_ms:.0f} ms = {per_claim_per_mb:.1f} ms per claim per MB; "
          f"ratio to the 50 ms target: {per_claim_per_mb / 50:.2f}")


if __name__ == "__main__":
    main()
