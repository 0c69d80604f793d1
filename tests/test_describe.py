"""Figures and dates written as people write them (reading/describe.py), from tables: the exact words,
since they are what a claim's page, a proposal and the facts found on a source all show."""
import pytest

from checker.reading.describe import describe_dates, describe_money, describe_number, describe_value

# (value, unit, as written); tests/test_text.py holds the everyday cases, these are the edges
VALUES = [
    (1e6, None, "1 million"),  # a scale from exactly one of it
    (1e9, None, "1 billion"),  # not "1000 million"
    (1e12, None, "1 trillion"),
    (999999, None, "999,999"),
    (1234500, None, "1,234,500"),  # a scale only where it rounds nothing away
    (1234000, None, "1.234 million"),
    (-5e6, None, "-5 million"),
    (-92e6, "USD", "-US$92 million"),
    (-5e6, "EUR", "-€5 million"),
    (-1234567, "USD", "-US$1,234,567"),
    (2.0000001, None, "2"),  # decimals past the sixth are dropped, then the point
    (0.25, "percent", "0.25%"),
    (1, "tonnes", "1 tonne"),
    (1, "kg", "1 kg"),  # a unit not in the plural stays as it is
    (1, "address", "1 address"),
    ("about 5", "meetings", "about 5 meetings"),  # not a number: given back as written
    ("about 5", None, "about 5"),
    ("  ", "USD", None),
]


@pytest.mark.parametrize("value,unit,written", VALUES)
def test_describe_value(value, unit, written):
    assert describe_value(value, unit) == written


@pytest.mark.parametrize("amount,written", [
    (5.5, "5.5"), (250, "250"), (1e6, "1 million"), (2.5e6, "2.5 million"), (1e9, "1 billion"),
    (3.4e9, "3.4 billion"), (1e12, "1 trillion"), (12.5e12, "12.5 trillion"),
])
def test_describe_number(amount, written):
    assert describe_number(amount) == written


@pytest.mark.parametrize("amount,currency,written", [
    (1e9, "USD", "US$1 billion"),
    (1e9, None, "1 billion (currency not given)"),
    (-3e6, "GBP", "-£3 million"),
])
def test_describe_money(amount, currency, written):
    assert describe_money(amount, currency) == written


@pytest.mark.parametrize("start,end,written", [
    ("early 2012", "late 2013", "early 2012 - late 2013"),  # not ISO: given back as written
    ("2012-02-07", "soon", "2012-02-07 - soon"),
    ("early 2012", "early 2012", "early 2012"),
    (" 2012-02-07 ", " 2012-02-09 ", "7-9 February 2012"),
    ("2012-02-28", "2012-03-02", "28 February - 2 March 2012"),
    ("2008", "2012-03", "2008 - March 2012"),
])
def test_describe_dates(start, end, written):
    assert describe_dates(start, end) == written
