import pytest

from checker.text import clean, is_partial_date, quote_occurs

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
        ("us$630 million", "US$630 million", False),
    ],
)
def test_quote_occurs(quote, text, expected):
    assert quote_occurs(quote, text) is expected
