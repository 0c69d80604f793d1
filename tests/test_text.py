import pathlib

import pytest
import yaml

from checker.reading.describe import describe_dates, describe_value
from checker.text import clean, display_text, find_in_article, fold, is_partial_date, plural, quote_occurs, squash

QUOTE_CASES = yaml.safe_load((pathlib.Path(__file__).parent / "quote_cases.yaml").read_text(encoding="utf-8"))

DATES = [
    ("2008", True, True),
    ("2003-02", True, True),
    ("2012-02-07", True, True),
    ("2012-02-30", True, False),
    ("2012-13", True, False),
    ("12-02-2012", True, False),
    ("2012-2-7", True, False),
    ("February 2012", True, False),
    ("2012-02-07", False, True),
    ("2012-02", False, False),
    ("2012", False, False),
]


@pytest.mark.parametrize("value,partial,expected", DATES)
def test_is_partial_date(value, partial, expected):
    assert is_partial_date(value, partial=partial) is expected


@pytest.mark.parametrize(
    "value,expected", [(None, None), ("", None), ("  \n", None), (" a ", "a"), (5, "5")]
)
def test_clean(value, expected):
    assert clean(value) == expected


@pytest.mark.parametrize(
    "quote,text,expected",
    [
        ("US$630 million in 2008", "and US$630 million in 2008.", True),
        ("US$630  million\nin 2008", "and US$630 million in 2008.", True),
        ("US$630\u00a0million", "US$630 million", True),
        ("US$631 million", "US$630 million", False),
        ("us$630 million", "US$630 million", True),
        ("Russia's", "Russia’s", True),
        ("resume", "résumé", False),
    ],
)
def test_quote_occurs(quote, text, expected):
    assert quote_occurs(quote, text) is expected


@pytest.mark.parametrize("case", QUOTE_CASES, ids=[c["name"] for c in QUOTE_CASES])
def test_find_in_article(case):
    stored = find_in_article(case["quote"], case["article"])
    assert stored == case["stored"]
    assert quote_occurs(case["quote"], case["article"]) is (stored is not None)
    if stored is not None:
        # the article's own words, which the database's quote check (whitespace ignored) accepts
        assert stored in case["article"]
        assert squash(stored) in squash(case["article"])


def test_find_in_article_gives_the_first_of_several():
    article = "“Trade” rose. Then 'trade' fell. Then TRADE stalled."
    assert find_in_article("'TRADE'", article) == "'trade'"
    assert find_in_article("trade", article) == "Trade"


VALUES = [
    (92000000, "USD", "US$92 million"),
    (630000000, "usd", "US$630 million"),
    (441000000.0, "USD", "US$441 million"),
    (1200000000, "NZD", "NZ$1.2 billion"),
    (2.5e12, "EUR", "€2.5 trillion"),
    (2500000, "GBP", "£2.5 million"),
    (5000000, "PKR", "PKR 5 million"),
    (125000000, "INR", "₹125 million"),
    (5000, "EUR", "€5,000"),
    (1234567, "USD", "US$1,234,567"),
    (6, "meetings", "6 meetings"),
    (1, "meetings", "1 meeting"),
    (1, "injuries", "1 injury"),
    (34, "people", "34 people"),
    (62.6, "percent", "62.6%"),
    (745000, "jobs", "745,000 jobs"),
    (2.25, "times", "2.25 times"),
    (3, None, "3"),
    (None, "USD", None),
    ("", None, None),
]


@pytest.mark.parametrize("value,unit,expected", VALUES)
def test_describe_value(value, unit, expected):
    assert describe_value(value, unit) == expected


DATE_RANGES = [
    ("2012-02-07", "2012-02-09", "7-9 February 2012"),
    ("2012-02-07", None, "7 February 2012"),
    ("2012-02-07", "2012-02-07", "7 February 2012"),
    ("2012-02-28", "2012-03-02", "28 February - 2 March 2012"),
    ("2012-12-30", "2013-01-02", "30 December 2012 - 2 January 2013"),
    ("2003-02", None, "February 2003"),
    ("2003-02", "2003-04", "February-April 2003"),
    ("2003-11", "2004-02", "November 2003 - February 2004"),
    ("2008", None, "2008"),
    ("2008", "2008", "2008"),
    ("2008", "2010", "2008-2010"),
    ("2003-02", "2012-03-21", "February 2003 - 21 March 2012"),
    (None, None, None),
    ("", None, None),
    ("early 2012", None, "early 2012"),
]


@pytest.mark.parametrize("start,end,expected", DATE_RANGES)
def test_describe_dates(start, end, expected):
    assert describe_dates(start, end) == expected


PLURALS = [
    (0, "claim", None, "0 claims"),
    (1, "claim", None, "1 claim"),
    (2, "claim", None, "2 claims"),
    (1, "source", None, "1 source"),
    (73, "source", None, "73 sources"),
    (2, "entry", None, "2 entries"),
    (2, "day", None, "2 days"),
    (3, "match", None, "3 matches"),
    (2, "address", None, "2 addresses"),
    (1, "link", None, "1 link"),
    (2, "claim review", None, "2 claim reviews"),
    (2, "person", "people", "2 people"),
    (1, "person", "people", "1 person"),
]


@pytest.mark.parametrize("n,word,many,expected", PLURALS)
def test_plural(n, word, many, expected):
    assert plural(n, word, many) == expected


@pytest.mark.parametrize("text,shown", [
    ("a  b\n\tc ", "a b c"),
    ("eco-\n  nomic growth", "economic growth"),  # hyphenation at a line end undone
    ("ﬁnance", "finance"),  # NFKC
    (None, ""),
    ("", ""),
])
def test_display_text(text, shown):
    assert display_text(text) == shown


@pytest.mark.parametrize("text,folded", [
    ("“Quote” – ‘Dash’", "\"quote\" - 'dash'"),
    ("İSTANBUL", "İstanbul"),  # İ lower-cases to two characters: kept, so positions stay
    ("STRASSE", "strasse"),
])
def test_fold_keeps_every_position(text, folded):
    assert fold(text) == folded and len(fold(text)) == len(text)


def test_squash():
    assert squash("a b\u00a0c\n\td\r") == "abcd"


@pytest.mark.parametrize("quote,article", [(None, "xxxx"), ("", "xxxx"), ("xxxx", None), ("xxxx", "")])
def test_nothing_to_find(quote, article):
    assert find_in_article(quote, article) is None
