import pathlib

import pytest
import yaml

from checker.facts import claim_facts, date_mentions, index_page, money_mentions
from checker.match import assess
from checker.text import normalise

CASES = yaml.safe_load((pathlib.Path(__file__).parent / "evidence_cases.yaml").read_text(encoding="utf-8"))["cases"]


def run_case(case):
    return assess(case["claim"], case.get("passage"), index_page(case["page"]))


def test_there_are_enough_cases():
    assert len(CASES) >= 40
    assert {c["expect"] for c in CASES} == {"supports", "partial", "missing"}


def test_precision_and_recall_of_supports():
    tp = fp = fn = 0
    wrong = []
    for case in CASES:
        got = run_case(case).support
        if got != case["expect"]:
            wrong.append(f"{case['name']}: expected {case['expect']}, got {got}")
        if got == "supports" and case["expect"] == "supports":
            tp += 1
        elif got == "supports":
            fp += 1
        elif case["expect"] == "supports":
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"\nmatcher on {len(CASES)} cases: precision {precision:.3f}, recall {recall:.3f}")
    for line in wrong:
        print("  " + line)
    assert precision >= 0.95 and recall >= 0.95, wrong


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case):
    result = run_case(case)
    assert result.support == case["expect"], (result, case["page"])
    if result.support != "missing":
        assert result.snippet
    assert 0 <= result.score <= 100


def test_unreachable_without_a_snapshot():
    result = assess(CASES[0]["claim"], "anything", None)
    assert result.support == "unreachable" and result.facts_found == [] and result.facts_missing


def test_facts_of_a_trade_claim():
    facts = claim_facts({"claim": "Two-way trade between Russia and Pakistan was US$630 million in 2008.",
                         "value": 630000000, "unit": "USD", "date_start": "2008", "date_end": "2008"})
    assert [f.label for f in facts] == ["USD 630 million", "2008", "Russia", "Pakistan"]


@pytest.mark.parametrize("claim,names", [
    ("Pakistani Foreign Minister Hina Rabbani Khar visited Moscow on 7-9 February 2012.", ["Khar", "Moscow"]),
    ("Russian Prime Minister Mikhail Fradkov made an official visit to Pakistan in 2007.", ["Fradkov", "Pakistan"]),
    ("Pakistani Prime Minister Yusuf Raza Gilani met Vladimir Putin in St Petersburg in early March 2012.", ["Gilani", "Putin", "Petersburg"]),
    ("The Russian State Duma has a parliamentary friendship group with Pakistan.", ["Duma", "Pakistan"]),
])
def test_names_of_a_claim(claim, names):
    assert [f.label for f in claim_facts({"claim": claim}) if f.kind == "name"] == names


@pytest.mark.parametrize("text,amount,currency", [
    ("US$630 million", 630e6, "USD"), ("$630m", 630e6, "USD"), ("630 million dollars", 630e6, "USD"),
    ("USD 0.63 billion", 630e6, "USD"), ("630 million rupees", 630e6, "PKR"), ("Rs. 5 billion", 5e9, "PKR"),
    ("€12.5m", 12.5e6, "EUR"), ("$6,300", 6300, "USD"),
])
def test_money_mentions(text, amount, currency):
    [m] = money_mentions(normalise(text))
    assert (m.value[0], m.value[1]) == (amount, currency)


@pytest.mark.parametrize("text,first,last", [
    ("7-9 February 2012", (2012, 2, 7), (2012, 2, 9)),
    ("February 7–9, 2012", (2012, 2, 7), (2012, 2, 9)),
    ("7 to 9 Feb 2012", (2012, 2, 7), (2012, 2, 9)),
    ("30 January - 2 February 2012", (2012, 1, 30), (2012, 2, 2)),
    ("5 February 2003", (2003, 2, 5), (2003, 2, 5)),
    ("Feb. 5, 2003", (2003, 2, 5), (2003, 2, 5)),
    ("2003-02-05", (2003, 2, 5), (2003, 2, 5)),
    ("February 2003", (2003, 2, 1), (2003, 2, 28)),
])
def test_date_mentions(text, first, last):
    [m] = date_mentions(normalise(text))
    assert m.value[:2] == (first, last)
