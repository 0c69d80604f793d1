"""Dates and years as pages write them: "7-9 February 2012", "February 7–9, 2012", "the 5th of February
2003", "2003-02-05", numeric dates by the page's locale, years and ranges of years. Pure functions."""
import calendar
import datetime
import re
from typing import Any

from .locales import day_first
from .page_index import Mention


MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}


# A day as (year, month, day); a date as pages write it: (first day, last day, precision: day, month or year).
Day = tuple[int, ...]
DateValue = tuple[Day, Day, str]


MONTH_NAMES: list[Any] = [None, "January", "February", "March", "April", "May", "June", "July", "August",
                          "September", "October", "November", "December"]


_MONTH = r"(?P<{n}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


_DAY = r"(?:the\s+)?(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?"


_DAY_OF = _DAY + r"(?:\s+of)?"  # "the 5th of February"


_TO = r"\s*(?:-|to|and|until|till|through|thru)\s*"


_Y = r",?\s+(?P<y>(?:1[89]|20)\d\d)\Z"


def _date(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b" + pattern.format(d1=_DAY_OF.format(n="d1"), d2=_DAY_OF.format(n="d2"),
                                             dd1=_DAY.format(n="d1"), dd2=_DAY.format(n="d2"),
                                             m=_MONTH.format(n="m"), m1=_MONTH.format(n="m1"),
                                             m2=_MONTH.format(n="m2")) + _Y)


DATE_PATTERNS = [  # ranges first: a range's end day must not also read as a single date
    ("range", _date(r"{d1}\s+{m1}{TO}{d2}\s+{m2}".replace("{TO}", _TO))),
    ("range", _date(r"{m1}\s+{dd1}{TO}{m2}\s+{dd2}".replace("{TO}", _TO))),
    ("range", _date(r"{dd1}(?:,\s*[0-3]?\d(?:st|nd|rd|th)?)*,?{TO}{d2}\s+{m}".replace("{TO}", _TO))),  # ("5, 7 and 9 May 2022")
    ("range", _date(r"{m}\s+{dd1}{TO}{dd2}".replace("{TO}", _TO))),
    ("day", _date(r"{d1}\s+{m}")),
    ("day", _date(r"{m}\s+{dd1}")),
    ("numeric", re.compile(r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:1[89]|20)\d\d)\Z")),
    ("month", _date(r"(?:(?:early|mid|late|end of|the end of|beginning of|start of)[\s-]+)?{m}(?:\s+of)?")),
]


ISO_DATE = re.compile(r"(?P<y>(?:1[89]|20)\d\d)(?P<sep>[-/])(?P<mm>[01]?\d)(?P=sep)(?P<d1>[0-3]?\d)(?![\d/-])")


MONTH_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")


DATE_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


DATE_REACH = 90  # characters before a year that a date ending in it may span


YEAR_TOKEN = re.compile(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]\d)")


# A year before 1800 only where nothing else can be meant: after a word of time, with no noun after it ("erupted
# 60 times since 1548", "built in 1630, the church"; never "in 1600 homes")
OLD_YEAR = re.compile(r"\b(?:since|in|from|until|till|before|after|around|circa|by)\s+(?P<year>1[0-7]\d\d)(?![\d.,]\d)"
                      r"(?=\s*(?:[,.;:)!?]|$)|\s+(?:and|but|or|when|as|to|with|by|in|on|at|the|a|an|he|she|it|they|we|his|her|its|their)\b)")
YEAR_RANGE = re.compile(r"(?<![\d.,])((?:1[89]|20)\d\d)\s?[-/]\s?(\d(?:\d(?:\d\d)?)?)(?![\d.,/-]?\d)")


def year_mentions(text: str) -> list[tuple[int, tuple[int, ...]]]:
    """Sorted (position, years) of every year in a folded text; a range such as "2022-23", "2008-9" or
    "2023-2027" stands for each of its years."""
    ranges: dict[int, tuple[tuple[int, ...], int]] = {}
    for m in YEAR_RANGE.finditer(text):
        first, end = int(m.group(1)), m.group(2)
        # "1999-00" ends in 2000, "2008-9" in 2009: a short end counts from the first year's
        last = first + (int(end) - first) % 10 ** len(end) if len(end) < 4 else int(end)
        if first < last <= first + 10:  # (ten years on at most: "2023-2034" is two years)
            ranges[m.start()] = (tuple(range(first, last + 1)), m.start(2))
    skip = {end for _, end in ranges.values()}
    found = []
    for m in YEAR_TOKEN.finditer(text):
        if m.start() in skip:
            continue
        years = ranges[m.start()][0] if m.start() in ranges else (int(m.group()),)
        found.append((m.start(), years))
    found += [(m.start("year"), (int(m.group("year")),)) for m in OLD_YEAR.finditer(text)]
    return sorted(found)


def month_bounds(year: int, month: int) -> tuple[Day, Day]:
    return (year, month, 1), (year, month, calendar.monthrange(year, month)[1])


def numeric_day_month(a: int, b: int, locale: str | None) -> tuple[int, int] | None:
    """The (day, month) of a numeric date "a/b/yyyy": by the locale's order where known; otherwise
    only when the order cannot matter (a day above 12, or both readings the same)."""
    order = day_first(locale)
    if order is True:
        return a, b
    if order is False:
        return b, a
    if a == b or (a > 12 and b <= 12):
        return a, b
    if b > 12 and a <= 12:
        return b, a
    return None


def read_date(precision: str, g: dict[str, Any], locale: str | None) -> DateValue | None:
    year = int(g["y"])
    if precision == "month":
        return month_bounds(year, MONTHS[g["m"]]) + ("month",)
    if precision == "numeric":
        day_month = numeric_day_month(int(g["a"]), int(g["b"]), locale)
        if day_month is None:
            return None
        first = (year, day_month[1], day_month[0])
        return first, first, "day"
    if precision == "day":
        first = (year, MONTHS[g["m"]], int(g["d1"]))
        return first, first, "day"
    m1 = MONTHS[g.get("m1") or g["m"]]
    m2 = MONTHS[g.get("m2") or g["m"]]
    return (year, m1, int(g["d1"])), (year, m2, int(g["d2"])), "day"


def date_mentions(text: str, locale: str | None = None) -> list[Mention]:
    """Dates in a folded text: day ranges, days, months, and numeric dates (by the locale's order
    where known). Each is looked for only where a year stands, since every spelling ends or starts
    with one."""
    return read_dates(text, locale)[0]


def read_dates(text: str, locale: str | None = None) -> tuple[list[Mention], list[Mention]]:
    """(dates, ambiguous): the dates of date_mentions, and the numeric dates whose day and month
    order the locale leaves open ("8/2/2024" with no locale), each with its two readings as its
    value: (day first, month first)."""
    found = []
    ambiguous = []
    taken_until = -1
    for y in DATE_YEAR.finditer(text):
        year_start, year_end = y.span()
        lo = max(0, year_start - DATE_REACH, taken_until)
        named = MONTH_HINT.search(text, lo, year_start) is not None
        numeric = year_start > 2 and text[year_start - 1] in "/.-" and text[year_start - 2].isdigit()
        for precision, pattern in DATE_PATTERNS:
            if not (numeric if precision == "numeric" else named):
                continue  # one quick look spares the patterns that cannot match here
            m = pattern.search(text, lo, year_end)
            if not m:
                continue
            try:
                value = read_date(precision, m.groupdict(), locale)
                if value is None:
                    if precision == "numeric":
                        ambiguous.append(Mention(m.start(), m.end(), two_readings(m.groupdict())))
                    continue
                datetime.date(*value[0]), datetime.date(*value[1])
            except (ValueError, KeyError):
                continue
            if value[0] > value[1]:
                continue
            found.append(Mention(m.start(), m.end(), value))
            taken_until = m.end()
            break
        else:
            m = ISO_DATE.match(text, year_start)
            if m and (year_start == 0 or not text[year_start - 1].isalnum()):
                try:
                    first = (int(m.group("y")), int(m.group("mm")), int(m.group("d1")))
                    datetime.date(*first)
                except ValueError:
                    continue
                found.append(Mention(m.start(), m.end(), (first, first, "day")))
                taken_until = m.end()
    return found, ambiguous


def two_readings(g: dict[str, Any]) -> tuple[Day, Day]:
    """The days a numeric date "a/b/yyyy" may be: (a as the day, b as the day)."""
    year, a, b = int(g["y"]), int(g["a"]), int(g["b"])
    return (year, b, a), (year, a, b)


def ambiguity_note(label: str, first: Day, last: Day, precision: str, written: str,
                   readings: tuple[Day, Day]) -> str | None:
    """A fact's label with why it was not found, when a numeric date on the page would be it in one
    order and not in the other: "8 February 2024 (8/2/2024 is ambiguous: day and month order
    unknown)"; None when neither reading is the fact."""
    if not any(date_matches((day, day, "day"), first, last, precision) for day in readings):
        return None
    return f"{label} ({written} is ambiguous: day and month order unknown)"


def date_matches(mention: DateValue, first: Day, last: Day, precision: str) -> bool:
    m_first, m_last, _ = mention
    if precision == "month":  # any date within the month
        return first <= m_first and m_last <= last
    return (m_first, m_last) == (first, last)


def parse_iso(value: str) -> DateValue:
    """'2012', '2012-02' or '2012-02-07' -> (first day, last day, precision)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return (parts[0], 1, 1), (parts[0], 12, 31), "year"
    if len(parts) == 2:
        first, last = month_bounds(*parts)
        return first, last, "month"
    return tuple(parts), tuple(parts), "day"


def describe_date(first: Day, last: Day, precision: str) -> str:
    if precision == "year":
        return str(first[0])
    if precision == "month":
        return f"{MONTH_NAMES[first[1]]} {first[0]}"
    if first == last:
        return f"{first[2]} {MONTH_NAMES[first[1]]} {first[0]}"
    if first[1] == last[1]:
        return f"{first[2]}-{last[2]} {MONTH_NAMES[first[1]]} {first[0]}"
    return f"{first[2]} {MONTH_NAMES[first[1]]} - {last[2]} {MONTH_NAMES[last[1]]} {last[0]}"
