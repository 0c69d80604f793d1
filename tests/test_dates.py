"""Dates and years as pages write them (reading/dates.py), from tables: every value found, with where it
stands and how precise it is, so that a rule loosened or tightened shows."""
import pytest

from checker.reading.dates import date_mentions, describe_date, parse_iso, year_mentions
from checker.text import normalise

# (text, [(position, years)]): a range stands for each of its years
YEARS = [
    ("in 2008", [(3, (2008,))]),
    ("2022-23", [(0, (2022, 2023))]),
    ("fiscal 1999-00", [(7, (1999, 2000))]),  # a two-digit end that crosses a century
    ("2010/11", [(0, (2010, 2011))]),
    ("2022-25", [(0, (2022, 2023, 2024, 2025))]),  # two digits name a year of the same decade or the next
    ("FY2020-22", [(2, (2020, 2021, 2022))]),
    ("2008-9", [(0, (2008, 2009))]),
    ("2001-5", [(0, (2001, 2002, 2003, 2004, 2005))]),
    ("2019-12", [(0, (2019,))]),  # no range: the end would come before the start
    ("2023-2027 and 2030", [(0, (2023, 2024, 2025, 2026, 2027)), (14, (2030,))]),
    ("2023-2033", [(0, tuple(range(2023, 2034)))]),  # ten years on at most
    ("2023-2034", [(0, (2023,)), (5, (2034,))]),
    ("2023-2023", [(0, (2023,)), (5, (2023,))]),  # not a range: the same year twice
    ("2027-2023", [(0, (2027,)), (5, (2023,))]),
    ("1815-16", [(0, (1815, 1816))]),
    ("12,2008 or 2008.5", []),  # part of a number, not a year
]


@pytest.mark.parametrize("text,found", YEARS)
def test_year_mentions(text, found):
    assert year_mentions(text) == found


D, M = "day", "month"

# (text as a page writes it, locale, [(first, last, precision)] in order)
DATES = [
    ("7-9 February 2012", None, [((2012, 2, 7), (2012, 2, 9), D)]),
    ("February 7–9, 2012", None, [((2012, 2, 7), (2012, 2, 9), D)]),
    ("30 January - 2 February 2012", None, [((2012, 1, 30), (2012, 2, 2), D)]),
    ("January 30 - February 2, 2012", None, [((2012, 1, 30), (2012, 2, 2), D)]),
    ("5 February 2003", None, [((2003, 2, 5), (2003, 2, 5), D)]),
    ("Feb. 5, 2003", None, [((2003, 2, 5), (2003, 2, 5), D)]),
    ("February 2003", None, [((2003, 2, 1), (2003, 2, 28), M)]),
    ("February 2004", None, [((2004, 2, 1), (2004, 2, 29), M)]),
    ("2003-02-05", None, [((2003, 2, 5), (2003, 2, 5), D)]),
    ("2003-02-05 and 7 March 2004", None, [((2003, 2, 5), (2003, 2, 5), D), ((2004, 3, 7), (2004, 3, 7), D)]),
    ("2003-02-30 and 7 March 2004", None, [((2004, 3, 7), (2004, 3, 7), D)]),  # an impossible ISO date
    ("x2003-02-05", None, []),
    ("31 February 2012", None, [((2012, 2, 1), (2012, 2, 29), M)]),  # no such day: the month stands
    ("30 February - 2 March 2012", None, [((2012, 3, 2), (2012, 3, 2), D)]),  # nor such a range
    ("9-7 February 2012", None, [((2012, 2, 7), (2012, 2, 7), D)]),  # a range backwards is no range
    ("5 March 2003 and 7 March 2004", None, [((2003, 3, 5), (2003, 3, 5), D), ((2004, 3, 7), (2004, 3, 7), D)]),
    # numeric dates: by the locale's order, else only where the order cannot matter
    ("13/5/2003", None, [((2003, 5, 13), (2003, 5, 13), D)]),
    ("5/13/2003", None, [((2003, 5, 13), (2003, 5, 13), D)]),
    ("12/13/2003", None, [((2003, 12, 13), (2003, 12, 13), D)]),
    ("13/12/2003", None, [((2003, 12, 13), (2003, 12, 13), D)]),
    ("12/12/2003", None, [((2003, 12, 12), (2003, 12, 12), D)]),
    ("12/5/2003", None, []),
    ("5/12/2003", None, []),
    ("12/5/2003", "en-GB", [((2003, 5, 12), (2003, 5, 12), D)]),
    ("12/5/2003", "en-US", [((2003, 12, 5), (2003, 12, 5), D)]),
    ("5/2/2003-02-07", None, [((2003, 2, 7), (2003, 2, 7), D)]),  # an unclear numeric date hides no ISO one
]


@pytest.mark.parametrize("text,locale,found", DATES)
def test_date_mentions(text, locale, found):
    assert [m.value for m in date_mentions(normalise(text), locale=locale)] == found


def test_date_mentions_say_where_they_stand():
    text = normalise("Talks on 7-9 February 2012 followed a visit in March 2011 and one on 2010-05-04.")
    spans = [text[m.start:m.end] for m in date_mentions(text)]
    assert spans == ["7-9 february 2012", "march 2011", "2010-05-04"]


@pytest.mark.parametrize("value,parsed", [
    ("2012", ((2012, 1, 1), (2012, 12, 31), "year")),
    ("2012-02", ((2012, 2, 1), (2012, 2, 29), "month")),
    ("2011-02", ((2011, 2, 1), (2011, 2, 28), "month")),
    ("2012-02-07", ((2012, 2, 7), (2012, 2, 7), "day")),
])
def test_parse_iso(value, parsed):
    assert parse_iso(value) == parsed


@pytest.mark.parametrize("first,last,precision,written", [
    ((2012, 1, 1), (2012, 12, 31), "year", "2012"),
    ((2003, 2, 1), (2003, 2, 28), "month", "February 2003"),
    ((2012, 2, 7), (2012, 2, 7), "day", "7 February 2012"),
    ((2012, 2, 7), (2012, 2, 9), "day", "7-9 February 2012"),
    ((2012, 2, 28), (2012, 3, 2), "day", "28 February - 2 March 2012"),
    ((2012, 12, 30), (2013, 1, 2), "day", "30 December - 2 January 2013"),
])
def test_describe_date(first, last, precision, written):
    assert describe_date(first, last, precision) == written
